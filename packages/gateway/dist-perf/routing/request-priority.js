/**
 * A request's place in the concurrency queues (gateway-wide and per deployment): the client's
 * priority hint (`x-switchyard-priority` or body metadata) when it sent one, otherwise the priority
 * its key's tier maps to (`routing.tierPriority`), otherwise normal. The master key and dashboard
 * users have no tier and queue at normal.
 */
/**
 * Built-in tiers (governance: standard, premium, enterprise), one priority each, so that under
 * load the tiers that pay more wait less. Configured entries are merged over these.
 */
export const DEFAULT_TIER_PRIORITY = Object.freeze({ enterprise: 'high', premium: 'normal', standard: 'low' });
export function requestPriority(options) {
    if (options.hint)
        return options.hint;
    if (options.keyTier === null)
        return 'normal';
    // An own property only: a tier named like an Object.prototype member must not match one.
    return Object.hasOwn(options.tierPriority, options.keyTier) ? options.tierPriority[options.keyTier] : 'normal';
}
//# sourceMappingURL=request-priority.js.map