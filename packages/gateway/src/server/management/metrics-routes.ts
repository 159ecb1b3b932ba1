/**
 * GET /api/ai/metrics (what the gateway is doing now and has done since it started: requests,
 * latency, errors, tokens, today's cost) and GET /api/ai/metrics/manager (the load balancer: the
 * global strategy, attempts distributed, each group's deployments with their load, breaker,
 * weight and share of recent traffic, and requests waiting). One replica's live view.
 */

import type { FastifyInstance } from 'fastify';
import type { Router } from '../../routing/router.js';
import type { AiMetricsReport } from '../../telemetry/live/live-stats.js';

export interface MetricsRoutesDeps {
  /** The live figures (telemetry/live/live-stats.ts `report()`). */
  report: () => AiMetricsReport;
  router: Router;
  /** Requests waiting in the gateway-wide queue (`server.maxConcurrentRequests`); 0 when unlimited. */
  gatewayQueued: () => number;
}

export interface DeploymentLoad {
  id: string;
  provider: string;
  enabled: boolean;
  weight: number;
  inFlight: number;
  queued: number;
  breaker: string;
  /** Its share of the group's attempts over the recent window, 0..1. */
  share: number;
  recentRequests: number;
  totalRequests: number;
}

export interface ManagerReport {
  algorithm: string;
  totalDistributed: number;
  queueLength: number;
  windowMs: number;
  modelLoads: Array<{ model: string; enabled: boolean; strategy: string; inFlight: number; recentRequests: number; deployments: DeploymentLoad[] }>;
}

const share = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000);

/** The load balancer's state from the running router. */
export function managerReport(router: Router, gatewayQueued: number): ManagerReport {
  const table = router.routingTable();
  let totalDistributed = 0;
  let queueLength = gatewayQueued;
  // A deployment serving several groups shares one set of figures: count it once.
  const counted = new Set<string>();
  const modelLoads = table.groups.map((group) => {
    const loads = group.deployments.map((entry) => {
      const { deployment } = entry;
      const stats = router.stats.snapshot(deployment.id);
      const queued = router.slots.snapshot(deployment.id)?.queued ?? 0;
      return { entry, stats, queued };
    });
    const recentRequests = loads.reduce((sum, load) => sum + load.stats.recentStarted, 0);
    const deployments = loads.map(({ entry, stats, queued }): DeploymentLoad => {
      if (!counted.has(entry.deployment.id)) {
        counted.add(entry.deployment.id);
        totalDistributed += stats.totalStarted;
        queueLength += queued;
      }
      return {
        id: entry.deployment.id,
        provider: entry.deployment.provider.id,
        enabled: entry.enabled,
        weight: entry.deployment.weight,
        inFlight: stats.inFlight,
        queued,
        breaker: router.breakers.state(entry.deployment.id),
        share: share(stats.recentStarted, recentRequests),
        recentRequests: stats.recentStarted,
        totalRequests: stats.totalStarted,
      };
    });
    return {
      model: group.name,
      enabled: group.enabled,
      strategy: group.strategy ?? table.strategy,
      inFlight: deployments.reduce((sum, deployment) => sum + deployment.inFlight, 0),
      recentRequests,
      deployments,
    };
  });
  return { algorithm: table.strategy, totalDistributed, queueLength, windowMs: router.stats.recentWindowMs, modelLoads };
}

export function registerMetricsRoutes(app: FastifyInstance, deps: MetricsRoutesDeps): void {
  app.get('/api/ai/metrics', { config: { permission: 'analytics.read' } }, async () => deps.report());
  app.get('/api/ai/metrics/manager', { config: { permission: 'analytics.read' } }, async () => managerReport(deps.router, deps.gatewayQueued()));
}
