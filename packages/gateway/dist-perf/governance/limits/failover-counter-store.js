/**
 * A CounterStore that uses Redis and, while Redis fails or does not answer, the local store: limits
 * then hold per replica instead of across replicas (DESIGN.md, "Redis unavailable"). Counts taken
 * locally during an outage stay local; Redis resumes with what it had.
 */
import { FailoverState } from './failover-state.js';
export class FailoverCounterStore {
    primary;
    fallback;
    state;
    constructor(options) {
        this.primary = options.primary;
        this.fallback = options.fallback;
        this.state = new FailoverState(options);
    }
    /** True while answering from the local store. */
    get degraded() {
        return this.state.isDegraded;
    }
    /** Probes Redis now; resolves true when it is in use again (health checks, tests). */
    checkNow() {
        return this.state.check();
    }
    async take(counters, nowMs) {
        if (this.state.usePrimary()) {
            try {
                return await this.primary.take(counters, nowMs);
            }
            catch (error) {
                this.state.absorb(error);
            }
        }
        return this.fallback.take(counters, nowMs);
    }
    async add(counters, nowMs) {
        if (this.state.usePrimary()) {
            try {
                return await this.primary.add(counters, nowMs);
            }
            catch (error) {
                this.state.absorb(error);
            }
        }
        return this.fallback.add(counters, nowMs);
    }
}
//# sourceMappingURL=failover-counter-store.js.map