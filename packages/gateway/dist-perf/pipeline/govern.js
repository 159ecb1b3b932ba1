/**
 * Runs the governance stages for one request, in order: tier model access, rate limits, budget.
 * Each stage that admits the request leaves a settlement on the request state, run once the usage
 * row exists (real tokens for the token counters, real cost for the budgets), so a request that
 * fails, disconnects or succeeds is settled the same way.
 */
import { GatewayError } from '../core/index.js';
import { admitBudgets, worstCaseCostUsd } from './budget.js';
import { admitRateLimits } from './rate-limit.js';
export function subjectOf(principal, options) {
    switch (principal.kind) {
        case 'master':
            return { keyId: null, userId: null, teamId: null, tier: null, ip: options.ip, model: options.model };
        case 'key':
            return {
                keyId: principal.key.id,
                userId: principal.key.userId,
                teamId: principal.key.teamId,
                tier: principal.key.tier,
                ip: options.ip,
                model: options.model,
            };
        case 'user':
            return { keyId: null, userId: principal.user.id, teamId: principal.user.teamId, tier: null, ip: options.ip, model: options.model };
    }
}
export async function govern(options) {
    const { governance, state } = options;
    if (!governance || !state.principal)
        return;
    const subject = subjectOf(state.principal, { ip: options.ip, model: options.model });
    const denied = governance.policy.modelDenied(subject);
    if (denied !== null)
        throw new GatewayError('SY_ERR_MODEL_FORBIDDEN', denied, { param: 'model' });
    let promptTokens = null;
    const prompt = () => (promptTokens ??= options.promptTokens());
    const limits = await admitRateLimits({ policy: governance.policy, counters: governance.counters, subject, estimateTokens: prompt });
    // The headers object is this request's own (rateLimitHeaders makes a new one), so it is kept as it is.
    if (limits.applied)
        state.responseHeaders = state.responseHeaders ? Object.assign(state.responseHeaders, limits.headers) : limits.headers;
    const { settleTokens } = limits;
    if (settleTokens)
        (state.afterRecord ??= []).push((row) => settleTokens(row.promptTokens + row.completionTokens));
    const budgets = governance.policy.budgetsFor(subject, Date.now());
    if (budgets.length === 0)
        return;
    const worstCaseUsd = worstCaseCostUsd({
        deployments: options.deployments,
        prices: governance.prices,
        promptTokens: prompt(),
        maxOutputTokens: options.maxOutputTokens,
    });
    const admission = await admitBudgets({ policy: governance.policy, ledger: governance.ledger, budgets, worstCaseUsd });
    (state.afterRecord ??= []).push((row) => admission.settle(row.costUsd));
}
/**
 * The dispatch-time check of per-provider caps (a user's daily calls to one provider): answers the
 * refusal for a deployment whose provider is capped, so dispatch tries another provider instead.
 * Undefined when no policy can cap providers; null, at once, for a deployment nothing caps.
 */
export function providerAdmission(options) {
    const { governance, state } = options;
    if (!governance || !governance.policy.providerLimitsFor || !state.principal)
        return undefined;
    const { policy, counters } = governance;
    const principal = state.principal;
    let subject = null;
    return (deployment) => {
        subject ??= subjectOf(principal, { ip: options.ip, model: options.model });
        const rules = policy.providerLimitsFor?.(subject, deployment.provider.id) ?? [];
        if (rules.length === 0)
            return null;
        return admitProvider({ counters, subject, rules });
    };
}
async function admitProvider(options) {
    const { rules } = options;
    try {
        const policy = { limitsFor: () => rules, budgetsFor: () => [], modelDenied: () => null };
        await admitRateLimits({ policy, counters: options.counters, subject: options.subject, estimateTokens: () => 0 });
        return null;
    }
    catch (error) {
        return error instanceof GatewayError ? error : null;
    }
}
//# sourceMappingURL=govern.js.map