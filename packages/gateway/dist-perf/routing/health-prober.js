/**
 * Active health probes: for each deployment with `healthCheck`, a cheap real call every
 * `intervalMs` (the call itself is injected: the assembly builds it from the provider adapters),
 * whose outcome feeds the deployment's breaker and error-rate window like a request's. So a
 * deployment that goes down is taken out of routing with no client paying for the discovery, and
 * the half-open trial after the cool-down can be a probe, which brings it back once it recovers.
 *
 * Probes of one deployment never overlap: the next is scheduled only once the previous ended.
 * Timers are unref'd (they never keep the process alive); `stop` cancels timers, aborts probes in
 * flight and resolves once they have settled.
 */
import { GatewayError, toGatewayError } from '../core/index.js';
export class HealthProber {
    router;
    probe;
    onProbe;
    /** One target per deployment id: breakers are per id, so an id shared by groups is probed once. */
    targets = new Map();
    stopping = new AbortController();
    started = false;
    constructor(options) {
        this.router = options.router;
        this.probe = options.probe;
        this.onProbe = options.onProbe;
        for (const group of options.groups) {
            for (const deployment of group.deployments) {
                if (deployment.healthCheck && !this.targets.has(deployment.id)) {
                    this.targets.set(deployment.id, { deployment, settings: deployment.healthCheck, timer: null, running: null });
                }
            }
        }
    }
    /** Deployment ids that are probed. */
    get deploymentIds() {
        return [...this.targets.keys()];
    }
    /** True between start() and stop(). */
    get running() {
        return this.started && !this.stopping.signal.aborted;
    }
    /** Starts probing: each deployment's first probe at once, then every `intervalMs`. Idempotent. */
    start() {
        if (this.started || this.stopping.signal.aborted)
            return;
        this.started = true;
        for (const target of this.targets.values())
            this.schedule(target, 0);
    }
    /** Stops for good: no new probes; probes in flight are aborted and awaited. */
    async stop() {
        this.stopping.abort();
        for (const target of this.targets.values()) {
            if (target.timer)
                clearTimeout(target.timer);
            target.timer = null;
        }
        await Promise.all([...this.targets.values()].map((target) => target.running));
    }
    /** Runs one probe of the deployment now, unless one is already running (then waits for it). */
    probeNow(deploymentId) {
        const target = this.targets.get(deploymentId);
        if (!target)
            return Promise.resolve();
        return target.running ?? this.run(target);
    }
    schedule(target, delayMs) {
        if (this.stopping.signal.aborted)
            return;
        target.timer = setTimeout(() => {
            target.timer = null;
            const startedAt = performance.now();
            void (target.running ?? this.run(target)).then(() => {
                // Keep the cadence from start to start, but never start before the previous probe ended.
                this.schedule(target, Math.max(0, target.settings.intervalMs - (performance.now() - startedAt)));
            });
        }, delayMs);
        target.timer.unref();
    }
    run(target) {
        target.running = this.probeOnce(target)
            // probeOnce handles the probe's own failures; this only keeps a bug from stopping the schedule.
            .catch(() => undefined)
            .finally(() => {
            target.running = null;
        });
        return target.running;
    }
    async probeOnce(target) {
        const { deployment, settings } = target;
        const startedAt = performance.now();
        if (this.stopping.signal.aborted)
            return;
        if (!this.router.beginProbe(deployment)) {
            this.report({ deploymentId: deployment.id, ok: false, error: null, skipped: true, latencyMs: 0 });
            return;
        }
        const deadline = AbortSignal.timeout(settings.timeoutMs);
        let error = null;
        try {
            await this.probe(withinTimeout(deployment, settings.timeoutMs), AbortSignal.any([this.stopping.signal, deadline]));
        }
        catch (thrown) {
            // Our own deadline reads as a client abort to the HTTP layer; it is the upstream's slowness.
            error = deadline.aborted && !this.stopping.signal.aborted
                ? new GatewayError('SY_ERR_UPSTREAM_TIMEOUT', `Health probe of deployment '${deployment.id}' took longer than ${settings.timeoutMs} ms.`, { cause: thrown })
                : toGatewayError(thrown);
        }
        const cutShort = error !== null && this.stopping.signal.aborted;
        this.router.probed(deployment, error === null ? { ok: true } : { ok: false, error: cutShort ? null : error });
        this.report({ deploymentId: deployment.id, ok: error === null, error: cutShort ? null : error, skipped: false, latencyMs: performance.now() - startedAt });
    }
    report(event) {
        try {
            this.onProbe?.(event);
        }
        catch {
            // A logging hook must never stop the probes.
        }
    }
}
/** The deployment with every upstream timeout capped at the probe's, so the HTTP layer reports a timeout itself. */
function withinTimeout(deployment, timeoutMs) {
    const { timeouts } = deployment.provider;
    const capped = {
        connectMs: Math.min(timeouts.connectMs, timeoutMs),
        firstByteMs: Math.min(timeouts.firstByteMs, timeoutMs),
        totalMs: Math.min(timeouts.totalMs, timeoutMs),
        streamIdleMs: Math.min(timeouts.streamIdleMs, timeoutMs),
    };
    return { ...deployment, provider: { ...deployment.provider, timeouts: capped } };
}
//# sourceMappingURL=health-prober.js.map