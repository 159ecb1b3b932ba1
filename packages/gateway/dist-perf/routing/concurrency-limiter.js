/**
 * A concurrency limiter: at most `maxConcurrent` holders at once, the rest wait in a bounded queue
 * ordered by priority (high, then normal, then low; first come first served within a priority).
 * Issue 3 "Concurrency": one limiter for the gateway and one per deployment. Nobody waits without
 * bound: a full queue rejects at once and a wait past `maxWaitMs` rejects, both as a 429
 * (SY_ERR_CONCURRENCY_LIMITED) whose `retryAfterMs` the protocol renderers turn into `retry-after`.
 *
 * A release hands its slot straight to the next waiter (never back to a free-for-all), so only one
 * waiter wakes per release. No timer outlives its waiter.
 */
import { GatewayError } from '../core/index.js';
const PRIORITIES = ['high', 'normal', 'low'];
/** Weight of the newest hold time in the moving average behind `retry-after`. */
const HOLD_SMOOTHING = 0.2;
const MIN_RETRY_AFTER_MS = 1_000;
export class ConcurrencyLimiter {
    maxConcurrent;
    maxQueue;
    maxWaitMs;
    name;
    now;
    /** One FIFO per priority; a Set keeps insertion order and deletes an aborted waiter in O(1). */
    waiters = { high: new Set(), normal: new Set(), low: new Set() };
    holders = 0;
    averageHoldMs = null;
    constructor(options) {
        for (const field of ['maxConcurrent', 'maxQueue', 'maxWaitMs']) {
            const value = options[field];
            if (Number.isNaN(value) || value < 0)
                throw new RangeError(`ConcurrencyLimiter: ${field} must be a number ≥ 0 (got ${value})`);
        }
        this.maxConcurrent = options.maxConcurrent === 0 ? Infinity : options.maxConcurrent;
        this.maxQueue = options.maxQueue;
        this.maxWaitMs = options.maxWaitMs;
        this.name = options.name ?? 'the gateway';
        this.now = options.now ?? (() => performance.now());
    }
    /** Requests holding a slot now. */
    get inFlight() {
        return this.holders;
    }
    /** Requests waiting for a slot now. */
    get queued() {
        return this.waiters.high.size + this.waiters.normal.size + this.waiters.low.size;
    }
    /**
     * Resolves with a release function once a slot is free; the caller must call it (in a `finally`)
     * when done, even if its signal aborts after the grant. Rejects with SY_ERR_CONCURRENCY_LIMITED
     * (429, retryAfterMs set) when the queue is full or `maxWaitMs` passes, and with
     * SY_ERR_CLIENT_DISCONNECTED when `signal` aborts first (or had already aborted).
     */
    acquire(options) {
        const { signal } = options;
        if (signal?.aborted)
            return Promise.reject(disconnected());
        const release = this.tryAcquire();
        if (release)
            return Promise.resolve(release);
        if (this.queued >= this.maxQueue || this.maxWaitMs === 0) {
            return Promise.reject(this.limited(`${this.name} is at its limit of ${this.maxConcurrent} concurrent requests and its wait queue is full`));
        }
        return new Promise((resolve, reject) => {
            const queue = this.waiters[options.priority];
            const leave = () => {
                queue.delete(waiter);
                if (timer !== undefined)
                    clearTimeout(timer);
                signal?.removeEventListener('abort', abandon);
            };
            const abandon = () => {
                leave();
                reject(disconnected());
            };
            const timer = Number.isFinite(this.maxWaitMs)
                ? setTimeout(() => {
                    leave();
                    reject(this.limited(`${this.name} found no free slot among its ${this.maxConcurrent} concurrent requests within ${this.maxWaitMs} ms`));
                }, this.maxWaitMs)
                : undefined;
            const waiter = {
                signal,
                grant: (release) => {
                    leave();
                    resolve(release);
                },
                abandon,
            };
            signal?.addEventListener('abort', abandon, { once: true });
            queue.add(waiter);
        });
    }
    /** A release function when a slot is free and nobody is waiting for one, else null (never waits). */
    tryAcquire() {
        if (this.holders >= this.maxConcurrent || this.queued > 0)
            return null;
        this.holders += 1;
        return this.releaseFor(this.now());
    }
    /** One release per grant; the closure's flag makes a second call a no-op. */
    releaseFor(grantedAt) {
        let released = false;
        return () => {
            if (released)
                return;
            released = true;
            this.recordHold(this.now() - grantedAt);
            const next = this.nextWaiter();
            if (next) {
                // The slot passes on without ever being free, so no later arrival can take it first.
                next.grant(this.releaseFor(this.now()));
            }
            else {
                this.holders -= 1;
            }
        };
    }
    /** The first waiter of the highest priority whose client is still there. */
    nextWaiter() {
        for (const priority of PRIORITIES) {
            for (const waiter of this.waiters[priority]) {
                // An abort removes its waiter at once; this only guards a signal that aborted unheard.
                if (waiter.signal?.aborted) {
                    waiter.abandon();
                    continue;
                }
                return waiter;
            }
        }
        return undefined;
    }
    recordHold(holdMs) {
        const sample = Math.max(0, holdMs);
        this.averageHoldMs = this.averageHoldMs === null ? sample : this.averageHoldMs + HOLD_SMOOTHING * (sample - this.averageHoldMs);
    }
    /**
     * How long until a retry likely finds room: the queue ahead drained at `maxConcurrent` per
     * average hold time; before any hold was seen, `maxWaitMs`. Kept within [1 s, max(1 s, maxWaitMs)]
     * so clients neither hammer us nor wait longer than we would have held them.
     */
    retryAfterMs() {
        const ceiling = Number.isFinite(this.maxWaitMs) ? Math.max(MIN_RETRY_AFTER_MS, this.maxWaitMs) : Infinity;
        const rounds = Math.ceil((this.queued + 1) / this.maxConcurrent);
        const estimate = this.averageHoldMs === null ? this.maxWaitMs : this.averageHoldMs * rounds;
        const bounded = Math.min(ceiling, Math.max(MIN_RETRY_AFTER_MS, estimate));
        return Number.isFinite(bounded) ? Math.ceil(bounded) : MIN_RETRY_AFTER_MS * 60;
    }
    limited(reason) {
        const retryAfterMs = this.retryAfterMs();
        const seconds = Math.ceil(retryAfterMs / 1000);
        return new GatewayError('SY_ERR_CONCURRENCY_LIMITED', `Too many concurrent requests: ${reason}. Retry after ${seconds} s.`, { retryAfterMs });
    }
}
function disconnected() {
    return new GatewayError('SY_ERR_CLIENT_DISCONNECTED', 'The client disconnected while waiting for a concurrency slot.');
}
//# sourceMappingURL=concurrency-limiter.js.map