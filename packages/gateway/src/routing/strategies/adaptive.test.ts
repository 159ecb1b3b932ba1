import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Deployment } from '../../core/index.js';
import { createRandom } from '../../providers/simulator/prng.js';
import { DeploymentStats } from '../deployment-stats.js';
import { createAdaptiveStrategy } from './adaptive.js';
import { CAPABLE_FREE_FACTS, degradationPhases, simulateTraffic } from '../../../test/support/strategy-simulation.js';
import type { StrategyContext } from './types.js';

function deployment(id: string): Deployment {
  return { id, weight: 1, model: id, defaultMaxTokens: 1, provider: {} as Deployment['provider'] };
}

const group = ['a', 'b', 'c'].map(deployment);

function contextOf(random: () => number): StrategyContext {
  const stats = new DeploymentStats();
  return { stats: (id) => stats.snapshot(id), facts: () => CAPABLE_FREE_FACTS, hints: {}, needs: null, request: null, random };
}

test('adaptive learns from observe(): failures lower a deployment’s belief and its share', () => {
  const strategy = createAdaptiveStrategy();
  for (let index = 0; index < 30; index += 1) {
    strategy.observe?.('g', 'a', { ok: true, latencyMs: 100, costUsd: 0.001 });
    strategy.observe?.('g', 'b', { ok: false, latencyMs: 20, costUsd: 0 });
    strategy.observe?.('g', 'c', { ok: true, latencyMs: 400, costUsd: 0.001 });
  }
  const beliefs = strategy.beliefs('g');
  assert.ok(beliefs.a.mean > beliefs.c.mean && beliefs.c.mean > beliefs.b.mean, JSON.stringify(beliefs));
  // Decay keeps the evidence bounded: about 1 / (1 - 0.98) outcomes in all, shared by three.
  assert.ok(beliefs.a.evidence < 20, `evidence ${beliefs.a.evidence}`);
  const context = contextOf(createRandom(8));
  const firsts = { a: 0, b: 0, c: 0 } as Record<string, number>;
  for (let index = 0; index < 1000; index += 1) firsts[strategy.order('g', group, context)[0].id] += 1;
  assert.ok(firsts.a > 800 && firsts.b < 30, JSON.stringify(firsts));
  assert.deepEqual(strategy.beliefs('other'), {});
});

test('adaptive prefers the cheaper of two equally fast and reliable deployments', () => {
  const strategy = createAdaptiveStrategy();
  for (let index = 0; index < 40; index += 1) {
    strategy.observe?.('g', 'a', { ok: true, latencyMs: 100, costUsd: 0.004 });
    strategy.observe?.('g', 'b', { ok: true, latencyMs: 100, costUsd: 0.001 });
  }
  const beliefs = strategy.beliefs('g');
  assert.ok(beliefs.b.mean > beliefs.a.mean, JSON.stringify(beliefs));
});

for (const mode of ['slow', 'failing'] as const) {
  test(`adaptive moves traffic off a ${mode} deployment and back after it recovers`, () => {
    const result = simulateTraffic({
      strategy: createAdaptiveStrategy(),
      deployments: group,
      random: createRandom(1),
      phases: degradationPhases({ random: createRandom(2), degradedId: 'b', mode, requests: { warmUp: 500, degraded: 1000, recovered: 1000 } }),
    });
    const [warm, degraded, recovered] = result.shares;
    assert.ok(warm.b > 0.25, `healthy share: ${warm.b}`);
    assert.ok(degraded.b < 0.15, `share while ${mode}: ${degraded.b}`);
    assert.ok(recovered.b > 0.25, `share after recovery: ${recovered.b}`);
  });
}

test('adaptive keeps sampling valid orders when every outcome of a group failed', () => {
  const strategy = createAdaptiveStrategy();
  for (let index = 0; index < 200; index += 1) strategy.observe?.('g', group[index % 3].id, { ok: false, latencyMs: 10, costUsd: 0 });
  for (const random of [createRandom(3), () => 0, () => 0.999999]) {
    const order = strategy.order('g', group, contextOf(random));
    assert.deepEqual(order.map((item) => item.id).sort(), ['a', 'b', 'c']);
  }
  assert.ok(Object.values(strategy.beliefs('g')).every((belief) => belief.mean > 0 && belief.mean < 0.2));
});
