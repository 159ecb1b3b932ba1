/** GET /health (liveness) and GET /ready (readiness: the database and other required components). */

import type { FastifyInstance } from 'fastify';
import type { GatewayServices } from './services.js';

export function registerOpsRoutes(app: FastifyInstance, services: GatewayServices): void {
  app.get('/health', async () => ({ status: 'ok' }));
  app.get('/ready', async (_request, reply) => {
    const report = await services.readiness();
    reply.code(report.ready ? 200 : 503);
    return { status: report.ready ? 'ready' : 'not_ready', checks: report.checks };
  });
}
