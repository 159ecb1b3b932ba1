import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { UsageRow } from '../../pipeline/ports.js';
import { LiveStats } from './live-stats.js';

const DAY = 86_400_000;

function row(overrides: Partial<UsageRow> = {}): UsageRow {
  return {
    requestId: 'req_1', createdAt: new Date(0), keyId: null, protocol: 'openai', endpoint: 'chat', modelGroup: 'gpt-4o', provider: 'openai',
    deploymentId: 'openai/gpt-4o', upstreamModel: 'gpt-4o', stream: false, promptTokens: 10, completionTokens: 5, cachedTokens: 0,
    tokensEstimated: false, costUsd: 0.01, latencyMs: 100, ttftMs: null, status: 200, outcome: 'success', errorCode: null, attempts: 1,
    ...overrides,
  };
}

function clockAt(start: number): { now: () => number; set(value: number): void; advance(ms: number): void } {
  let current = start;
  return { now: () => current, set: (value) => (current = value), advance: (ms) => (current += ms) };
}

test('percentiles, error rate, rates and models over the window, with an injected clock', () => {
  const clock = clockAt(10 * DAY + 1_000_000);
  let active = 3;
  const stats = new LiveStats({ activeRequests: () => active, now: clock.now });
  for (let index = 1; index <= 100; index += 1) {
    stats.record(row({ latencyMs: index * 10, outcome: index % 10 === 0 ? 'error' : 'success', modelGroup: index % 2 === 0 ? 'gpt-4o' : 'claude' }));
  }
  const metrics = stats.metrics();
  assert.ok(metrics.latencyP50Ms !== null && Math.abs(metrics.latencyP50Ms - 500) / 500 < 0.05, `p50 ${metrics.latencyP50Ms}`);
  assert.ok(metrics.latencyP95Ms !== null && Math.abs(metrics.latencyP95Ms - 950) / 950 < 0.05, `p95 ${metrics.latencyP95Ms}`);
  assert.equal(metrics.errorRate, 0.1);
  assert.equal(metrics.requestsInWindow, 100);
  assert.equal(metrics.tokensInWindow, 1_500);
  assert.equal(metrics.modelsActive, 2);
  assert.equal(metrics.activeRequests, 3);
  // All in the first second since start: one second to average over.
  assert.equal(metrics.requestsPerSecond, 100);
  assert.equal(metrics.tokensPerSecond, 1_500);
  active = 0;
  assert.equal(stats.metrics().activeRequests, 0);
  clock.advance(20_000);
  const later = stats.metrics();
  assert.equal(later.requestsPerSecond, 0, 'rates cover the last ten seconds');
  assert.equal(later.requestsInWindow, 100, 'the window still holds them');
  assert.deepEqual(stats.totals(), { totalRequests: 100, tokensProcessed: 1_500, avgResponseTime: 505, errorRate: 0.1, uptimeSeconds: 20 });
});

test('the window rolls: seconds older than a minute drop out, their buckets are reused', () => {
  const clock = clockAt(5 * DAY);
  const stats = new LiveStats({ activeRequests: () => 0, now: clock.now });
  stats.record(row({ latencyMs: 1_000, modelGroup: 'old' }));
  clock.advance(30_000);
  stats.record(row({ latencyMs: 50, modelGroup: 'new' }));
  assert.equal(stats.metrics().requestsInWindow, 2);
  clock.advance(30_500);
  const rolled = stats.metrics();
  assert.equal(rolled.requestsInWindow, 1, 'the first request is over a minute old');
  assert.equal(rolled.latencyP50Ms, 50);
  assert.equal(rolled.modelsActive, 1);
  // Exactly 60 s after the second request its bucket is reused for a new one.
  clock.advance(29_500);
  stats.record(row({ latencyMs: 7 }));
  const reused = stats.metrics();
  assert.equal(reused.requestsInWindow, 1);
  assert.equal(reused.latencyP95Ms, 7);
  clock.advance(61_000);
  const empty = stats.metrics();
  assert.equal(empty.requestsInWindow, 0);
  assert.equal(empty.latencyP50Ms, null);
  assert.equal(empty.errorRate, 0);
  assert.equal(stats.totals().totalRequests, 3, 'totals since start never roll');
});

test("today's cost starts from the seed, adds every request and starts again at UTC midnight", async () => {
  const clock = clockAt(7 * DAY + 23 * 3_600_000);
  let seededSince: number | null = null;
  const stats = new LiveStats({
    activeRequests: () => 0,
    now: clock.now,
    seedCostToday: async (dayStartMs) => {
      seededSince = dayStartMs;
      return 2.5;
    },
  });
  stats.record(row({ costUsd: 0.25 }));
  await stats.seeded;
  assert.equal(seededSince, 7 * DAY);
  assert.equal(stats.metrics().costToday, 2.75);
  assert.equal(stats.report().costToday, 2.75);
  clock.set(8 * DAY + 5);
  assert.equal(stats.metrics().costToday, 0, 'a new UTC day');
  stats.record(row({ costUsd: 0.5 }));
  assert.equal(stats.metrics().costToday, 0.5);
});

test('a seed that fails is reported and today counts from zero; one that ends after midnight is dropped', async () => {
  const failures: unknown[] = [];
  const failing = new LiveStats({ activeRequests: () => 0, seedCostToday: async () => Promise.reject(new Error('database down')), onSeedError: (error) => failures.push(error) });
  await failing.seeded;
  assert.equal(failures.length, 1);
  assert.equal(failing.metrics().costToday, 0);

  const clock = clockAt(3 * DAY - 1);
  let release: (value: number) => void = () => {};
  const late = new LiveStats({ activeRequests: () => 0, now: clock.now, seedCostToday: () => new Promise<number>((resolve) => (release = resolve)) });
  clock.set(3 * DAY + 10);
  release(99);
  await late.seeded;
  assert.equal(late.metrics().costToday, 0, "yesterday's spend is not today's");
});

test('the report has the /api/ai/metrics fields', () => {
  const clock = clockAt(DAY);
  const stats = new LiveStats({ activeRequests: () => 2, now: clock.now });
  assert.deepEqual(stats.report(), {
    totalRequests: 0, activeRequests: 2, avgResponseTime: null, errorRate: 0, modelsActive: 0, tokensProcessed: 0, costToday: 0,
    cacheHitRate: 0, requestsPerSecond: 0, latencyP50Ms: null, latencyP95Ms: null, uptimeSeconds: 0,
  });
});
