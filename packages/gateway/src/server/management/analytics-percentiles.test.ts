import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LogHistogram, PERCENTILE_MAX_RELATIVE_ERROR, logBinOf } from './analytics-percentiles.js';

/** percentile_cont: linear interpolation between the order statistics around q·(n−1). */
function exactPercentile(sorted: readonly number[], quantile: number): number {
  const rank = quantile * (sorted.length - 1);
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  return sorted[lower] + (rank - lower) * (sorted[upper] - sorted[lower]);
}

/** What the store's GROUP BY returns: per bin, the count and the smallest and largest value. */
function histogramOf(values: readonly number[]): LogHistogram {
  const bins = new Map<number, { count: number; minMs: number; maxMs: number }>();
  for (const value of values) {
    const bin = logBinOf(value);
    const state = bins.get(bin);
    if (state === undefined) bins.set(bin, { count: 1, minMs: value, maxMs: value });
    else {
      state.count += 1;
      state.minMs = Math.min(state.minMs, value);
      state.maxMs = Math.max(state.maxMs, value);
    }
  }
  const histogram = new LogHistogram();
  for (const [bin, state] of bins) histogram.add({ bin, ...state });
  return histogram;
}

/** A seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const QUANTILES = [0, 0.01, 0.25, 0.5, 0.9, 0.95, 0.99, 0.999, 1];

const DISTRIBUTIONS: Record<string, (next: () => number) => number> = {
  // Latencies are integers in ms: log-normal around 800 ms, a long tail.
  'log-normal latencies': (next) => Math.round(Math.exp(6.7 + 0.9 * Math.sqrt(-2 * Math.log(next() || 1e-12)) * Math.cos(2 * Math.PI * next()))),
  'uniform 0–60,000 ms': (next) => Math.floor(next() * 60_000),
  'two modes (cache hits and slow answers)': (next) => (next() < 0.3 ? Math.floor(next() * 20) : 2_000 + Math.floor(next() * 8_000)),
  'fractional values': (next) => 1 + next() * 5_000,
};

for (const [name, draw] of Object.entries(DISTRIBUTIONS)) {
  test(`percentiles from bins are within ${PERCENTILE_MAX_RELATIVE_ERROR * 100} % of the exact ones: ${name}`, () => {
    for (const [seed, size] of [[1, 1], [2, 2], [3, 7], [4, 100], [5, 5_000], [6, 50_000]] as const) {
      const next = random(seed);
      const values = Array.from({ length: size }, () => draw(next));
      const sorted = [...values].sort((left, right) => left - right);
      const estimates = histogramOf(values).percentiles(QUANTILES);
      QUANTILES.forEach((quantile, index) => {
        const exact = exactPercentile(sorted, quantile);
        const estimate = estimates[index] ?? Number.NaN;
        const allowed = PERCENTILE_MAX_RELATIVE_ERROR * exact + 1e-9;
        assert.ok(Math.abs(estimate - exact) <= allowed, `seed ${seed}, n=${size}, q=${quantile}: estimate ${estimate}, exact ${exact}`);
      });
    }
  });
}

test('the smallest and largest values are exact, and so is a bin of one distinct value', () => {
  const histogram = histogramOf([5, 5, 5, 5, 120, 9_000]);
  assert.deepEqual(histogram.percentiles([0, 0.5, 1]), [5, 5, 9_000]);
});

test('merging histograms of the same bins equals the histogram of all the values', () => {
  const next = random(42);
  const values = Array.from({ length: 2_000 }, () => Math.floor(next() * 10_000));
  const merged = histogramOf(values.slice(0, 700));
  merged.addAll(histogramOf(values.slice(700)));
  assert.equal(merged.count, 2_000);
  assert.deepEqual(merged.percentiles(QUANTILES), histogramOf(values).percentiles(QUANTILES));
});

test('an empty histogram has no percentiles, and 0 ms falls in its own bin', () => {
  assert.deepEqual(new LogHistogram().percentiles([0.5]), [null]);
  assert.deepEqual(histogramOf([0, 0, 1]).percentiles([0, 0.5, 1]), [0, 0, 1]);
});
