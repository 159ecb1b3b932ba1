/**
 * The analytics checks over SEEDED_ROWS, registered as tests for any database: the same queries and
 * the same hand-computed answers on SQLite and on Postgres.
 */

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AnalyticsGet } from './analytics-client.js';
import { MARCH_10, MARCH_11, RANGE, RANGE_TOTALS } from './seeded-usage.js';
import type { UsageFigures } from './seeded-usage.js';

type Json = Record<string, unknown>;
type Row = Json & { start?: string; group?: string | null; other?: true };

async function json(get: AnalyticsGet, endpoint: 'usage' | 'performance' | 'costs', query: Record<string, string | number>): Promise<Json> {
  const answer = await get(endpoint, { ...RANGE, ...query });
  assert.equal(answer.status, 200, answer.text.slice(0, 500));
  assert.ok(answer.json);
  return answer.json;
}

const rows = (value: unknown): Row[] => value as Row[];
const pick = (row: Json, names: readonly string[]): Json => Object.fromEntries(names.map((name) => [name, row[name]]));
const USAGE_FIELDS = ['requests', 'successes', 'errors', 'clientDisconnected', 'promptTokens', 'completionTokens', 'cachedTokens', 'totalTokens', 'costUsd'] as const;
const usage = (row: Json): Json => pick(row, USAGE_FIELDS);
const figures = (value: UsageFigures): Json => pick(value as unknown as Json, USAGE_FIELDS);

