/**
 * Whether a failover wrapper should call its primary (Redis) or answer from its local fallback.
 * The first failed or timed-out call turns it degraded; from then on calls go local at once (no
 * request waits on a dead Redis), and now and then one call starts a background probe. When the
 * probe answers, the wrapper first resynchronises what it kept aside, then uses the primary again.
 */
export class FailoverState {
    options;
    resync;
    degraded = false;
    lastProbeAtMs = Number.NEGATIVE_INFINITY;
    probing = null;
    retryIntervalMs;
    now;
    constructor(options, 
    /** Run after a successful probe and before recovering; a failure keeps the wrapper degraded. */
    resync = async () => { }) {
        this.options = options;
        this.resync = resync;
        this.retryIntervalMs = options.retryIntervalMs ?? 1_000;
        this.now = options.now ?? Date.now;
    }
    get isDegraded() {
        return this.degraded;
    }
    /** True when this call should go to the primary; while degraded, may start a probe in the background. */
    usePrimary() {
        if (!this.degraded)
            return true;
        if (this.probing === null && this.now() - this.lastProbeAtMs >= this.retryIntervalMs)
            void this.check();
        return false;
    }
    /**
     * A primary call threw: rethrows errors in the caller's input (RangeError from the window and
     * amount checks: the local store would refuse them too, and they say nothing about Redis);
     * anything else means Redis failed, so go local.
     */
    absorb(error) {
        if (error instanceof RangeError)
            throw error;
        this.failed(error);
    }
    /** The primary failed: go local. */
    failed(error) {
        if (this.degraded)
            return;
        this.degraded = true;
        this.lastProbeAtMs = this.now();
        this.options.onDegraded?.(error);
    }
    /** Probes the primary now (one probe at a time); resolves true when the primary is in use afterwards. */
    check() {
        if (!this.degraded)
            return Promise.resolve(true);
        if (this.probing !== null)
            return this.probing;
        this.lastProbeAtMs = this.now();
        const attempt = this.probeAndResync();
        this.probing = attempt;
        void attempt.finally(() => {
            if (this.probing === attempt)
                this.probing = null;
        });
        return attempt;
    }
    async probeAndResync() {
        try {
            await this.options.probe();
            await this.resync();
        }
        catch {
            return false;
        }
        this.degraded = false;
        this.options.onRecovered?.();
        return true;
    }
}
//# sourceMappingURL=failover-state.js.map