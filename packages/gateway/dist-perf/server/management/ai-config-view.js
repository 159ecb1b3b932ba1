/**
 * What the routing administration routes answer: the models with their deployments and live state
 * (GET /api/ai/models), the per-deployment routing figures with each one's share of recent
 * traffic (GET /api/ai/routing), and the effective routing configuration with the stored
 * overrides (GET /api/ai/config). Read from the running router: one replica's live view.
 */
import { STRATEGY_FACTORIES } from '../../routing/strategies/index.js';
/** Milliseconds to two decimals, or null. */
function rounded(value) {
    return value === null ? null : Math.round(value * 100) / 100;
}
function liveState(router, deployment) {
    const stats = router.stats.snapshot(deployment.id);
    const slots = router.slots.snapshot(deployment.id);
    return {
        breaker: router.breakers.state(deployment.id),
        inFlight: stats.inFlight,
        latencyMs: rounded(stats.latencyMs),
        ttftMs: rounded(stats.ttftMs),
        errorRate: Math.round(stats.errorRate * 10_000) / 10_000,
        queued: slots?.queued ?? 0,
        maxConcurrentRequests: slots?.limit ?? (deployment.maxConcurrentRequests || null),
    };
}
function describeDeployment(entry) {
    const { deployment } = entry;
    return {
        id: deployment.id,
        provider: deployment.provider.id,
        model: deployment.model,
        weight: deployment.weight,
        enabled: entry.enabled,
        origin: entry.origin,
    };
}
function groupStrategy(router, group) {
    return group.strategy === undefined ? { strategy: router.routingTable().strategy, strategySource: 'global' } : { strategy: group.strategy, strategySource: 'group' };
}
/** GET /api/ai/models: every group, enabled or not, with its deployments and their live state. */
export function modelsView(router) {
    const table = router.routingTable();
    return {
        defaultModel: table.defaultModel,
        strategy: table.strategy,
        models: table.groups.map((group) => ({
            name: group.name,
            enabled: group.enabled,
            origin: group.origin,
            ...groupStrategy(router, group),
            default: table.defaultModel === group.name,
            deployments: group.deployments.map((entry) => ({ ...describeDeployment(entry), ...liveState(router, entry.deployment) })),
        })),
    };
}
/** GET /api/ai/routing: per deployment of each group, the live figures and its share of the group's recent traffic. */
export function routingView(router) {
    const table = router.routingTable();
    const deployments = table.groups.flatMap((group) => {
        const recent = group.deployments.map((entry) => router.stats.snapshot(entry.deployment.id));
        const groupTotal = recent.reduce((sum, stats) => sum + stats.recentStarted, 0);
        return group.deployments.map((entry, index) => {
            const stats = recent[index];
            return {
                group: group.name,
                groupEnabled: group.enabled,
                ...groupStrategy(router, group),
                ...describeDeployment(entry),
                ...liveState(router, entry.deployment),
                attemptsInWindow: stats.attempts,
                failuresInWindow: stats.failures,
                recentRequests: stats.recentStarted,
                totalRequests: stats.totalStarted,
                share: groupTotal === 0 ? 0 : Math.round((stats.recentStarted / groupTotal) * 10_000) / 10_000,
            };
        });
    });
    return { windowMs: router.stats.recentWindowMs, strategy: table.strategy, defaultModel: table.defaultModel, deployments };
}
/** GET /api/ai/config: the effective routing configuration, the rules in force and the stored overrides. */
export function configView(options) {
    const { router, state } = options;
    const table = router.routingTable();
    return {
        strategy: table.strategy,
        defaultModel: table.defaultModel,
        strategies: Object.keys(STRATEGY_FACTORIES),
        models: table.groups.map((group) => ({
            name: group.name,
            enabled: group.enabled,
            origin: group.origin,
            ...groupStrategy(router, group),
            deployments: group.deployments.map((entry) => ({
                ...describeDeployment(entry),
                maxTokens: entry.deployment.defaultMaxTokens,
                price: entry.deployment.price ?? null,
            })),
        })),
        rules: options.rules,
        overrides: state.overrides,
        revision: state.revision,
        updatedAt: state.updatedAt === null ? null : new Date(state.updatedAt).toISOString(),
        updatedBy: state.updatedBy,
        problems: state.problems,
    };
}
//# sourceMappingURL=ai-config-view.js.map