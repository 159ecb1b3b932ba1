/**
 * GET /api/health and its alias /api/ai/health: every component's status with a detail line and an
 * overall status. 200 while the gateway serves (ok or degraded), 503 when it cannot (the database
 * is down), so a load balancer may probe it as well as /ready.
 */
export function registerHealthRoutes(app, report) {
    for (const path of ['/api/health', '/api/ai/health']) {
        app.get(path, { config: { permission: 'models.read' } }, async (_request, reply) => {
            const health = await report();
            reply.code(health.status === 'down' ? 503 : 200);
            return health;
        });
    }
}
//# sourceMappingURL=health-routes.js.map