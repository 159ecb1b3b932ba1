import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Deployment } from '../../core/index.js';
import { createRoundRobinStrategy } from './round-robin.js';
import { createWeightedStrategy } from './weighted.js';

function deployment(id: string, weight = 1): Deployment {
  return { id, weight, model: id, defaultMaxTokens: 4096, provider: {} as Deployment['provider'] };
}

test('round-robin starts each request at the next deployment and keeps the rest as fallbacks', () => {
  const strategy = createRoundRobinStrategy();
  const group = [deployment('a'), deployment('b'), deployment('c')];
  const orders = [1, 2, 3, 4].map(() => strategy.order('g', group).map((item) => item.id).join(''));
  assert.deepEqual(orders, ['abc', 'bca', 'cab', 'abc']);
});

test('weighted is proportional, interleaved (no bursts) and deterministic', () => {
  const strategy = createWeightedStrategy();
  const group = [deployment('a', 5), deployment('b', 1), deployment('c', 1)];
  const picks = Array.from({ length: 14 }, () => strategy.order('g', group)[0].id).join('');
  // The nginx smooth weighted sequence for 5:1:1.
  assert.equal(picks, 'aabacaaaabacaa');
  const counts = { a: 0, b: 0, c: 0 } as Record<string, number>;
  for (const pick of picks) counts[pick] += 1;
  assert.deepEqual(counts, { a: 10, b: 2, c: 2 });
  assert.ok(!picks.includes('aaaaa'), 'no long burst to one deployment');
});

test('weighted: a weight of 0 is never chosen first, and groups keep separate state', () => {
  const strategy = createWeightedStrategy();
  const group = [deployment('a', 0), deployment('b', 1)];
  for (let index = 0; index < 5; index += 1) assert.equal(strategy.order('g1', group)[0].id, 'b');
  assert.deepEqual(strategy.order('g2', [deployment('x', 1), deployment('y', 1)]).map((item) => item.id), ['x', 'y']);
});
