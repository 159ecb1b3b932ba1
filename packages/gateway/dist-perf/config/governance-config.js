/**
 * Resolves the `governance:` section: built-in tier defaults (standard, premium, enterprise) under
 * what the file sets, limits flattened to { metric, limit, windowMs }, and cross-checks against
 * the model groups (a premium model or limit naming an unknown group is a problem, not a no-op).
 */
const FIFTEEN_MINUTES = 15 * 60_000;
/** The tiers: standard (basic models, 100 requests per 15 minutes), premium (all, 1,000), enterprise (custom). */
export const DEFAULT_TIERS = {
    standard: { models: 'basic', limits: [{ metric: 'requests', limit: 100, windowMs: FIFTEEN_MINUTES }] },
    premium: { models: 'all', limits: [{ metric: 'requests', limit: 1_000, windowMs: FIFTEEN_MINUTES }] },
    enterprise: { models: 'all', limits: [] },
};
function toLimit(limit) {
    return limit.requests !== undefined
        ? { metric: 'requests', limit: limit.requests, windowMs: limit.per }
        : { metric: 'tokens', limit: limit.tokens ?? 0, windowMs: limit.per };
}
export function resolveGovernance(file, groupNames) {
    const problems = [];
    const tiers = { ...DEFAULT_TIERS };
    for (const [name, tier] of Object.entries(file.tiers)) {
        tiers[name] = { models: tier.models, limits: tier.limits.map(toLimit) };
        if (Array.isArray(tier.models)) {
            tier.models.forEach((model, index) => {
                if (!groupNames.has(model))
                    problems.push(`governance.tiers.${name}.models[${index}]: unknown model group "${model}"`);
            });
        }
    }
    file.premiumModels.forEach((model, index) => {
        if (!groupNames.has(model))
            problems.push(`governance.premiumModels[${index}]: unknown model group "${model}"`);
    });
    const rateLimits = file.rateLimits.map((limit, index) => {
        if (limit.model !== undefined && !groupNames.has(limit.model)) {
            problems.push(`governance.rateLimits[${index}].model: unknown model group "${limit.model}"`);
        }
        return { ...toLimit(limit), scope: limit.scope, model: limit.model ?? null };
    });
    const budgets = file.budgets.map((budget, index) => {
        if (budget.scope !== 'global' && budget.target === undefined) {
            problems.push(`governance.budgets[${index}].target: a ${budget.scope} budget names its ${budget.scope} in \`target\``);
        }
        return { ...budget, target: budget.target ?? null };
    });
    return {
        governance: {
            tiers,
            premiumModels: file.premiumModels,
            rateLimits,
            providerDailyCaps: file.providerDailyCaps,
            budgets,
            keyRotationGraceMs: file.keyRotationGrace,
            sessions: { accessTtlMs: file.sessions.accessTtl, refreshTtlMs: file.sessions.refreshTtl },
        },
        problems,
    };
}
//# sourceMappingURL=governance-config.js.map