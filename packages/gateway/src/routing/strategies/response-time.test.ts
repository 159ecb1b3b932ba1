import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Deployment } from '../../core/index.js';
import { createRandom } from '../../providers/simulator/prng.js';
import { DeploymentStats } from '../deployment-stats.js';
import { createResponseTimeStrategy } from './response-time.js';
import { CAPABLE_FREE_FACTS, degradationPhases, simulateTraffic } from '../../../test/support/strategy-simulation.js';
import type { StrategyContext } from './types.js';

function deployment(id: string): Deployment {
  return { id, weight: 1, model: id, defaultMaxTokens: 1, provider: {} as Deployment['provider'] };
}

/** A context whose random never explores (0.99 > epsilon). */
function contextOf(stats: DeploymentStats, random: () => number = () => 0.99): StrategyContext {
  return { stats: (id) => stats.snapshot(id), facts: () => CAPABLE_FREE_FACTS, hints: {}, needs: null, request: null, random };
}

function record(stats: DeploymentStats, id: string, latencyMs: number): void {
  stats.started(id);
  stats.succeeded(id, { latencyMs, ttftMs: latencyMs / 2 });
}

const group = [deployment('a'), deployment('b'), deployment('c')];
const names = (order: readonly Deployment[]): string => order.map((item) => item.id).join('');

test('response-time orders by recent latency, and a deployment without data yet goes first', () => {
  const stats = new DeploymentStats();
  record(stats, 'a', 300);
  record(stats, 'b', 100);
  const strategy = createResponseTimeStrategy();
  assert.equal(names(strategy.order('g', group, contextOf(stats))), 'cba');
  record(stats, 'c', 200);
  assert.equal(names(strategy.order('g', group, contextOf(stats))), 'bca');
});

test('response-time: latencies within 10 % count as equal and share traffic in turn', () => {
  const stats = new DeploymentStats();
  record(stats, 'a', 100);
  record(stats, 'b', 105);
  record(stats, 'c', 500);
  const strategy = createResponseTimeStrategy();
  const firsts = [1, 2, 3, 4].map(() => strategy.order('g', group, contextOf(stats))[0].id).join('');
  assert.equal(firsts, 'abab');
});

test('response-time pushes a deployment with a high error rate behind the healthy ones, however fast', () => {
  const stats = new DeploymentStats();
  record(stats, 'a', 50);
  for (let index = 0; index < 3; index += 1) {
    stats.started('a');
    stats.failed('a', 'SY_ERR_UPSTREAM_SERVER');
  }
  record(stats, 'b', 900);
  record(stats, 'c', 400);
  assert.equal(names(createResponseTimeStrategy().order('g', group, contextOf(stats))), 'cba');
});

test('response-time explores about 5 % of the time', () => {
  const stats = new DeploymentStats();
  record(stats, 'a', 100);
  record(stats, 'b', 1000);
  record(stats, 'c', 1000);
  const strategy = createResponseTimeStrategy();
  const random = createRandom(21);
  let explored = 0;
  for (let index = 0; index < 2000; index += 1) if (strategy.order('g', group, contextOf(stats, random))[0].id !== 'a') explored += 1;
  assert.ok(explored > 60 && explored < 140, `explored ${explored} of 2000`);
});

for (const mode of ['slow', 'failing'] as const) {
  test(`response-time moves traffic off a ${mode} deployment and back after it recovers`, () => {
    const result = simulateTraffic({
      strategy: createResponseTimeStrategy(),
      deployments: group,
      random: createRandom(1),
      // A 10 s error window is 200 requests at one per 50 ms: failures age out within the phase.
      windowMs: 10_000,
      phases: degradationPhases({ random: createRandom(2), degradedId: 'b', mode, requests: { warmUp: 500, degraded: 1000, recovered: 1000 } }),
    });
    const [warm, degraded, recovered] = result.shares;
    assert.ok(warm.b > 0.25, `healthy share: ${warm.b}`);
    assert.ok(degraded.b < 0.15, `share while ${mode}: ${degraded.b}`);
    assert.ok(recovered.b > 0.25, `share after recovery: ${recovered.b}`);
  });
}
