/**
 * Rolling figures of what the gateway is doing now, fed by every finished request (the event
 * bus's `request.finished`): per-second buckets over the last minute (requests, errors, tokens,
 * a latency histogram, the model groups seen), the cost of the UTC day, and totals since start.
 * Memory is fixed: 60 buckets, each with a fixed-size histogram. Read by the live feed's
 * `ai_metrics` channel and GET /api/ai/metrics. One replica's view.
 */
import { LatencyHistogram } from './latency-histogram.js';
const MS_PER_DAY = 86_400_000;
/** Requests and tokens per second are averaged over this many recent seconds (one second is too noisy). */
const RATE_WINDOW_SECONDS = 10;
const round = (value, digits) => Math.round(value * 10 ** digits) / 10 ** digits;
const roundOrNull = (value) => (value === null ? null : round(value, 2));
export class LiveStats {
    /** Resolves once today's cost was seeded from the usage table (or the seed failed). */
    seeded;
    #now;
    #activeRequests;
    #windowSeconds;
    #buckets;
    #startedAt;
    #day;
    #costToday = 0;
    #totalRequests = 0;
    #totalErrors = 0;
    #totalTokens = 0;
    #totalLatencyMs = 0;
    constructor(options) {
        this.#now = options.now ?? Date.now;
        this.#activeRequests = options.activeRequests;
        this.#windowSeconds = options.windowSeconds ?? 60;
        this.#buckets = Array.from({ length: this.#windowSeconds }, () => ({ second: -1, requests: 0, errors: 0, tokens: 0, latency: new LatencyHistogram(), models: new Set() }));
        this.#startedAt = this.#now();
        this.#day = Math.floor(this.#startedAt / MS_PER_DAY);
        this.seeded = this.#seed(options);
    }
    record(row) {
        const now = this.#now();
        this.#rollDay(now);
        const bucket = this.#bucketAt(Math.floor(now / 1000));
        const tokens = row.promptTokens + row.completionTokens;
        const failed = row.outcome === 'error';
        bucket.requests += 1;
        bucket.tokens += tokens;
        if (failed)
            bucket.errors += 1;
        bucket.latency.add(row.latencyMs);
        bucket.models.add(row.modelGroup);
        this.#costToday += row.costUsd;
        this.#totalRequests += 1;
        this.#totalTokens += tokens;
        this.#totalLatencyMs += row.latencyMs;
        if (failed)
            this.#totalErrors += 1;
    }
    metrics() {
        const now = this.#now();
        this.#rollDay(now);
        const nowSecond = Math.floor(now / 1000);
        const latency = new LatencyHistogram();
        const models = new Set();
        let requests = 0;
        let errors = 0;
        let tokens = 0;
        let recentRequests = 0;
        let recentTokens = 0;
        for (const bucket of this.#buckets) {
            const age = nowSecond - bucket.second;
            if (bucket.second < 0 || age < 0 || age >= this.#windowSeconds)
                continue;
            requests += bucket.requests;
            errors += bucket.errors;
            tokens += bucket.tokens;
            latency.addAll(bucket.latency);
            for (const model of bucket.models)
                models.add(model);
            if (age < RATE_WINDOW_SECONDS) {
                recentRequests += bucket.requests;
                recentTokens += bucket.tokens;
            }
        }
        // Just after start fewer than ten seconds exist to average over.
        const rateSeconds = Math.max(1, Math.min(RATE_WINDOW_SECONDS, nowSecond - Math.floor(this.#startedAt / 1000) + 1));
        return {
            at: new Date(now).toISOString(),
            windowSeconds: this.#windowSeconds,
            requestsPerSecond: round(recentRequests / rateSeconds, 3),
            tokensPerSecond: round(recentTokens / rateSeconds, 3),
            latencyP50Ms: roundOrNull(latency.quantile(0.5)),
            latencyP95Ms: roundOrNull(latency.quantile(0.95)),
            errorRate: requests === 0 ? 0 : round(errors / requests, 4),
            requestsInWindow: requests,
            tokensInWindow: tokens,
            costToday: round(this.#costToday, 6),
            // No response cache exists yet, so nothing is looked up or hit; the fields keep the feed's shape stable.
            cacheHitRate: 0,
            cacheRequests: 0,
            activeRequests: this.#activeRequests(),
            modelsActive: models.size,
        };
    }
    totals() {
        const total = this.#totalRequests;
        return {
            totalRequests: total,
            tokensProcessed: this.#totalTokens,
            avgResponseTime: total === 0 ? null : round(this.#totalLatencyMs / total, 2),
            errorRate: total === 0 ? 0 : round(this.#totalErrors / total, 4),
            uptimeSeconds: Math.max(0, Math.floor((this.#now() - this.#startedAt) / 1000)),
        };
    }
    /** GET /api/ai/metrics: totals since start with the live figures of the window. */
    report() {
        const metrics = this.metrics();
        const totals = this.totals();
        return {
            totalRequests: totals.totalRequests,
            activeRequests: metrics.activeRequests,
            avgResponseTime: totals.avgResponseTime,
            errorRate: totals.errorRate,
            modelsActive: metrics.modelsActive,
            tokensProcessed: totals.tokensProcessed,
            costToday: metrics.costToday,
            cacheHitRate: metrics.cacheHitRate,
            requestsPerSecond: metrics.requestsPerSecond,
            latencyP50Ms: metrics.latencyP50Ms,
            latencyP95Ms: metrics.latencyP95Ms,
            uptimeSeconds: totals.uptimeSeconds,
        };
    }
    /** The bucket of a second, emptied first when it still holds a second a window ago. */
    #bucketAt(second) {
        const bucket = this.#buckets[second % this.#windowSeconds];
        if (bucket.second !== second) {
            bucket.second = second;
            bucket.requests = 0;
            bucket.errors = 0;
            bucket.tokens = 0;
            bucket.latency.clear();
            bucket.models.clear();
        }
        return bucket;
    }
    /** Today's cost starts again from zero at UTC midnight. */
    #rollDay(now) {
        const day = Math.floor(now / MS_PER_DAY);
        if (day === this.#day)
            return;
        this.#day = day;
        this.#costToday = 0;
    }
    async #seed(options) {
        if (!options.seedCostToday)
            return;
        const day = this.#day;
        try {
            const spent = await options.seedCostToday(day * MS_PER_DAY);
            this.#rollDay(this.#now());
            // Midnight passed while the query ran: that spend belongs to a day that is over.
            if (this.#day === day && Number.isFinite(spent))
                this.#costToday += spent;
        }
        catch (error) {
            options.onSeedError?.(error);
        }
    }
}
//# sourceMappingURL=live-stats.js.map