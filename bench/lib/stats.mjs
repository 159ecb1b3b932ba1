/**
 * Latency summaries for the load generators: percentiles by sorting the raw samples (a run holds
 * tens of thousands of them at most, so no histogram is needed) and a fixed rounding for reports.
 */

/** Rounds to 3 decimals (microsecond resolution for milliseconds). */
export function round(value) {
  return Math.round(value * 1000) / 1000;
}

/** The value at quantile q (0..1) of ascending `sorted`, nearest-rank. */
export function quantile(sorted, q) {
  if (sorted.length === 0) return null;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank];
}

/** The median of `values` (the mean of the two middle ones for an even count); null when empty. */
export function median(values) {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** { count, mean, p50, p90, p99, max } of samples in ms; nulls when there are none. */
export function summarize(samples) {
  const sorted = Float64Array.from(samples).sort();
  if (sorted.length === 0) return { count: 0, mean: null, p50: null, p90: null, p99: null, max: null };
  let total = 0;
  for (const value of sorted) total += value;
  return {
    count: sorted.length,
    mean: round(total / sorted.length),
    p50: round(quantile(sorted, 0.5)),
    p90: round(quantile(sorted, 0.9)),
    p99: round(quantile(sorted, 0.99)),
    max: round(sorted[sorted.length - 1]),
  };
}
