/**
 * A token bucket for a client's message rate: holds up to `perSecond` tokens, refills at
 * `perSecond` a second, and each message takes one. Bursts up to one second's worth pass.
 */
export class TokenBucket {
    #perSecond;
    #now;
    #tokens;
    #updatedAt;
    constructor(options) {
        this.#perSecond = options.perSecond;
        this.#now = options.now ?? (() => performance.now());
        this.#tokens = options.perSecond;
        this.#updatedAt = this.#now();
    }
    /** Takes a token; false when none is left. */
    take() {
        const now = this.#now();
        this.#tokens = Math.min(this.#perSecond, this.#tokens + ((now - this.#updatedAt) / 1000) * this.#perSecond);
        this.#updatedAt = now;
        if (this.#tokens < 1)
            return false;
        this.#tokens -= 1;
        return true;
    }
}
//# sourceMappingURL=token-bucket.js.map