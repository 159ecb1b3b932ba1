/**
 * A latency histogram with fixed log-spaced buckets: the same few hundred bytes whatever the
 * traffic, so the live feed can keep one per second without holding every latency. Eight buckets
 * per doubling bound the relative error of a percentile to about 4.5 %; the observed minimum and
 * maximum clamp estimates, so a window of one request answers exactly.
 */
const STEPS_PER_DOUBLING = 8;
/** Bucket 0 holds [0, 1) ms; the last one everything from 2^20 ms (about 17 minutes) up. */
const DOUBLINGS = 20;
export const LATENCY_BUCKET_COUNT = 1 + STEPS_PER_DOUBLING * DOUBLINGS;
/** The bucket of a latency: i ≥ 1 covers [2^((i-1)/8), 2^(i/8)) ms. */
export function latencyBucket(ms) {
    if (!(ms >= 1))
        return 0;
    return Math.min(1 + Math.floor(Math.log2(ms) * STEPS_PER_DOUBLING), LATENCY_BUCKET_COUNT - 1);
}
function lowerBound(bucket) {
    return bucket === 0 ? 0 : 2 ** ((bucket - 1) / STEPS_PER_DOUBLING);
}
function upperBound(bucket) {
    return 2 ** (bucket / STEPS_PER_DOUBLING);
}
export class LatencyHistogram {
    counts = new Uint32Array(LATENCY_BUCKET_COUNT);
    count = 0;
    min = Number.POSITIVE_INFINITY;
    max = Number.NEGATIVE_INFINITY;
    add(ms) {
        if (!Number.isFinite(ms) || ms < 0)
            return;
        this.counts[latencyBucket(ms)] += 1;
        this.count += 1;
        if (ms < this.min)
            this.min = ms;
        if (ms > this.max)
            this.max = ms;
    }
    /** Adds every sample of another histogram (to merge the seconds of a window). */
    addAll(other) {
        if (other.count === 0)
            return;
        for (let index = 0; index < LATENCY_BUCKET_COUNT; index += 1)
            this.counts[index] += other.counts[index];
        this.count += other.count;
        if (other.min < this.min)
            this.min = other.min;
        if (other.max > this.max)
            this.max = other.max;
    }
    clear() {
        this.counts.fill(0);
        this.count = 0;
        this.min = Number.POSITIVE_INFINITY;
        this.max = Number.NEGATIVE_INFINITY;
    }
    /**
     * The q-quantile (0..1), null with no samples: the bucket holding the sample of that rank,
     * interpolated geometrically within it (latencies spread on a log scale), clamped to min..max.
     */
    quantile(q) {
        if (this.count === 0)
            return null;
        const target = Math.max(1, Math.ceil(Math.min(Math.max(q, 0), 1) * this.count));
        // The extreme ranks are known exactly.
        if (target >= this.count)
            return this.max;
        if (target === 1)
            return this.min;
        let cumulative = 0;
        for (let bucket = 0; bucket < LATENCY_BUCKET_COUNT; bucket += 1) {
            const inBucket = this.counts[bucket];
            if (inBucket === 0 || cumulative + inBucket < target) {
                cumulative += inBucket;
                continue;
            }
            // The k-th of n samples in a bucket sits at (k - ½) / n of its width.
            const position = (target - cumulative - 0.5) / inBucket;
            const lower = Math.max(lowerBound(bucket), this.min);
            const upper = Math.min(upperBound(bucket), this.max);
            const estimate = lower > 0 ? lower * (upper / lower) ** position : lower + (upper - lower) * position;
            return Math.min(Math.max(estimate, this.min), this.max);
        }
        return this.max;
    }
}
//# sourceMappingURL=latency-histogram.js.map