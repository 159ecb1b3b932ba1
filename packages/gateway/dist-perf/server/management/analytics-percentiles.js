/**
 * Percentiles from logarithmic histogram bins (AnalyticsRepository's latency and TTFT bins), so the
 * database never sorts a range. Each bin holds its count and its smallest and largest value; the
 * k-th smallest value (0-based) is estimated by spreading a bin's values evenly between its
 * smallest and largest, and a percentile interpolates between ranks as Postgres' percentile_cont
 * does. Since the true k-th value lies in the same bin, and a bin's largest value is less than
 * LATENCY_BIN_RATIO (1.05) times its smallest, every estimate is within 5 % of the exact value,
 * and exact when a bin holds one distinct value.
 */
import { LATENCY_BIN_RATIO, ZERO_BIN } from '../../store/index.js';
/** Most relative error of a percentile (documented in docs/analytics.md). */
export const PERCENTILE_MAX_RELATIVE_ERROR = LATENCY_BIN_RATIO - 1;
/** The bin the store puts a value in (the same formula as its SQL), for tests and documentation. */
export function logBinOf(value) {
    return value < 1 ? ZERO_BIN : Math.floor(Math.log(value) / Math.log(LATENCY_BIN_RATIO));
}
/** Bins of one series (a bucket, a group, a status class…): adding a bin of the same index widens it. */
export class LogHistogram {
    #bins = new Map();
    #count = 0;
    get count() {
        return this.#count;
    }
    add(bin) {
        if (bin.count <= 0)
            return;
        const state = this.#bins.get(bin.bin);
        if (state === undefined)
            this.#bins.set(bin.bin, { count: bin.count, minMs: bin.minMs, maxMs: bin.maxMs });
        else {
            state.count += bin.count;
            state.minMs = Math.min(state.minMs, bin.minMs);
            state.maxMs = Math.max(state.maxMs, bin.maxMs);
        }
        this.#count += bin.count;
    }
    addAll(other) {
        for (const [bin, state] of other.#bins)
            this.add({ bin, ...state });
    }
    /** Each quantile (0–1) interpolated like percentile_cont; null for an empty histogram. */
    percentiles(quantiles) {
        if (this.#count === 0)
            return quantiles.map(() => null);
        const bins = [...this.#bins.entries()].sort(([left], [right]) => left - right).map(([, state]) => state);
        return quantiles.map((quantile) => {
            const rank = Math.min(1, Math.max(0, quantile)) * (this.#count - 1);
            const lower = Math.floor(rank);
            const below = valueAtRank(bins, lower);
            return below + (rank - lower) * (valueAtRank(bins, Math.ceil(rank)) - below);
        });
    }
}
/** The k-th smallest value (0-based), with a bin's values spread evenly from its smallest to its largest. */
function valueAtRank(bins, rank) {
    let before = 0;
    for (const bin of bins) {
        if (rank < before + bin.count) {
            if (bin.count === 1)
                return bin.minMs;
            return bin.minMs + ((bin.maxMs - bin.minMs) * (rank - before)) / (bin.count - 1);
        }
        before += bin.count;
    }
    return bins.at(-1)?.maxMs ?? 0;
}
//# sourceMappingURL=analytics-percentiles.js.map