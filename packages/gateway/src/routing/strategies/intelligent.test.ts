import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Deployment, DeploymentFacts } from '../../core/index.js';
import { createRandom } from '../../providers/simulator/prng.js';
import { DeploymentStats } from '../deployment-stats.js';
import { createIntelligentStrategy, normalise } from './intelligent.js';
import { factorWeights } from './intelligent-weights.js';
import { CAPABLE_FREE_FACTS, degradationPhases, simulateTraffic } from '../../../test/support/strategy-simulation.js';
import type { RequestNeeds, RoutingHints, StrategyContext } from './types.js';

function deployment(id: string): Deployment {
  return { id, weight: 1, model: id, defaultMaxTokens: 1, provider: {} as Deployment['provider'] };
}

interface ContextOptions {
  stats?: DeploymentStats;
  facts?: Record<string, Partial<DeploymentFacts>>;
  hints?: RoutingHints;
  needs?: RequestNeeds | null;
  random?: () => number;
}

/** By default the random never explores (0.99 > epsilon). */
function contextOf(options: ContextOptions = {}): StrategyContext {
  const stats = options.stats ?? new DeploymentStats();
  return {
    stats: (id) => stats.snapshot(id),
    facts: (item) => ({ ...CAPABLE_FREE_FACTS, ...options.facts?.[item.id] }),
    hints: options.hints ?? {},
    needs: options.needs ?? null,
    request: null,
    random: options.random ?? (() => 0.99),
  };
}

function record(stats: DeploymentStats, id: string, latencyMs: number): void {
  stats.started(id);
  stats.succeeded(id, { latencyMs, ttftMs: latencyMs });
}

const needsNothing: RequestNeeds = { contextTokens: 1_000, tools: false, images: false, jsonMode: false };

test('intelligent never returns a deployment that cannot serve the request', () => {
  const group = ['small', 'no-tools', 'no-images', 'no-json', 'able'].map(deployment);
  const facts: Record<string, Partial<DeploymentFacts>> = {
    small: { contextWindow: 8_000 },
    'no-tools': { supportsTools: false },
    'no-images': { supportsImages: false },
    'no-json': { supportsJsonMode: false },
    able: { contextWindow: 200_000 },
  };
  const cases: [RequestNeeds, string[]][] = [
    [{ ...needsNothing, contextTokens: 20_000 }, ['small']],
    [{ ...needsNothing, tools: true }, ['no-tools']],
    [{ ...needsNothing, images: true }, ['no-images']],
    [{ ...needsNothing, jsonMode: true, contextTokens: 50_000 }, ['no-json', 'small']],
  ];
  const strategy = createIntelligentStrategy();
  const random = createRandom(4);
  for (const [needs, excluded] of cases) {
    for (let call = 0; call < 50; call += 1) {
      const order = strategy.order('g', group, contextOf({ facts, needs, random })).map((item) => item.id);
      assert.equal(order.length, group.length - excluded.length);
      for (const id of excluded) assert.ok(!order.includes(id), `${id} excluded for ${JSON.stringify(needs)}`);
    }
  }
});

test('intelligent: when no deployment can serve the request, the group order comes back unchanged', () => {
  const group = ['a', 'b'].map(deployment);
  const order = createIntelligentStrategy().order('g', group, contextOf({ facts: { a: { contextWindow: 4_000 }, b: { contextWindow: 8_000 } }, needs: { ...needsNothing, contextTokens: 9_000 } }));
  assert.deepEqual(order.map((item) => item.id), ['a', 'b']);
});

