/**
 * GET /api/ai/analytics/{usage,performance,costs} on the real gateway: rows written by real
 * requests through the fakes, and rows seeded with hand-picked values (seeded-usage.ts) checked
 * against hand-computed figures for filters, group-by, top-N, percentiles and costs — on SQLite and
 * on Postgres; plus the forecast, CSV, roles and bad input.
 */

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { UsageRow } from '../../src/pipeline/ports.js';
import { startFakes, startGateway, standardConfig, usageRows } from '../support/gateway-harness.js';
import type { Fakes, RunningGateway } from '../support/gateway-harness.js';
import { managementClient } from '../support/management-client.js';
import { postgresAvailable, startPostgres } from '../support/postgres.js';
import type { TestPostgres } from '../support/postgres.js';
import { analyticsClient } from './analytics-client.js';
import type { AnalyticsGet } from './analytics-client.js';
import { registerSeededChecks } from './seeded-checks.js';
import { SEEDED_ROWS } from './seeded-usage.js';

type Json = Record<string, unknown>;
const DAY = 86_400_000;
const roundUsd = (value: number): number => Math.round(value * 1e9) / 1e9;

describe('on SQLite', () => {
  let fakes: Fakes;
  let running: RunningGateway;
  let get: AnalyticsGet;
  const startedAt = Date.now();

  before(async () => {
    fakes = await startFakes();
    running = await startGateway({ yaml: standardConfig(fakes) });
    get = analyticsClient(running);
    await running.gateway.usage.insertMany(SEEDED_ROWS);
  });

  after(async () => {
    await running?.close();
    await fakes?.close();
  });

  registerSeededChecks({ get: () => get });

  test('rows written by real requests: grouped usage and performance agree with the usage rows', async () => {
    const send = (model: string, stream = false) =>
      fetch(`${running.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${running.masterKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ model, stream, messages: [{ role: 'user', content: 'hello analytics' }] }),
      }).then((response) => response.text().then(() => response.status));
    assert.deepEqual(await Promise.all([send('gpt-4o'), send('gpt-4o', true), send('claude', true), send('gemini'), send('badkey')]), [200, 200, 200, 200, 502]);
    const rows = (await usageRows(running)).filter((row) => row.createdAt.getTime() >= startedAt);
    assert.equal(rows.length, 5);
    const range = { from: startedAt, to: Date.now() + 1 };

    const usage = (await get('usage', { ...range, groupBy: 'model' })).json as Json;
    const byModel = new Map<string | null, UsageRow[]>();
    for (const row of rows) byModel.set(row.modelGroup, [...(byModel.get(row.modelGroup) ?? []), row]);
    const expected = [...byModel.entries()]
      .map(([group, list]) => ({
        group,
        requests: list.length,
        errors: list.filter((row) => row.outcome === 'error').length,
        promptTokens: list.reduce((sum, row) => sum + row.promptTokens, 0),
        completionTokens: list.reduce((sum, row) => sum + row.completionTokens, 0),
        costUsd: roundUsd(list.reduce((sum, row) => sum + row.costUsd, 0)),
      }))
      .sort((left, right) => right.requests - left.requests || String(left.group).localeCompare(String(right.group)));
    const groups = (usage.groups as Json[]).map((row) => ({ group: row.group, requests: row.requests, errors: row.errors, promptTokens: row.promptTokens, completionTokens: row.completionTokens, costUsd: row.costUsd }));
    assert.deepEqual(groups, expected);
    assert.ok((usage.totals as Json).costUsd as number > 0, 'the fakes report usage, so the rows have a cost');

    const performance = (await get('performance', range)).json as Json;
    const totals = performance.totals as Json & { latencyMs: Json; ttftMs: Json; statusClasses: Json[] };
    assert.equal(totals.requests, 5);
    assert.equal(totals.errors, 1);
    assert.equal(totals.ttftMs.streams, rows.filter((row) => row.stream && row.ttftMs !== null).length);
    assert.deepEqual(totals.statusClasses.map((row) => [row.statusClass, row.requests]), [['2xx', 4], ['5xx', 1]]);
    const latencies = rows.map((row) => row.latencyMs).sort((left, right) => left - right);
    assert.ok(Math.abs((totals.latencyMs.p50 as number) - latencies[2]) <= latencies[2] * 0.05 + 0.05, `p50 ${String(totals.latencyMs.p50)} vs ${latencies[2]}`);
    assert.equal(totals.latencyMs.mean, Math.round((latencies.reduce((sum, value) => sum + value, 0) / 5) * 10) / 10);
  });

  test('the month-end forecast: month to date plus the run rate of the last basisDays days', async () => {
    const now = Date.now();
    const forecastRows = [
      { at: now - 60_000, costUsd: 1 },
      { at: now - 3 * DAY, costUsd: 2 },
      { at: now - 10 * DAY, costUsd: 4 },
      { at: now - 40 * DAY, costUsd: 8 },
    ];
    await running.gateway.usage.insertMany(
      forecastRows.map((row, index) => ({ ...SEEDED_ROWS[2], requestId: `forecast-${index}`, keyId: 'key_forecast', createdAt: new Date(row.at), costUsd: row.costUsd })),
    );
    for (const basisDays of [7, 30]) {
      const answer = (await get('costs', { keyId: 'key_forecast', basisDays })).json as Json;
      const forecast = answer.forecast as Json & { asOf: string; monthStart: string; monthEnd: string };
      const asOf = Date.parse(forecast.asOf);
      const monthStart = Date.parse(forecast.monthStart);
      const sumSince = (since: number) => forecastRows.filter((row) => row.at >= since && row.at < asOf).reduce((sum, row) => sum + row.costUsd, 0);
      const remainingDays = (Date.parse(forecast.monthEnd) - asOf) / DAY;
      assert.equal(new Date(monthStart).getUTCDate(), 1);
      assert.equal(forecast.basisDays, basisDays);
      assert.equal(forecast.monthToDateUsd, sumSince(monthStart));
      assert.equal(forecast.dailyRunRateUsd, roundUsd(sumSince(asOf - basisDays * DAY) / basisDays));
      assert.ok(Math.abs((forecast.projectedMonthEndUsd as number) - (sumSince(monthStart) + (sumSince(asOf - basisDays * DAY) / basisDays) * remainingDays)) < 1e-6);
      assert.match(String(forecast.method), new RegExp(`last ${basisDays} days`));
    }
  });

  test('CSV by format=csv or Accept: text/csv, as an attachment, quoted per RFC 4180 and defused', async () => {
    const answer = await get('usage', { from: '2025-03-05', to: '2025-03-06', groupBy: 'model', format: 'csv' });
    assert.equal(answer.status, 200);
    assert.equal(answer.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.equal(answer.headers.get('content-disposition'), 'attachment; filename="switchyard-usage-20250305T0000Z-20250306T0000Z.csv"');
    assert.equal(
      answer.text,
      'start,group,requests,successes,errors,clientDisconnected,promptTokens,completionTokens,cachedTokens,totalTokens,costUsd\r\n' +
        '2025-03-05T12:00:00.000Z,"weird,""model""",1,1,0,0,0,0,0,0,0.5\r\n' +
        '2025-03-05T13:00:00.000Z,"\'=HYPERLINK(""x"")",1,1,0,0,0,0,0,0,0.25\r\n',
    );
    const performance = await get('performance', { from: '2025-03-10', to: '2025-03-11', granularity: 'day' }, { accept: 'text/csv' });
    assert.equal(performance.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.deepEqual(performance.text.split('\r\n').map((line) => line.split(',').slice(0, 4).join(',')), [
      'start,statusClass,requests,errors',
      '2025-03-10T00:00:00.000Z,all,4,1',
      '2025-03-10T00:00:00.000Z,2xx,2,0',
      '2025-03-10T00:00:00.000Z,4xx,1,0',
      '2025-03-10T00:00:00.000Z,5xx,1,1',
      '',
    ]);
    const costs = await get('costs', { from: '2025-03-10', to: '2025-03-12', granularity: 'day' }, { accept: 'text/csv' });
    assert.deepEqual(costs.text.split('\r\n').slice(0, 2), [
      'start,requests,promptTokens,completionTokens,cachedTokens,totalTokens,costUsd,costPer1kTokens',
      `2025-03-10T00:00:00.000Z,4,610,170,10,780,0.065,${roundUsd((0.065 / 780) * 1000)}`,
    ]);
  });

  test('roles: a viewer may read analytics, a developer may not, nobody without a credential', async () => {
    const client = managementClient(running);
    const viewer = await client.user({ email: 'analytics-viewer@example.com', role: 'viewer' });
    const developer = await client.user({ email: 'analytics-developer@example.com', role: 'developer' });
    for (const endpoint of ['usage', 'performance', 'costs'] as const) {
      assert.equal((await get(endpoint, {}, { credential: viewer.token })).status, 200);
      const denied = await get(endpoint, {}, { credential: developer.token });
      assert.equal(denied.status, 403);
      assert.equal((denied.json?.error as Json).code, 'permission_denied');
      assert.equal((await get(endpoint, {}, { credential: null })).status, 401);
    }
  });

  test('bad input is a 400 in the OpenAI error shape naming the parameter', async () => {
    const cases: Array<['usage' | 'performance' | 'costs', Record<string, string>, string]> = [
      ['usage', { granularity: 'week' }, 'granularity'],
      ['usage', { from: '2025-01-01', to: '2025-01-03', granularity: 'minute' }, 'granularity'],
      ['performance', { from: 'soon' }, 'from'],
      ['costs', { top: '3' }, 'top'],
      ['usage', { groupby: 'model' }, 'groupby'],
    ];
    for (const [endpoint, query, param] of cases) {
      const answer = await get(endpoint, query);
      assert.equal(answer.status, 400, JSON.stringify(query));
      const error = answer.json?.error as Json;
      assert.deepEqual([error.type, error.code, error.param], ['invalid_request_error', 'invalid_request', param]);
      assert.equal(typeof error.message, 'string');
    }
    // The CSV format does not change how errors are sent.
    const csvError = await get('usage', { granularity: 'week', format: 'csv' });
    assert.equal(csvError.status, 400);
    assert.match(csvError.headers.get('content-type') ?? '', /application\/json/);
  });
});

describe('on Postgres', { skip: postgresAvailable() ? false : 'PostgreSQL server binaries are not installed (scripts/install-test-deps.sh)' }, () => {
  let postgres: TestPostgres;
  let running: RunningGateway;
  let get: AnalyticsGet;

  before(async () => {
    postgres = await startPostgres();
    running = await startGateway({ yaml: 'server: { port: 0, host: 127.0.0.1 }\nlogging: { level: silent }\n', databaseUrl: postgres.url });
    get = analyticsClient(running);
    await running.gateway.usage.insertMany(SEEDED_ROWS);
  });

  after(async () => {
    await running?.close();
    await postgres?.stop();
  });

  test('the gateway runs on Postgres', () => {
    assert.equal(running.gateway.database.dialect, 'postgres');
  });

  registerSeededChecks({ get: () => get });
});
