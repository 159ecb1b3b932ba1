/**
 * GET /health (liveness), GET /ready (readiness: the database and other required components) and,
 * when metrics are on, GET /metrics (Prometheus text; analytics.read when observability.metrics.auth).
 */
export function registerOpsRoutes(app, services) {
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
    const metrics = services.metrics;
    if (metrics) {
        // A declared permission makes the onRequest hook authorise the caller (401/403 otherwise).
        app.get('/metrics', { config: metrics.auth ? { permission: 'analytics.read' } : {} }, async (_request, reply) => {
            reply.type(metrics.contentType);
            return metrics.render();
        });
    }
}
//# sourceMappingURL=ops-routes.js.map