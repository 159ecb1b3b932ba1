/**
 * Counters and histograms cheap enough for every request. prom-client hashes the label set and
 * validates it on every `inc` and `observe`, even through a `labels()` child, which came to a few
 * per cent of the gateway's CPU per request. Here a series is looked up once (by a key the caller
 * builds from guarded label values) and then only adds numbers:
 *
 * - PendingCounterSeries keeps per-series increments and hands them to a prom-client Counter in
 *   its `collect` (at scrape time, one `inc` per series that moved), so the Counter stays what
 *   Prometheus reads.
 * - SeriesHistogram is a prom-client Histogram whose observations live in typed arrays per series
 *   and are exported in the same shape prom-client gives (so the registry writes the same text).
 *   Observe through `series()`; the inherited `observe`/`labels` are not used.
 */
import { Histogram } from 'prom-client';
export class PendingCounterSeries {
    #series = new Map();
    /** The series of `key`; `labels` is called only the first time a key is seen. */
    series(key, labels) {
        let series = this.#series.get(key);
        if (series === undefined) {
            series = { labels: labels(), pending: 0 };
            this.#series.set(key, series);
        }
        return series;
    }
    /** Moves what was added into the counter (call from its `collect`). */
    flushInto(counter) {
        for (const series of this.#series.values()) {
            if (series.pending === 0)
                continue;
            counter.inc(series.labels, series.pending);
            series.pending = 0;
        }
    }
}
class BucketSeries {
    labels;
    bounds;
    counts;
    sum = 0;
    count = 0;
    constructor(labels, bounds) {
        this.labels = labels;
        this.bounds = bounds;
        this.counts = new Float64Array(bounds.length);
    }
    observe(value) {
        if (!Number.isFinite(value))
            return;
        const { bounds } = this;
        for (let index = 0; index < bounds.length; index += 1) {
            if (value <= bounds[index]) {
                this.counts[index] += 1;
                break;
            }
        }
        this.sum += value;
        this.count += 1;
    }
}
export class SeriesHistogram extends Histogram {
    #name;
    #help;
    #bounds;
    #series = new Map();
    constructor(configuration) {
        super(configuration);
        this.#name = configuration.name;
        this.#help = configuration.help;
        this.#bounds = [...configuration.buckets].sort((left, right) => left - right);
    }
    /** The series of `key`; `labels` is called only the first time a key is seen. */
    series(key, labels) {
        let series = this.#series.get(key);
        if (series === undefined) {
            series = new BucketSeries(labels(), this.#bounds);
            this.#series.set(key, series);
        }
        return series;
    }
    /**
     * What the registry writes (it prefers this to get(), as for prom-client's own histograms):
     * prom-client's shape, cumulative buckets, +Inf, sum and count per series, the series' labels shared.
     */
    async getForPromString() {
        const values = [];
        const bucketName = `${this.#name}_bucket`;
        for (const series of this.#series.values()) {
            let cumulative = 0;
            this.#bounds.forEach((bound, index) => {
                cumulative += series.counts[index];
                values.push({ labels: { le: bound }, value: cumulative, metricName: bucketName, sharedLabels: series.labels });
            });
            values.push({ labels: { le: '+Inf' }, value: series.count, metricName: bucketName, sharedLabels: series.labels });
            values.push({ labels: {}, value: series.sum, metricName: `${this.#name}_sum`, sharedLabels: series.labels });
            values.push({ labels: {}, value: series.count, metricName: `${this.#name}_count`, sharedLabels: series.labels });
        }
        // prom-client declares `type` as a numeric enum it never exports; at run time it is the text.
        const type = 'histogram';
        return { name: this.#name, help: this.#help, type, values, aggregator: 'sum', collect: () => { } };
    }
    async get() {
        const data = await this.getForPromString();
        data.values = data.values.map((value) => {
            const { sharedLabels, ...rest } = value;
            return { ...rest, labels: { ...rest.labels, ...sharedLabels } };
        });
        return data;
    }
    reset() {
        // prom-client's constructor calls reset() before this class's fields exist.
        if (#series in this)
            this.#series = new Map();
    }
}
//# sourceMappingURL=series.js.map