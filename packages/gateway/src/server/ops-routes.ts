/** GET /health (liveness) and GET /ready (readiness: the database and other required components). */

import type { FastifyInstance } from 'fastify';
import type { GatewayServices } from './services.js';

export function registerOpsRoutes(app: FastifyInstance, services: GatewayServices): void {
  app.get('/health', async () => {
    const degraded = services.degradedComponents?.() ?? [];
    return degraded.length === 0 ? { status: 'ok' } : { status: 'degraded', degraded };
  });
  app.get('/ready', async (_request, reply) => {
    const report = await services.readiness();
    reply.code(report.ready ? 200 : 503);
    const degraded = report.ready && Object.values(report.checks).some((check) => !check.ok);
    return { status: report.ready ? (degraded ? 'degraded' : 'ready') : 'not_ready', checks: report.checks };
  });
}
