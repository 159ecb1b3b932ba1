/**
 * Budgets are kept in integer micro-dollars (1 USD = 1,000,000), in memory and in Redis alike.
 * Adding floats drifts: twenty reservations of $0.10 sum to 2.0000000000000004, which would refuse
 * the twentieth against a $2.00 limit. Integers up to 2^53 micro-dollars (about $9 billion) are exact.
 */
const MICRO_PER_USD = 1_000_000;
export function toMicroUsd(usd) {
    if (!Number.isFinite(usd))
        throw new RangeError(`amount in USD must be a finite number, got ${usd}`);
    return Math.round(usd * MICRO_PER_USD);
}
export function fromMicroUsd(micro) {
    return micro / MICRO_PER_USD;
}
//# sourceMappingURL=micro-usd.js.map