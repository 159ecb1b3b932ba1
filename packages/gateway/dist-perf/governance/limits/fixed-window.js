/**
 * Fixed-window arithmetic shared by the counter stores: windows are aligned to multiples of
 * windowMs since the epoch, so every replica (and Redis) agrees on where a window starts and ends
 * without talking to the others.
 */
export function fixedWindow(nowMs, windowMs) {
    if (!Number.isFinite(windowMs) || windowMs <= 0)
        throw new RangeError(`windowMs must be a positive number, got ${windowMs}`);
    const startMs = Math.floor(nowMs / windowMs) * windowMs;
    return { startMs, endMs: startMs + windowMs };
}
/**
 * Counters hold whole units (requests, tokens): Redis INCRBY only takes integers, and the memory
 * store rounds the same way so both answer alike.
 */
export function wholeAmount(amount) {
    if (!Number.isFinite(amount))
        throw new RangeError(`counter amount must be a finite number, got ${amount}`);
    return Math.round(amount);
}
//# sourceMappingURL=fixed-window.js.map