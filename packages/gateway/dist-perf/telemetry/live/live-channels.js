/**
 * What each live channel publishes. Ticking channels — `ai_metrics` (every second),
 * `performance` (every two seconds), `load_balancer` (every second) — run a timer only while
 * someone subscribes. Event channels follow the event bus: `alerts` (breakers opening and
 * closing, budget thresholds, components degrading and recovering) and `requests` (one message
 * per finished request, from its usage row: figures only, never prompt or answer text).
 */
export const TICK_INTERVALS_MS = { ai_metrics: 1_000, performance: 2_000, load_balancer: 1_000 };
/** The `requests` message of a usage row. */
export function requestView(row) {
    return {
        requestId: row.requestId,
        time: row.createdAt.toISOString(),
        model: row.modelGroup,
        provider: row.provider,
        deployment: row.deploymentId,
        upstreamModel: row.upstreamModel,
        endpoint: row.endpoint,
        stream: row.stream,
        status: row.status,
        outcome: row.outcome,
        errorCode: row.errorCode,
        latencyMs: Math.round(row.latencyMs * 100) / 100,
        ttftMs: row.ttftMs === null ? null : Math.round(row.ttftMs * 100) / 100,
        promptTokens: row.promptTokens,
        completionTokens: row.completionTokens,
        totalTokens: row.promptTokens + row.completionTokens,
        tokensEstimated: row.tokensEstimated,
        costUsd: row.costUsd,
        keyId: row.keyId,
        attempts: row.attempts,
    };
}
function breakerAlert(event) {
    if (event.to !== 'open' && event.to !== 'closed')
        return null;
    const opened = event.to === 'open';
    return {
        kind: opened ? 'breaker.open' : 'breaker.closed',
        severity: opened ? 'warning' : 'info',
        message: opened
            ? `Circuit breaker of deployment ${event.deploymentId} opened (${event.reason}); traffic goes to its other deployments or fallbacks.`
            : `Circuit breaker of deployment ${event.deploymentId} closed again (${event.reason}).`,
        at: new Date(event.at).toISOString(),
        details: { deploymentId: event.deploymentId, from: event.from, to: event.to, reason: event.reason },
    };
}
function budgetAlert(event) {
    const percent = Math.round(event.threshold * 100);
    return {
        kind: 'budget.threshold',
        severity: event.threshold >= 1 ? 'critical' : event.threshold >= 0.8 ? 'warning' : 'info',
        message: `Budget ${event.budgetName} reached ${percent} %: ${event.spentUsd.toFixed(2)} of ${event.limitUsd.toFixed(2)} USD.`,
        at: new Date().toISOString(),
        details: { budgetId: event.budgetId, budgetName: event.budgetName, threshold: event.threshold, spentUsd: event.spentUsd, limitUsd: event.limitUsd },
    };
}
function componentAlert(event) {
    const degraded = event.status === 'degraded';
    return {
        kind: degraded ? 'component.degraded' : 'component.recovered',
        severity: degraded ? 'critical' : 'info',
        message: degraded ? `${event.component} is degraded: ${event.detail}` : `${event.component} is back: ${event.detail}`,
        at: new Date().toISOString(),
        details: { component: event.component, status: event.status, detail: event.detail },
    };
}
export class LiveChannels {
    #options;
    #timers = new Map();
    #unsubscribe;
    #sampling = false;
    constructor(options) {
        this.#options = options;
        const { events, publish, publishRow } = options;
        const alert = (build) => {
            const value = build();
            if (value)
                publish('alerts', () => value);
        };
        this.#unsubscribe = [
            events.on('request.finished', ({ row }) => publishRow(row, () => requestView(row))),
            events.on('breaker.changed', (event) => alert(() => breakerAlert(event))),
            events.on('budget.threshold', (event) => alert(() => budgetAlert(event))),
            events.on('component.status', (event) => alert(() => componentAlert(event))),
        ];
    }
    /** The channel's message data now (sent on subscribe); null for event channels. */
    current(channel) {
        switch (channel) {
            case 'ai_metrics':
                return this.#options.stats.metrics();
            case 'performance':
                return this.#options.sampler.sample();
            case 'load_balancer':
                return this.#options.loadBalancer();
            default:
                return null;
        }
    }
    /** Starts a ticking channel's timer when it gains its first subscriber; stops it with its last. */
    setDemand(channel, wanted) {
        if (channel !== 'ai_metrics' && channel !== 'performance' && channel !== 'load_balancer')
            return;
        const timer = this.#timers.get(channel);
        if (!wanted) {
            if (timer)
                clearInterval(timer);
            this.#timers.delete(channel);
            if (channel === 'performance')
                this.#options.sampler.stop();
            return;
        }
        if (timer)
            return;
        if (channel === 'performance')
            this.#options.sampler.start();
        const every = this.#options.intervalsMs?.[channel] ?? TICK_INTERVALS_MS[channel];
        const next = setInterval(() => this.#tick(channel), every);
        next.unref();
        this.#timers.set(channel, next);
    }
    close() {
        for (const stop of this.#unsubscribe)
            stop();
        for (const channel of [...this.#timers.keys()])
            this.setDemand(channel, false);
    }
    #tick(channel) {
        const { publish, stats, loadBalancer, sampler, onError } = this.#options;
        try {
            if (channel === 'ai_metrics')
                publish(channel, () => stats.metrics());
            else if (channel === 'load_balancer')
                publish(channel, loadBalancer);
            else if (!this.#sampling) {
                // A sample reads the disk; one at a time, and a slow one skips a tick rather than piling up.
                this.#sampling = true;
                sampler
                    .sample()
                    .then((sample) => publish(channel, () => sample), onError)
                    .finally(() => {
                    this.#sampling = false;
                });
            }
        }
        catch (error) {
            onError(error);
        }
    }
}
//# sourceMappingURL=live-channels.js.map