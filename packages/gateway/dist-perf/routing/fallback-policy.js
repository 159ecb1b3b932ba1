/**
 * The fallback policy: once a model group's own deployments failed, which other groups to try, in
 * order, chosen by the class of the error. Pure: the config is passed in, nothing is fetched.
 *
 * Order for a fallback-worthy error: the per-request override (body `fallbacks` or the
 * `x-switchyard-fallbacks` header), then the list configured for the error's class and group, then
 * the group's general list, then the default list for every group. An override replaces the
 * general and default lists (the client chose its chain) but not the class list. Duplicates and the
 * group itself are dropped. Chains are flat: a fallback group's own fallbacks are not followed.
 *
 * Two classes are exclusive: a context-window error goes only to its `context_window` list (a
 * larger-context model) and a content-policy refusal only to its `content_policy` list (a model
 * with another moderation). The general, default and per-request lists are there for outages;
 * their models would very likely refuse the same prompt the same way, costing a round trip each
 * and hiding the real error behind the last one. With no class list configured, such errors fail.
 *
 * The client's own mistakes (invalid request, a bad key, the client leaving) and our own failures
 * get no fallback at all: another model cannot fix them. See retry-policy.ts for how the two compose.
 */
const CLASS_OF = {
    SY_ERR_UPSTREAM_RATE_LIMITED: 'rate_limited',
    SY_ERR_UPSTREAM_SERVER: 'server_error',
    SY_ERR_UPSTREAM_OVERLOADED: 'server_error',
    SY_ERR_UPSTREAM_UNREACHABLE: 'server_error',
    SY_ERR_UPSTREAM_TIMEOUT: 'timeout',
    SY_ERR_CONTEXT_WINDOW_EXCEEDED: 'context_window',
    SY_ERR_CONTENT_FILTERED: 'content_policy',
};
const EXCLUSIVE = new Set(['context_window', 'content_policy']);
/**
 * Failures without a class that another group may still serve: the deployments' own credentials,
 * model or protocol limits, and no deployment being available (all breakers open, all disabled).
 */
const GENERAL_ONLY = new Set([
    'SY_ERR_UPSTREAM_AUTH',
    'SY_ERR_UPSTREAM_PERMISSION',
    'SY_ERR_UPSTREAM_NOT_FOUND',
    'SY_ERR_UNSUPPORTED_OPERATION',
    'SY_ERR_NO_DEPLOYMENT_AVAILABLE',
]);
/** The error's fallback class, or null when it has none. */
export function classify(error) {
    return CLASS_OF[error.code] ?? null;
}
export function createFallbackPolicy(config) {
    return {
        fallbacksFor(input) {
            const errorClass = input.error === null ? null : classify(input.error);
            const classList = errorClass === null ? [] : (config.byClass?.[errorClass]?.[input.group] ?? []);
            let chain;
            if (errorClass !== null && EXCLUSIVE.has(errorClass)) {
                chain = classList;
            }
            else if (input.error !== null && errorClass === null && !GENERAL_ONLY.has(input.error.code)) {
                chain = [];
            }
            else if (input.requestOverride !== undefined) {
                chain = [...input.requestOverride, ...classList];
            }
            else {
                chain = [...classList, ...(config.fallbacks[input.group] ?? []), ...(config.defaultFallbacks ?? [])];
            }
            return unique(chain, input.group);
        },
    };
}
/**
 * Reads `x-switchyard-fallbacks: a, b` into ['a', 'b']; undefined when absent or blank (a blank
 * header is more likely a proxy artefact than a wish for no fallbacks; body `fallbacks: []` says
 * that). Repeated headers (an array, or Node's comma-joined value) are read as one list.
 */
export function parseFallbackHeader(value) {
    if (value === undefined)
        return undefined;
    const joined = typeof value === 'string' ? value : value.join(',');
    const names = joined
        .split(',')
        .map((name) => name.trim())
        .filter((name) => name.length > 0);
    return names.length === 0 ? undefined : names;
}
function unique(names, exclude) {
    const seen = new Set([exclude]);
    const result = [];
    for (const name of names) {
        if (seen.has(name))
            continue;
        seen.add(name);
        result.push(name);
    }
    return result;
}
//# sourceMappingURL=fallback-policy.js.map