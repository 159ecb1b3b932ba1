import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chunkRanges } from './analytics-repository.js';

const HOUR = 3_600_000;
const DAY = 86_400_000;
const at = (iso: string): number => Date.parse(iso);

test('chunks cover the range exactly, cut at bucket boundaries, at most maxChunks of them', () => {
  const range = { fromMs: at('2025-03-01T06:30:00Z'), toMs: at('2025-03-31T12:00:00Z'), bucketMs: DAY };
  const chunks = chunkRanges(range, 48);
  assert.equal(chunks.length, 31);
  assert.deepEqual(chunks[0], [range.fromMs, at('2025-03-02T00:00:00Z')]);
  assert.deepEqual(chunks.at(-1), [at('2025-03-31T00:00:00Z'), range.toMs]);
  for (let index = 1; index < chunks.length; index += 1) {
    assert.equal(chunks[index][0], chunks[index - 1][1]);
    assert.equal(chunks[index][0] % DAY, 0);
  }
});

test('more buckets than chunks: whole buckets per chunk; one chunk means one query over the range', () => {
  const range = { fromMs: at('2025-03-01T00:00:00Z'), toMs: at('2025-03-02T00:00:00Z'), bucketMs: 60_000 };
  const chunks = chunkRanges(range, 48);
  assert.equal(chunks.length, 48);
  assert.ok(chunks.every(([from, to]) => to - from === 30 * 60_000));
  assert.deepEqual(chunkRanges({ ...range, bucketMs: HOUR }, 1), [[range.fromMs, range.toMs]]);
  assert.deepEqual(chunkRanges({ ...range, toMs: range.fromMs }, 48), []);
});
