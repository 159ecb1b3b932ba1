/**
 * The analytics routes over a large log: one million usage rows in SQLite (seeded by SQLite itself
 * in one statement), and the three endpoints answer with totals equal to the seeded ones, over
 * 30 days by day and over the last day by hour, grouped and not. No timing is asserted here: the
 * query times are measured by bench/analytics.mjs and reported in docs/performance.md.
 */

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Kysely } from 'kysely';
import { startGateway } from '../support/gateway-harness.js';
import type { RunningGateway } from '../support/gateway-harness.js';
import { analyticsClient } from './analytics-client.js';
import type { AnalyticsGet } from './analytics-client.js';
import { LARGE_LOG, exactLatencyPercentile, largeLogTotals, seedLargeLog } from './large-log-seed.js';
import type { LargeLogTotals } from './large-log-seed.js';

type Json = Record<string, unknown>;
/** Answers round USD to 1e-9. */
const roundUsd = (value: number): number => Math.round(value * 1e9) / 1e9;

let running: RunningGateway;
let get: AnalyticsGet;

const THIRTY_DAYS = { fromMs: LARGE_LOG.endMs - LARGE_LOG.spanMs, toMs: LARGE_LOG.endMs };
const LAST_DAY = { fromMs: LARGE_LOG.endMs - 86_400_000, toMs: LARGE_LOG.endMs };
const query = (range: { fromMs: number; toMs: number }) => ({ from: range.fromMs, to: range.toMs });

before(async () => {
  running = await startGateway({ yaml: 'server: { port: 0, host: 127.0.0.1 }\nlogging: { level: silent }\n' });
  get = analyticsClient(running);
  await seedLargeLog(running.gateway.database.db as unknown as Kysely<unknown>);
});

after(async () => {
  await running?.close();
});

async function answer(endpoint: 'usage' | 'performance' | 'costs', parameters: Record<string, string | number>): Promise<Json> {
  const response = await get(endpoint, parameters);
  assert.equal(response.status, 200, response.text.slice(0, 300));
  assert.ok(response.json);
  return response.json;
}

const sum = (rows: Json[], field: string): number => rows.reduce((total, row) => total + (row[field] as number), 0);

function expectUsageTotals(actual: Json, expected: LargeLogTotals): void {
  assert.deepEqual(actual, {
    requests: expected.requests,
    successes: expected.successes,
    errors: expected.errors,
    clientDisconnected: expected.clientDisconnected,
    promptTokens: expected.promptTokens,
    completionTokens: expected.completionTokens,
    cachedTokens: expected.cachedTokens,
    totalTokens: expected.promptTokens + expected.completionTokens,
    costUsd: roundUsd(expected.costUsd),
  });
}

for (const [name, range, granularity, buckets] of [['30 days by day', THIRTY_DAYS, 'day', 30], ['the last day by hour', LAST_DAY, 'hour', 24]] as const) {
  test(`a million rows, ${name}: usage totals, series and groups equal the seeded totals`, async () => {
    const expected = largeLogTotals(range);
    assert.equal(largeLogTotals(THIRTY_DAYS).requests, LARGE_LOG.rows);
    const usage = await answer('usage', { ...query(range), granularity });
    expectUsageTotals(usage.totals as Json, expected);
    const series = usage.series as Json[];
    assert.equal(series.length, buckets);
    assert.equal(sum(series, 'requests'), expected.requests);
    const grouped = await answer('usage', { ...query(range), granularity, groupBy: 'model', top: 3 });
    expectUsageTotals(grouped.totals as Json, expected);
    const groups = grouped.groups as Json[];
    assert.deepEqual(groups.map((group) => group.group), [...groups.slice(0, 3).map((group) => group.group), 'other']);
    assert.equal(grouped.foldedGroups, 5);
    assert.equal(sum(groups, 'requests'), expected.requests);
    assert.equal(sum(grouped.series as Json[], 'completionTokens'), expected.completionTokens);
  });

  test(`a million rows, ${name}: performance counts equal the seeded ones, percentiles within 5 %`, async () => {
    const expected = largeLogTotals(range);
    const performance = await answer('performance', { ...query(range), granularity });
    const totals = performance.totals as Json & { latencyMs: Json; ttftMs: Json; statusClasses: Json[] };
    assert.equal(totals.requests, expected.requests);
    assert.equal(totals.errors, expected.errors);
    assert.equal(totals.clientDisconnected, expected.clientDisconnected);
    assert.equal(totals.attemptsPerRequest, Math.round((expected.attempts / expected.requests) * 1e6) / 1e6);
    assert.equal(totals.ttftMs.streams, expected.streamsWithTtft);
    assert.deepEqual(Object.fromEntries(totals.statusClasses.map((row) => [row.statusClass, row.requests])), expected.byStatusClass);
    assert.equal(totals.latencyMs.mean, Math.round((expected.latencySumMs / expected.requests) * 10) / 10);
    for (const [field, quantile] of [['p50', 0.5], ['p90', 0.9], ['p95', 0.95], ['p99', 0.99]] as const) {
      const exact = exactLatencyPercentile(expected, quantile);
      const estimate = totals.latencyMs[field] as number;
      assert.ok(Math.abs(estimate - exact) <= exact * 0.05 + 0.05, `${field}: ${estimate} vs exact ${exact}`);
    }
    const byProvider = await answer('performance', { ...query(range), granularity, groupBy: 'provider' });
    assert.equal(sum(byProvider.groups as Json[], 'requests'), expected.requests);
    assert.equal(sum(byProvider.series as Json[], 'errors'), expected.errors);
  });

  test(`a million rows, ${name}: costs equal the seeded totals, per group too`, async () => {
    const expected = largeLogTotals(range);
    const costs = await answer('costs', { ...query(range), granularity, groupBy: 'provider' });
    const totals = costs.totals as Json;
    assert.equal(totals.requests, expected.requests);
    assert.equal(totals.costUsd, roundUsd(expected.costUsd));
    assert.equal(totals.totalTokens, expected.promptTokens + expected.completionTokens);
    assert.ok(Math.abs(sum(costs.groups as Json[], 'costUsd') - expected.costUsd) < 1e-8);
    assert.equal(sum(costs.series as Json[], 'requests'), expected.requests);
    assert.equal(typeof (costs.forecast as Json).projectedMonthEndUsd, 'number');
  });
}
