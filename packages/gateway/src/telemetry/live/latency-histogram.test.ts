import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LATENCY_BUCKET_COUNT, LatencyHistogram, latencyBucket } from './latency-histogram.js';

/** The exact q-quantile of sorted values (nearest rank), to compare estimates with. */
function exact(sorted: number[], q: number): number {
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)];
}

test('percentiles are within the bucket resolution of the exact ones', () => {
  const histogram = new LatencyHistogram();
  const values: number[] = [];
  // A spread from 2 ms to about 30 s, deterministic.
  for (let index = 0; index < 5_000; index += 1) {
    const value = 2 * 1.002 ** index;
    values.push(value);
    histogram.add(value);
  }
  values.sort((a, b) => a - b);
  for (const q of [0.5, 0.9, 0.95, 0.99]) {
    const estimate = histogram.quantile(q);
    assert.ok(estimate !== null);
    const truth = exact(values, q);
    assert.ok(Math.abs(estimate - truth) / truth < 0.05, `p${q * 100}: ${estimate} vs ${truth}`);
  }
});

test('one sample, or equal samples, answer exactly; none answers null', () => {
  const histogram = new LatencyHistogram();
  assert.equal(histogram.quantile(0.5), null);
  histogram.add(123.4);
  assert.equal(histogram.quantile(0.5), 123.4);
  assert.equal(histogram.quantile(0.95), 123.4);
  for (let index = 0; index < 9; index += 1) histogram.add(123.4);
  assert.equal(histogram.quantile(0.99), 123.4);
});

test('merging adds counts and keeps min and max; clear empties; odd values are ignored or clamped', () => {
  const fast = new LatencyHistogram();
  const slow = new LatencyHistogram();
  for (let index = 0; index < 90; index += 1) fast.add(10);
  for (let index = 0; index < 10; index += 1) slow.add(1_000);
  const merged = new LatencyHistogram();
  merged.addAll(fast);
  merged.addAll(slow);
  assert.equal(merged.count, 100);
  const near = (value: number | null, expected: number): boolean => value !== null && Math.abs(value - expected) / expected < 0.05;
  assert.ok(near(merged.quantile(0.5), 10), String(merged.quantile(0.5)));
  assert.ok(near(merged.quantile(0.95), 1_000), String(merged.quantile(0.95)));
  assert.equal(merged.quantile(1), 1_000, 'the maximum is exact');
  merged.add(Number.NaN);
  merged.add(-5);
  assert.equal(merged.count, 100, 'NaN and negative latencies are not counted');
  merged.clear();
  assert.equal(merged.count, 0);
  assert.equal(merged.quantile(0.5), null);
  assert.equal(latencyBucket(0.2), 0);
  assert.equal(latencyBucket(1e12), LATENCY_BUCKET_COUNT - 1, 'beyond the last bucket lands in it');
});