test('intelligent shifts with the hints: strict budget puts the cheapest first, high priority the fastest', () => {
  const group = ['fast', 'cheap'].map(deployment);
  const stats = new DeploymentStats();
  record(stats, 'fast', 100);
  record(stats, 'cheap', 400);
  const facts = { fast: { costPer1kTokens: 0.01 }, cheap: { costPer1kTokens: 0.001 } };
  const firstFor = (hints: RoutingHints): string[] => {
    const strategy = createIntelligentStrategy();
    return [1, 2, 3, 4].map(() => strategy.order('g', group, contextOf({ stats, facts, hints }))[0].id);
  };
  assert.deepEqual(firstFor({ budget: 'strict' }), ['cheap', 'cheap', 'cheap', 'cheap']);
  assert.deepEqual(firstFor({ priority: 'low' }), ['cheap', 'cheap', 'cheap', 'cheap']);
  assert.deepEqual(firstFor({ useCase: 'extraction' }), ['cheap', 'cheap', 'cheap', 'cheap']);
  assert.deepEqual(firstFor({ priority: 'high' }), ['fast', 'fast', 'fast', 'fast']);
  assert.deepEqual(firstFor({ useCase: 'code' }), ['fast', 'fast', 'fast', 'fast']);
  // Balanced chat: four times the latency against a tenth of the price is a draw, so they alternate.
  assert.deepEqual(firstFor({ useCase: 'chat' }), ['fast', 'cheap', 'fast', 'cheap']);
  // A strict budget still avoids a failing deployment.
  for (let index = 0; index < 3; index += 1) {
    stats.started('cheap');
    stats.failed('cheap', 'SY_ERR_UPSTREAM_SERVER');
  }
  assert.equal(firstFor({ budget: 'strict' })[0], 'fast');
});

test('intelligent weights: a table per use case, adjusted by priority and budget, summing to 1', () => {
  for (const hints of [{}, { useCase: 'code' }, { useCase: 'nonsense' }, { priority: 'high' as const }, { budget: 'strict' as const, useCase: 'creative' }]) {
    const weights = factorWeights(hints);
    assert.ok(Math.abs(weights.latency + weights.cost + weights.errors + weights.load - 1) < 1e-9);
  }
  assert.deepEqual(factorWeights({ useCase: 'nonsense' }), factorWeights({ useCase: 'chat' }));
  assert.ok(Math.abs(factorWeights({ budget: 'strict' }).cost - 0.75) < 1e-9);
  assert.ok(factorWeights({ priority: 'high' }).latency > factorWeights({}).latency);
  assert.ok(factorWeights({ useCase: 'classification' }).cost > factorWeights({ useCase: 'analysis' }).cost);
});

test('normalise: min-max, with a floor so noise-sized differences stay small', () => {
  assert.deepEqual(normalise([100, 200, 300], 'relative'), [0, 0.5, 1]);
  assert.deepEqual(normalise([200, 220], 'relative'), [0, 0.1]);
  const [low, high] = normalise([0, 0.02], 0.1);
  assert.equal(low, 0);
  assert.ok(Math.abs(high - 0.2) < 1e-9);
  assert.deepEqual(normalise([5, 5], 'relative'), [0, 0]);
  assert.deepEqual(normalise([0, 0], 'relative'), [0, 0]);
});

for (const mode of ['slow', 'failing'] as const) {
  test(`intelligent moves traffic off a ${mode} deployment and back after it recovers`, () => {
    const result = simulateTraffic({
      strategy: createIntelligentStrategy(),
      deployments: ['a', 'b', 'c'].map(deployment),
      random: createRandom(1),
      windowMs: 10_000,
      facts: () => ({ ...CAPABLE_FREE_FACTS, costPer1kTokens: 0.002 }),
      phases: degradationPhases({ random: createRandom(2), degradedId: 'b', mode, requests: { warmUp: 500, degraded: 1000, recovered: 1000 } }),
    });
    const [warm, degraded, recovered] = result.shares;
    assert.ok(warm.b > 0.25, `healthy share: ${warm.b}`);
    assert.ok(degraded.b < 0.15, `share while ${mode}: ${degraded.b}`);
    assert.ok(recovered.b > 0.25, `share after recovery: ${recovered.b}`);
  });
}
