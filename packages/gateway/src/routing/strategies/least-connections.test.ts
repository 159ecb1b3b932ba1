import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Deployment } from '../../core/index.js';
import { createRandom } from '../../providers/simulator/prng.js';
import { DeploymentStats } from '../deployment-stats.js';
import { createLeastConnectionsStrategy } from './least-connections.js';
import { CAPABLE_FREE_FACTS, simulateTraffic } from '../../../test/support/strategy-simulation.js';
import type { StrategyContext } from './types.js';

function deployment(id: string): Deployment {
  return { id, weight: 1, model: id, defaultMaxTokens: 1, provider: {} as Deployment['provider'] };
}

function contextOf(stats: DeploymentStats): StrategyContext {
  return { stats: (id) => stats.snapshot(id), facts: () => CAPABLE_FREE_FACTS, hints: {}, needs: null, request: null, random: () => 0 };
}

const group = [deployment('a'), deployment('b'), deployment('c')];

test('least-connections puts the fewest in flight first and orders the rest by in-flight count', () => {
  const stats = new DeploymentStats();
  for (const [id, inFlight] of [['a', 3], ['b', 0], ['c', 1]] as const) for (let index = 0; index < inFlight; index += 1) stats.started(id);
  const strategy = createLeastConnectionsStrategy();
  assert.deepEqual(strategy.order('g', group, contextOf(stats)).map((item) => item.id), ['b', 'c', 'a']);
  stats.started('b');
  stats.started('b');
  // b now has 2 in flight, c has 1.
  assert.deepEqual(strategy.order('g', group, contextOf(stats)).map((item) => item.id), ['c', 'b', 'a']);
});

test('least-connections: deployments tied at the fewest take turns, per group', () => {
  const stats = new DeploymentStats();
  stats.started('c');
  const strategy = createLeastConnectionsStrategy();
  const orders = [1, 2, 3].map(() => strategy.order('g', group, contextOf(stats)).map((item) => item.id).join(''));
  assert.deepEqual(orders, ['abc', 'bac', 'abc']);
  // Another group keeps its own turn.
  assert.equal(strategy.order('other', group, contextOf(stats))[0].id, 'a');
});

test('least-connections follows in-flight counts: a deployment that holds requests longer gets fewer of them', () => {
  const world = createRandom(5);
  const result = simulateTraffic({
    strategy: createLeastConnectionsStrategy(),
    deployments: group,
    random: createRandom(1),
    intervalMs: 20,
    phases: [
      { requests: 1000, behaviour: () => ({ ok: true, latencyMs: 100 + world() * 20 }) },
      // c becomes four times slower, so its requests stay in flight four times as long.
      { requests: 1000, behaviour: (id) => ({ ok: true, latencyMs: (id === 'c' ? 400 : 100) + world() * 20 }) },
    ],
  });
  const [even, skewed] = result.shares;
  for (const id of ['a', 'b', 'c']) assert.ok(Math.abs(even[id] - 1 / 3) < 0.03, `even share of ${id}: ${even[id]}`);
  assert.ok(skewed.c < 0.2, `the slow deployment's share: ${skewed.c}`);
  assert.ok(skewed.a > 0.35 && skewed.b > 0.35, `the others take up the rest: ${JSON.stringify(skewed)}`);
});