export function registerSeededChecks(context: { get: () => AnalyticsGet }): void {
  const get = (): AnalyticsGet => context.get();

  test('usage per day and in total, the range end exclusive', async () => {
    const answer = await json(get(), 'usage', { granularity: 'day' });
    assert.equal(answer.from, '2025-03-10T00:00:00.000Z');
    assert.equal(answer.to, '2025-03-12T00:00:00.000Z');
    assert.equal(answer.bucketMs, 86_400_000);
    assert.equal(answer.groupBy, null);
    assert.deepEqual(rows(answer.series).map((row) => row.start), ['2025-03-10T00:00:00.000Z', '2025-03-11T00:00:00.000Z']);
    assert.deepEqual(rows(answer.series).map(usage), [figures(MARCH_10), figures(MARCH_11)]);
    assert.deepEqual(usage(answer.totals as Json), figures(RANGE_TOTALS));
    assert.equal(answer.groups, undefined);
  });

  test('hourly buckets are the default for two days, empty hours left out', async () => {
    const answer = await json(get(), 'usage', {});
    assert.equal(answer.granularity, 'hour');
    assert.deepEqual(rows(answer.series).map((row) => [row.start, row.requests]), [
      ['2025-03-10T01:00:00.000Z', 2],
      ['2025-03-10T02:00:00.000Z', 2],
      ['2025-03-11T10:00:00.000Z', 2],
      ['2025-03-11T23:00:00.000Z', 1],
    ]);
  });

  test('group by model: groups by requests, series per bucket and group; top folds the rest into other', async () => {
    const all = await json(get(), 'usage', { granularity: 'day', groupBy: 'model' });
    assert.deepEqual(rows(all.groups).map((row) => [row.group, row.requests, row.costUsd]), [['gpt-4o', 4, 0.031], ['claude', 2, 0.035], ['gemini', 1, 0.1]]);
    assert.deepEqual(rows(all.series).map((row) => [row.start?.slice(0, 10), row.group, row.requests]), [
      ['2025-03-10', 'gpt-4o', 2], ['2025-03-10', 'claude', 2], ['2025-03-11', 'gpt-4o', 2], ['2025-03-11', 'gemini', 1],
    ]);
    const top = await json(get(), 'usage', { granularity: 'day', groupBy: 'model', top: 1 });
    assert.equal(top.foldedGroups, 2);
    assert.deepEqual(rows(top.groups).map((row) => [row.group, row.other ?? false, row.requests]), [['gpt-4o', false, 4], ['other', true, 3]]);
    assert.deepEqual(rows(top.series).map((row) => [row.start?.slice(0, 10), row.group, row.requests]), [
      ['2025-03-10', 'gpt-4o', 2], ['2025-03-10', 'other', 2], ['2025-03-11', 'gpt-4o', 2], ['2025-03-11', 'other', 1],
    ]);
    const byCost = await json(get(), 'usage', { granularity: 'day', groupBy: 'model', top: 1, rankBy: 'cost' });
    assert.deepEqual(rows(byCost.groups).map((row) => [row.group, row.costUsd]), [['gemini', 0.1], ['other', 0.066]]);
    assert.deepEqual(usage(byCost.totals as Json), figures(RANGE_TOTALS));
  });

  test('group by key: rows without a key (the master key) form the group null, ranked last among equals', async () => {
    const answer = await json(get(), 'usage', { groupBy: 'key' });
    assert.deepEqual(rows(answer.groups).map((row) => [row.group, row.requests]), [['key_a', 3], ['key_b', 2], ['key_c', 1], [null, 1]]);
    const byTeam = await json(get(), 'usage', { groupBy: 'team' });
    assert.deepEqual(rows(byTeam.groups).map((row) => [row.group, row.requests]), [['team_1', 5], [null, 2]]);
  });

  test('every filter narrows to the rows worked out by hand', async () => {
    const cases: Array<[Record<string, string | number>, number, number]> = [
      [{ keyId: 'key_a' }, 3, 0.03],
      [{ userId: 'usr_2' }, 2, 0.035],
      [{ teamId: 'team_1' }, 5, 0.065],
      [{ model: 'claude' }, 2, 0.035],
      [{ provider: 'anthropic' }, 2, 0.035],
      [{ deploymentId: 'gemini/gemini-2.5-flash' }, 1, 0.1],
      [{ outcome: 'error' }, 2, 0.03],
      [{ outcome: 'client_disconnected' }, 1, 0.005],
      [{ statusClass: '5xx' }, 1, 0.03],
      [{ status: 429 }, 1, 0],
      [{ model: 'gpt-4o', outcome: 'success' }, 3, 0.031],
      [{ keyId: 'nobody' }, 0, 0],
    ];
    for (const [filter, requests, costUsd] of cases) {
      const answer = await json(get(), 'usage', filter);
      const totals = answer.totals as Json;
      assert.deepEqual([totals.requests, totals.costUsd], [requests, costUsd], JSON.stringify(filter));
      assert.deepEqual(answer.filters, filter);
    }
  });

  test('performance: latency percentiles and mean, TTFT of streams, error rate, attempts, by status class', async () => {
    const answer = await json(get(), 'performance', { granularity: 'day' });
    assert.deepEqual(answer.percentiles, { method: 'log-histogram', binRatio: 1.05, maxRelativeError: 0.05 });
    const [march10, march11] = rows(answer.series);
    // Latencies 100, 200, 400, 1000 (each alone in its bin, so exact): p50 300, p90 820, p95 910, p99 982.
    assert.deepEqual(march10, {
      start: '2025-03-10T00:00:00.000Z',
      requests: 4,
      errors: 1,
      errorRate: 0.25,
      clientDisconnected: 1,
      attemptsPerRequest: 1.25,
      retriedRequests: 1,
      latencyMs: { mean: 425, p50: 300, p90: 820, p95: 910, p99: 982 },
      ttftMs: { streams: 2, mean: 100, p50: 100, p95: 145 },
      statusClasses: [
        { statusClass: '2xx', requests: 2, errors: 0, latencyMs: { mean: 150, p50: 150, p90: 190, p95: 195, p99: 199 } },
        { statusClass: '4xx', requests: 1, errors: 0, latencyMs: { mean: 400, p50: 400, p90: 400, p95: 400, p99: 400 } },
        { statusClass: '5xx', requests: 1, errors: 1, latencyMs: { mean: 1000, p50: 1000, p90: 1000, p95: 1000, p99: 1000 } },
      ],
    });
    assert.deepEqual([march11.requests, march11.errorRate, march11.attemptsPerRequest, march11.latencyMs], [3, 0.333333, 1, { mean: 1020, p50: 50, p90: 2410, p95: 2705, p99: 2941 }]);
    assert.deepEqual(march11.ttftMs, { streams: 1, mean: 800, p50: 800, p95: 800 });
    const totals = answer.totals as Json;
    assert.deepEqual([totals.requests, totals.errors, totals.clientDisconnected, (totals.latencyMs as Json).p50, (totals.latencyMs as Json).mean], [7, 2, 1, 200, 680]);
  });

  test('performance grouped by model with top 1: the busiest group and other', async () => {
    const answer = await json(get(), 'performance', { groupBy: 'model', top: 1, granularity: 'day' });
    const groups = rows(answer.groups);
    assert.deepEqual(groups.map((row) => [row.group, row.requests]), [['gpt-4o', 4], ['other', 3]]);
    // gpt-4o: 10, 50, 100, 200 → p50 75; other: 400, 1000, 3000 → p50 1000.
    assert.deepEqual(groups.map((row) => (row.latencyMs as Json).p50), [75, 1000]);
    assert.equal(groups[1].other, true);
  });

  test('costs: per bucket and group, cost per 1,000 tokens, totals', async () => {
    const answer = await json(get(), 'costs', { groupBy: 'provider', granularity: 'day' });
    assert.equal(answer.rankBy, 'cost');
    assert.deepEqual(rows(answer.groups).map((row) => [row.group, row.costUsd, row.totalTokens]), [['gemini', 0.1, 1500], ['anthropic', 0.035, 330], ['openai', 0.031, 527]]);
    const totals = answer.totals as Json;
    assert.deepEqual(totals, {
      requests: 7, promptTokens: 1661, completionTokens: 696, cachedTokens: 110, totalTokens: 2357, costUsd: 0.166,
      costPer1kTokens: Math.round((0.166 / 2357) * 1000 * 1e9) / 1e9,
    });
    assert.deepEqual(rows(answer.series).map((row) => [row.start?.slice(0, 10), row.group, row.costUsd]), [
      ['2025-03-10', 'anthropic', 0.035], ['2025-03-10', 'openai', 0.03], ['2025-03-11', 'gemini', 0.1], ['2025-03-11', 'openai', 0.001],
    ]);
  });
}
