import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GRANULARITY_MS, bucketCount, bucketStart, defaultGranularity } from './analytics-buckets.js';

const HOUR = 3_600_000;
const DAY = 86_400_000;

test('buckets start at UTC multiples of their width', () => {
  const at = Date.parse('2025-05-01T13:47:12.345Z');
  assert.equal(new Date(bucketStart(at, GRANULARITY_MS.minute)).toISOString(), '2025-05-01T13:47:00.000Z');
  assert.equal(new Date(bucketStart(at, GRANULARITY_MS.hour)).toISOString(), '2025-05-01T13:00:00.000Z');
  assert.equal(new Date(bucketStart(at, GRANULARITY_MS.day)).toISOString(), '2025-05-01T00:00:00.000Z');
});

test('a range counts its partial first and last buckets, and an end on a boundary opens no bucket', () => {
  const midnight = Date.parse('2025-05-01T00:00:00Z');
  assert.equal(bucketCount({ fromMs: midnight, toMs: midnight + DAY, bucketMs: HOUR }), 24);
  assert.equal(bucketCount({ fromMs: midnight + 30 * 60_000, toMs: midnight + DAY, bucketMs: HOUR }), 24);
  assert.equal(bucketCount({ fromMs: midnight + 30 * 60_000, toMs: midnight + DAY + 1, bucketMs: HOUR }), 25);
  assert.equal(bucketCount({ fromMs: midnight, toMs: midnight + 1, bucketMs: DAY }), 1);
  assert.equal(bucketCount({ fromMs: midnight, toMs: midnight, bucketMs: DAY }), 0);
  assert.equal(bucketCount({ fromMs: midnight, toMs: midnight + 30 * DAY, bucketMs: DAY }), 30);
});

test('the default granularity follows the length of the range', () => {
  assert.equal(defaultGranularity(HOUR), 'minute');
  assert.equal(defaultGranularity(2 * HOUR), 'minute');
  assert.equal(defaultGranularity(2 * HOUR + 1), 'hour');
  assert.equal(defaultGranularity(DAY), 'hour');
  assert.equal(defaultGranularity(7 * DAY), 'hour');
  assert.equal(defaultGranularity(30 * DAY), 'day');
});
