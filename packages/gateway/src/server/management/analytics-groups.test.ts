import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OTHER, SeriesTable, rankGroups } from './analytics-groups.js';

const weights = new Map<string | null, number>([['b', 5], ['a', 5], [null, 9], ['c', 1], ['d', 2]]);

test('groups are ranked by weight, ties by name, and the rest folded into other', () => {
  const ranked = rankGroups(weights, 2);
  assert.deepEqual(ranked.order, [null, 'a', OTHER]);
  assert.equal(ranked.folded, 3);
  assert.equal(ranked.labelOf('a'), 'a');
  assert.equal(ranked.labelOf('b'), OTHER);
  assert.equal(ranked.labelOf(null), null);
});

test('without top, or when only one group would be folded, every group is kept', () => {
  assert.deepEqual(rankGroups(weights, null).order, [null, 'a', 'b', 'd', 'c']);
  assert.deepEqual(rankGroups(weights, 4).order, [null, 'a', 'b', 'd', 'c']);
  assert.equal(rankGroups(weights, 4).folded, 0);
});

test('a series table adds each row to its cell, its group and the total', () => {
  const table = new SeriesTable(() => ({ n: 0 }));
  table.add(2, 'x', (state) => (state.n += 1));
  table.add(1, 'y', (state) => (state.n += 10));
  table.add(1, 'x', (state) => (state.n += 100));
  assert.deepEqual(table.series(['x', 'y']).map((cell) => [cell.bucketStartMs, cell.label, cell.state.n]), [[1, 'x', 100], [1, 'y', 10], [2, 'x', 1]]);
  assert.deepEqual(table.groups(['y', 'x']).map((cell) => [cell.label, cell.state.n]), [['y', 10], ['x', 101]]);
  assert.equal(table.total.n, 111);
});
