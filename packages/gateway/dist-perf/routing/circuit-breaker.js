/**
 * Circuit breakers, one per deployment: stop sending traffic to a deployment that keeps failing,
 * and let a few trial requests through after a cool-down to notice when it recovers.
 *
 *   closed ──(N consecutive failures, or error rate ≥ R over the window with ≥ M requests)──▶ open
 *   open ──(cool-down elapsed; checked lazily on the next call)──▶ half-open
 *   half-open ──(trial succeeded)──▶ closed (counters reset, cool-down back to its base)
 *   half-open ──(trial failed)──▶ open (cool-down restarts, × cooldownMultiplier up to maxCooldownMs)
 *
 * Only failures that are the deployment's fault may be reported with `onFailure` (429, 5xx,
 * timeouts, unreachable, its credentials or model); the client's own mistakes and disconnects end an
 * attempt with `release` instead, so one bad client cannot open a breaker for everyone.
 * In-process state: each replica keeps its own view.
 */
import { OutcomeWindow } from './outcome-window.js';
/** Keeps memory bounded under heavy traffic; the error rate uses the newest outcomes. */
const MAX_OUTCOMES = 1_000;
export class CircuitBreakers {
    entries = new Map();
    options;
    listener;
    constructor(options = {}) {
        const cooldownMs = options.cooldownMs ?? 30_000;
        this.options = {
            failureThreshold: options.failureThreshold ?? 5,
            errorRateThreshold: options.errorRateThreshold ?? 0.5,
            windowMs: options.windowMs ?? 30_000,
            minimumRequests: options.minimumRequests ?? 10,
            cooldownMs,
            maxCooldownMs: Math.max(cooldownMs, options.maxCooldownMs ?? cooldownMs),
            cooldownMultiplier: options.cooldownMultiplier ?? 2,
            halfOpenMaxTrials: Math.max(1, options.halfOpenMaxTrials ?? 1),
            now: options.now ?? Date.now,
        };
        this.listener = options.onStateChange;
    }
    /** The breaker's state now (moves an open breaker whose cool-down elapsed to half-open). */
    state(id) {
        return this.entry(id).state;
    }
    /** Peek, claiming nothing: would `tryAcquire` succeed now? For filtering a routing plan. */
    canAttempt(id) {
        const entry = this.entry(id);
        if (entry.state === 'closed')
            return true;
        return entry.state === 'half-open' && entry.trialsInFlight < this.options.halfOpenMaxTrials;
    }
    /**
     * Asks to send one request: true when closed, or half-open with a free trial slot (which this
     * call claims). After a true, end the attempt with exactly one of onSuccess, onFailure, release.
     */
    tryAcquire(id) {
        const entry = this.entry(id);
        if (entry.state === 'closed')
            return true;
        if (entry.state === 'open' || entry.trialsInFlight >= this.options.halfOpenMaxTrials)
            return false;
        entry.trialsInFlight += 1;
        return true;
    }
    /** The attempt ended without saying anything about the deployment: frees a trial slot. */
    release(id) {
        const entry = this.entry(id);
        if (entry.state === 'half-open')
            entry.trialsInFlight = Math.max(0, entry.trialsInFlight - 1);
    }
    /** The deployment answered (for streams: its response headers arrived). */
    onSuccess(id) {
        const entry = this.entry(id);
        if (entry.state === 'closed') {
            entry.consecutiveFailures = 0;
            this.record(entry, true);
        }
        else if (entry.state === 'half-open' && entry.trialsInFlight > 0) {
            this.transition(id, entry, 'closed', 'trial-succeeded');
        }
        // Open, or half-open without a trial out: a late answer to a request sent before the breaker
        // opened says nothing about the deployment now, so it is ignored.
    }
    /** The attempt failed by the deployment's fault (never the client's: see the header). */
    onFailure(id) {
        const entry = this.entry(id);
        if (entry.state === 'half-open' && entry.trialsInFlight > 0) {
            this.transition(id, entry, 'open', 'trial-failed');
            return;
        }
        if (entry.state !== 'closed')
            return;
        entry.consecutiveFailures += 1;
        this.record(entry, false);
        if (entry.consecutiveFailures >= this.options.failureThreshold) {
            this.transition(id, entry, 'open', 'consecutive-failures');
            return;
        }
        const { failures, total } = this.windowCounts(entry);
        if (total >= this.options.minimumRequests && failures / total >= this.options.errorRateThreshold) {
            this.transition(id, entry, 'open', 'error-rate');
        }
    }
    /** Closes the breaker by hand (an operator re-enabled the deployment). */
    reset(id) {
        const entry = this.entry(id);
        if (entry.state !== 'closed')
            this.transition(id, entry, 'closed', 'manual-reset');
    }
    /** Every known breaker, for display. */
    snapshot() {
        return [...this.entries.keys()].map((deploymentId) => {
            const entry = this.entry(deploymentId);
            const { failures, total } = this.windowCounts(entry);
            return {
                deploymentId,
                state: entry.state,
                consecutiveFailures: entry.consecutiveFailures,
                errorRate: total === 0 ? 0 : failures / total,
                requestsInWindow: total,
                cooldownMs: entry.cooldownMs,
                retryAt: entry.state === 'open' ? entry.openedAt + entry.cooldownMs : null,
                trialsInFlight: entry.trialsInFlight,
            };
        });
    }
    entry(id) {
        let entry = this.entries.get(id);
        if (!entry) {
            entry = { state: 'closed', consecutiveFailures: 0, outcomes: new OutcomeWindow(MAX_OUTCOMES), openedAt: 0, cooldownMs: this.options.cooldownMs, trialsInFlight: 0 };
            this.entries.set(id, entry);
        }
        if (entry.state === 'open' && this.options.now() >= entry.openedAt + entry.cooldownMs) {
            this.transition(id, entry, 'half-open', 'cooldown-elapsed');
        }
        return entry;
    }
    transition(id, entry, to, reason) {
        const from = entry.state;
        const at = this.options.now();
        entry.state = to;
        entry.trialsInFlight = 0;
        if (to === 'open') {
            entry.openedAt = at;
            const grown = Math.min(this.options.maxCooldownMs, entry.cooldownMs * this.options.cooldownMultiplier);
            entry.cooldownMs = reason === 'trial-failed' ? grown : this.options.cooldownMs;
        }
        if (to === 'closed') {
            entry.consecutiveFailures = 0;
            entry.outcomes.clear();
            entry.cooldownMs = this.options.cooldownMs;
        }
        try {
            this.listener?.({ deploymentId: id, from, to, reason, at });
        }
        catch {
            // The listener feeds telemetry; its failure must never break a request's routing.
        }
    }
    record(entry, ok) {
        entry.outcomes.record(this.options.now(), ok);
    }
    windowCounts(entry) {
        entry.outcomes.forgetBefore(this.options.now() - this.options.windowMs, { inclusive: true });
        return { failures: entry.outcomes.failures, total: entry.outcomes.size };
    }
}
//# sourceMappingURL=circuit-breaker.js.map