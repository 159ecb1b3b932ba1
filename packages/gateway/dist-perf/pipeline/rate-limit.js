/**
 * Stage: rate limit. Before dispatch, takes one request (and the prompt's estimated tokens) from
 * every counter that applies — key, user, team, IP, model, tier — all or nothing. A full window
 * is a 429 naming the limit, with `retry-after` and the x-ratelimit-* headers; allowed answers
 * carry the headers too. After the answer, token counters are corrected to the real count.
 */
import { GatewayError } from '../core/index.js';
import { rateLimitHeaders } from './rate-limit-headers.js';
const NOTHING_TO_SETTLE = { applied: false, headers: {}, settleTokens: null };
export async function admitRateLimits(options) {
    const rules = options.policy.limitsFor(options.subject);
    if (rules.length === 0)
        return NOTHING_TO_SETTLE;
    const now = options.now ?? Date.now;
    const nowMs = now();
    let tokenRuleCount = 0;
    for (const rule of rules)
        if (rule.metric === 'tokens')
            tokenRuleCount += 1;
    const estimated = tokenRuleCount > 0 ? Math.max(0, Math.round(options.estimateTokens())) : 0;
    const counters = new Array(rules.length);
    for (let index = 0; index < rules.length; index += 1) {
        const rule = rules[index];
        counters[index] = { key: rule.counterKey, windowMs: rule.windowMs, limit: rule.limit, amount: rule.metric === 'requests' ? 1 : estimated };
    }
    const result = await options.counters.take(counters, nowMs);
    const headers = rateLimitHeaders(rules, result.states, nowMs);
    if (!result.allowed)
        throw rejection(rules, result.states, result.blocked, headers, nowMs);
    if (tokenRuleCount === 0)
        return { applied: true, headers, settleTokens: null };
    const tokenRules = rules.filter((rule) => rule.metric === 'tokens');
    return {
        applied: true,
        headers,
        settleTokens(actualTokens) {
            const difference = Math.round(actualTokens) - estimated;
            if (difference === 0)
                return;
            // Bookkeeping after the answer: never awaited by the request, never allowed to throw into it.
            options.counters
                .add(tokenRules.map((rule) => ({ key: rule.counterKey, windowMs: rule.windowMs, amount: difference })), nowMs)
                .catch(() => { });
        },
    };
}
function rejection(rules, states, blocked, headers, nowMs) {
    const blockedRules = rules.filter((rule) => blocked.includes(rule.counterKey));
    const first = blockedRules[0] ?? rules[0];
    const resetAtMs = Math.max(...blockedRules.map((rule) => states.find((state) => state.key === rule.counterKey)?.resetAtMs ?? nowMs + rule.windowMs));
    const retryAfterMs = Math.max(1_000, resetAtMs - nowMs);
    return new GatewayError('SY_ERR_RATE_LIMITED', `Rate limit reached: ${first.label}. Try again in ${Math.ceil(retryAfterMs / 1_000)} s.`, {
        retryAfterMs,
        headers,
    });
}
//# sourceMappingURL=rate-limit.js.map