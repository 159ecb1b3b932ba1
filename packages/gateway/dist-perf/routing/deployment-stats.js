/**
 * Live per-deployment figures that strategies and breakers read: requests in flight, recent
 * latency (exponentially weighted: time to first token and total), and a sliding window of recent
 * outcomes for the error rate, and attempts started over the same window (for traffic share).
 * Updated on every attempt; in-process (one replica's view).
 */
import { OutcomeWindow } from './outcome-window.js';
/** Most outcomes kept per deployment for the error rate. */
const MAX_OUTCOMES = 1_000;
/** Buckets per window for the recent-start count: the count is exact to one bucket's length. */
const START_BUCKETS = 12;
export class DeploymentStats {
    entries = new Map();
    alpha;
    windowMs;
    now;
    constructor(options = {}) {
        this.alpha = options.alpha ?? 0.3;
        this.windowMs = options.windowMs ?? 60_000;
        this.now = options.now ?? Date.now;
    }
    entry(id) {
        let entry = this.entries.get(id);
        if (!entry) {
            entry = { inFlight: 0, latencyMs: null, ttftMs: null, outcomes: new OutcomeWindow(MAX_OUTCOMES), totalStarted: 0, startBuckets: [], lastFailureCode: null };
            this.entries.set(id, entry);
        }
        return entry;
    }
    /** An attempt on the deployment started. */
    started(id) {
        const entry = this.entry(id);
        entry.inFlight += 1;
        entry.totalStarted += 1;
        const bucketMs = this.windowMs / START_BUCKETS;
        const at = Math.floor(this.now() / bucketMs) * bucketMs;
        const last = entry.startBuckets.at(-1);
        if (last !== undefined && last.at === at)
            last.count += 1;
        else
            entry.startBuckets.push({ at, count: 1 });
        if (entry.startBuckets.length > START_BUCKETS + 1)
            entry.startBuckets.shift();
    }
    /** The attempt succeeded: the upstream accepted it (for streams, its headers arrived). */
    succeeded(id, timing) {
        const entry = this.entry(id);
        entry.inFlight = Math.max(0, entry.inFlight - 1);
        entry.latencyMs = entry.latencyMs === null ? timing.latencyMs : entry.latencyMs + this.alpha * (timing.latencyMs - entry.latencyMs);
        const ttft = timing.ttftMs ?? timing.latencyMs;
        entry.ttftMs = entry.ttftMs === null ? ttft : entry.ttftMs + this.alpha * (ttft - entry.ttftMs);
        this.push(entry, true);
    }
    /** The attempt failed with a failure that counts against the deployment. */
    failed(id, code) {
        const entry = this.entry(id);
        entry.inFlight = Math.max(0, entry.inFlight - 1);
        entry.lastFailureCode = code;
        this.push(entry, false);
    }
    /** A failure after the attempt had already succeeded (a stream that broke mid-way). */
    failedLater(id, code) {
        const entry = this.entry(id);
        entry.lastFailureCode = code;
        this.push(entry, false);
    }
    /** An active health probe's outcome: counts in the error-rate window, not as traffic or latency. */
    probed(id, outcome) {
        const entry = this.entry(id);
        if (!outcome.ok)
            entry.lastFailureCode = outcome.code;
        this.push(entry, outcome.ok);
    }
    /** The attempt ended without saying anything about the deployment (the client left, bad input). */
    released(id) {
        const entry = this.entry(id);
        entry.inFlight = Math.max(0, entry.inFlight - 1);
    }
    snapshot(id) {
        const entry = this.entry(id);
        this.prune(entry);
        const { failures, size: attempts } = entry.outcomes;
        return {
            inFlight: entry.inFlight,
            latencyMs: entry.latencyMs,
            ttftMs: entry.ttftMs,
            errorRate: attempts === 0 ? 0 : failures / attempts,
            attempts,
            successes: attempts - failures,
            failures,
            totalStarted: entry.totalStarted,
            recentStarted: this.recentStarted(entry),
            lastFailureCode: entry.lastFailureCode,
        };
    }
    /** The window's length, ms (the error-rate and recent-traffic window). */
    get recentWindowMs() {
        return this.windowMs;
    }
    recentStarted(entry) {
        const cutoff = this.now() - this.windowMs;
        return entry.startBuckets.reduce((sum, bucket) => (bucket.at + this.windowMs / START_BUCKETS > cutoff ? sum + bucket.count : sum), 0);
    }
    push(entry, ok) {
        const now = this.now();
        entry.outcomes.record(now, ok);
        entry.outcomes.forgetBefore(now - this.windowMs);
    }
    prune(entry) {
        entry.outcomes.forgetBefore(this.now() - this.windowMs);
    }
}
//# sourceMappingURL=deployment-stats.js.map