/**
 * GET /api/ai/metrics (what the gateway is doing now and has done since it started: requests,
 * latency, errors, tokens, today's cost) and GET /api/ai/metrics/manager (the load balancer: the
 * global strategy, attempts distributed, each group's deployments with their load, breaker,
 * weight and share of recent traffic, and requests waiting). One replica's live view.
 */
const share = (part, whole) => (whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000);
/** The load balancer's state from the running router. */
export function managerReport(router, gatewayQueued) {
    const table = router.routingTable();
    let totalDistributed = 0;
    let queueLength = gatewayQueued;
    // A deployment serving several groups shares one set of figures: count it once.
    const counted = new Set();
    const modelLoads = table.groups.map((group) => {
        const loads = group.deployments.map((entry) => {
            const { deployment } = entry;
            const stats = router.stats.snapshot(deployment.id);
            const queued = router.slots.snapshot(deployment.id)?.queued ?? 0;
            return { entry, stats, queued };
        });
        const recentRequests = loads.reduce((sum, load) => sum + load.stats.recentStarted, 0);
        const deployments = loads.map(({ entry, stats, queued }) => {
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
export function registerMetricsRoutes(app, deps) {
    app.get('/api/ai/metrics', { config: { permission: 'analytics.read' } }, async () => deps.report());
    app.get('/api/ai/metrics/manager', { config: { permission: 'analytics.read' } }, async () => managerReport(deps.router, deps.gatewayQueued()));
}
//# sourceMappingURL=metrics-routes.js.map