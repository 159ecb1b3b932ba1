/**
 * Builds the governance policy snapshot from the config and the database (limits and budgets
 * stored through the management API), and seeds the budget ledger with what each budget has
 * already spent in its current period (from the usage table), so a restart or a new replica does
 * not forget spend. Reloaded after every management change and periodically, so that replicas
 * sharing a database converge without a restart.
 */
import { currentPeriod } from './budget-period.js';
import { PolicyStore } from './policy.js';
export async function createPolicyLoader(options) {
    const seeded = new Set();
    const snapshot = await readSnapshot(options);
    const policy = new PolicyStore(snapshot, { onThreshold: options.onThreshold });
    const seed = async (budget, force) => {
        const period = currentPeriod({ period: budget.period, nowMs: Date.now(), resetAtMs: budget.resetAtMs });
        const marker = `${budget.id}\u0000${period.key}`;
        if (seeded.has(marker) && !force)
            return;
        const spentUsd = await spendOf(options.spend, budget, period.startMs);
        await options.ledger.seed(budget.id, period.key, spentUsd, period.endMs);
        seeded.add(marker);
    };
    const seedAll = async () => {
        for (const budget of policy.snapshot.budgets)
            await seed(budget, false);
    };
    await seedAll();
    let timer = null;
    let reloading = null;
    let lastError = null;
    const reload = async () => {
        policy.replace(await readSnapshot(options));
        await seedAll();
    };
    if (options.refreshIntervalMs > 0) {
        timer = setInterval(() => {
            reloading ??= reload()
                .then(() => {
                lastError = null;
            })
                .catch((error) => {
                lastError = { message: error instanceof Error ? error.message : String(error), atMs: Date.now() };
                options.onError?.(error);
            })
                .finally(() => {
                reloading = null;
            });
        }, options.refreshIntervalMs);
        timer.unref();
    }
    return {
        policy,
        reload,
        lastError: () => lastError,
        async seedBudget(budgetId) {
            const budget = policy.snapshot.budgets.find((candidate) => candidate.id === budgetId);
            if (budget)
                await seed(budget, true);
        },
        stop() {
            if (timer)
                clearInterval(timer);
        },
    };
}
async function spendOf(spend, budget, sinceMs) {
    if (budget.scope === 'global')
        return spend.spendSince({ scope: 'global', sinceMs });
    if (budget.scopeId === null)
        return 0;
    return spend.spendSince({ scope: budget.scope, scopeId: budget.scopeId, sinceMs });
}
async function readSnapshot(options) {
    const [storedLimits, storedBudgets] = await Promise.all([options.rateLimits.list(), options.budgets.list()]);
    const stored = storedLimits.map((limit) => ({
        id: limit.id,
        scope: limit.scopeType,
        scopeId: limit.scopeId,
        metric: limit.metric,
        limit: limit.limit,
        windowMs: limit.windowMs,
        model: limit.model,
        provider: limit.provider,
    }));
    const budgets = storedBudgets.map((budget) => ({
        id: budget.id,
        name: budget.name,
        scope: budget.scopeType,
        scopeId: budget.scopeId,
        limitUsd: budget.limitUsd,
        period: budget.period,
        thresholds: budget.thresholds,
        resetAtMs: budget.resetAt === null ? null : budget.resetAt.getTime(),
    }));
    for (const budget of options.governance.budgets) {
        budgets.push({
            id: `cfg_${budget.name}`,
            name: budget.name,
            scope: budget.scope,
            scopeId: await resolveTarget(options, budget.scope, budget.target),
            limitUsd: budget.limitUsd,
            period: budget.period,
            thresholds: budget.thresholds,
            resetAtMs: null,
        });
    }
    return {
        tiers: options.governance.tiers,
        premiumModels: options.governance.premiumModels,
        rateLimits: options.governance.rateLimits,
        providerDailyCaps: options.governance.providerDailyCaps,
        stored,
        budgets,
    };
}
/** Config budgets may name a team by name and a user by e-mail; the policy matches ids. */
async function resolveTarget(options, scope, target) {
    if (target === null || scope === 'global')
        return null;
    if (scope === 'team')
        return (await options.teams.findByIdOrName(target))?.id ?? target;
    if (scope === 'user')
        return (target.includes('@') ? (await options.users.findByEmail(target))?.id : undefined) ?? target;
    return target;
}
//# sourceMappingURL=policy-loader.js.map