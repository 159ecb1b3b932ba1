/**
 * Spend aggregates, run on every dialect (SQLite, Postgres) through the public store API. Ten
 * hand-written rows over four UTC days, five keys plus the master key, three users, two teams,
 * three models and providers, errors and a client disconnect. Costs are sums of powers of two, so
 * every expected number is exact whatever order a database adds them in.
 */

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { UsageOutcome, UsageRow } from '../../src/pipeline/ports.js';
import { migrateToLatest, SpendRepository, UsageRepository, type Database, type SpendGroup } from '../../src/store/index.js';
import { usageRow } from './usage-fixtures.js';

export interface SpendConformanceOptions {
  name: string;
  open: () => Promise<Database>;
}

interface SpendSpec {
  id: string;
  at: string;
  keyId: string | null;
  userId: string | null;
  teamId: string | null;
  model: string;
  provider: string | null;
  outcome: UsageOutcome;
  prompt: number;
  completion: number;
  cost: number;
}

const SPECS: SpendSpec[] = [
  { id: 'r01', at: '2025-03-01T00:00:00.000Z', keyId: 'key_a', userId: 'user_ada', teamId: 'team_research', model: 'gpt-4o', provider: 'openai', outcome: 'success', prompt: 100, completion: 10, cost: 1.5 },
  { id: 'r02', at: '2025-03-01T12:00:00.000Z', keyId: 'key_a', userId: 'user_ada', teamId: 'team_research', model: 'claude-sonnet', provider: 'anthropic', outcome: 'success', prompt: 200, completion: 20, cost: 2.25 },
  { id: 'r03', at: '2025-03-01T23:59:59.999Z', keyId: 'key_b', userId: 'user_bob', teamId: 'team_research', model: 'gpt-4o', provider: 'openai', outcome: 'error', prompt: 50, completion: 0, cost: 0 },
  { id: 'r04', at: '2025-03-02T00:00:00.000Z', keyId: 'key_b', userId: 'user_bob', teamId: 'team_research', model: 'gpt-4o', provider: 'openai', outcome: 'success', prompt: 300, completion: 30, cost: 0.75 },
  { id: 'r05', at: '2025-03-02T08:00:00.000Z', keyId: 'key_c', userId: 'user_cy', teamId: 'team_ops', model: 'gemini-flash', provider: 'google', outcome: 'success', prompt: 400, completion: 40, cost: 0.125 },
  { id: 'r06', at: '2025-03-02T09:00:00.000Z', keyId: null, userId: null, teamId: null, model: 'gpt-4o', provider: 'openai', outcome: 'success', prompt: 10, completion: 1, cost: 0.75 },
  { id: 'r07', at: '2025-03-03T10:00:00.000Z', keyId: 'key_c', userId: 'user_cy', teamId: 'team_ops', model: 'claude-sonnet', provider: null, outcome: 'error', prompt: 0, completion: 0, cost: 0 },
  { id: 'r08', at: '2025-03-03T11:00:00.000Z', keyId: 'key_d', userId: null, teamId: null, model: 'gpt-4o', provider: 'openai', outcome: 'client_disconnected', prompt: 60, completion: 5, cost: 0.25 },
  { id: 'r09', at: '2025-03-04T05:00:00.000Z', keyId: 'key_a', userId: 'user_ada', teamId: 'team_research', model: 'claude-sonnet', provider: 'anthropic', outcome: 'success', prompt: 500, completion: 50, cost: 4 },
  { id: 'r10', at: '2025-03-04T06:00:00.000Z', keyId: 'key_e', userId: 'user_ada', teamId: 'team_research', model: 'gemini-flash', provider: 'google', outcome: 'error', prompt: 70, completion: 0, cost: 0.0625 },
];

function toRow(spec: SpendSpec, index: number): UsageRow {
  const row = usageRow('spend', index, {
    requestId: spec.id,
    createdAt: new Date(spec.at),
    keyId: spec.keyId,
    modelGroup: spec.model,
    provider: spec.provider,
    outcome: spec.outcome,
    status: spec.outcome === 'error' ? 502 : spec.outcome === 'client_disconnected' ? 499 : 200,
    errorCode: spec.outcome === 'error' ? 'SY_ERR_UPSTREAM_SERVER' : null,
    promptTokens: spec.prompt,
    completionTokens: spec.completion,
    costUsd: spec.cost,
  });
  // Owners absent rather than null, as the store reads them back.
  if (spec.userId !== null) row.userId = spec.userId;
  if (spec.teamId !== null) row.teamId = spec.teamId;
  return row;
}

const at = (iso: string) => new Date(iso);

/** One expected group: [group, requests, errors, prompt, completion, cost, firstAt, lastAt]. */
type Expected = [string | null, number, number, number, number, number, string, string];

function expected(rows: Expected[]): SpendGroup[] {
  return rows.map(([group, requests, errors, promptTokens, completionTokens, costUsd, firstAt, lastAt]) => ({
    group,
    requests,
    errors,
    promptTokens,
    completionTokens,
    costUsd,
    firstAt: at(firstAt),
    lastAt: at(lastAt),
  }));
}

export function runSpendConformance(options: SpendConformanceOptions): void {
  describe(`spend conformance: ${options.name}`, () => {
    let database: Database | undefined;
    let spend: SpendRepository;
    let usage: UsageRepository;

    // One database for all cases below: they only read it.
    before(async () => {
      database = await options.open();
      await migrateToLatest(database);
      usage = new UsageRepository(database.db);
      await usage.insertMany(SPECS.map(toRow));
      spend = new SpendRepository(database.db);
    });
    after(async () => {
      await database?.close();
    });

    test('owners round-trip through the usage table; absent owners stay absent', async () => {
      const rows = SPECS.map(toRow);
      assert.deepEqual(await usage.byRequestId('r01'), rows[0]);
      assert.deepEqual(await usage.byRequestId('r06'), rows[5]);
      assert.equal((await usage.byRequestId('r01'))?.teamId, 'team_research');
      assert.equal((await usage.byRequestId('r08'))?.userId, undefined);
    });

    test('by key: costliest first; a tie puts the null group (master key) last', async () => {
      assert.deepEqual(
        await spend.aggregate({ groupBy: 'key' }),
        expected([
          ['key_a', 3, 0, 800, 80, 7.75, '2025-03-01T00:00:00.000Z', '2025-03-04T05:00:00.000Z'],
          ['key_b', 2, 1, 350, 30, 0.75, '2025-03-01T23:59:59.999Z', '2025-03-02T00:00:00.000Z'],
          [null, 1, 0, 10, 1, 0.75, '2025-03-02T09:00:00.000Z', '2025-03-02T09:00:00.000Z'],
          ['key_d', 1, 0, 60, 5, 0.25, '2025-03-03T11:00:00.000Z', '2025-03-03T11:00:00.000Z'],
          ['key_c', 2, 1, 400, 40, 0.125, '2025-03-02T08:00:00.000Z', '2025-03-03T10:00:00.000Z'],
          ['key_e', 1, 1, 70, 0, 0.0625, '2025-03-04T06:00:00.000Z', '2025-03-04T06:00:00.000Z'],
        ]),
      );
      const top = await spend.aggregate({ groupBy: 'key', limit: 2 });
      assert.deepEqual(top.map((row) => row.group), ['key_a', 'key_b']);
    });

    test('by user and by team: rows without an owner form the null group', async () => {
      assert.deepEqual(
        await spend.aggregate({ groupBy: 'user' }),
        expected([
          ['user_ada', 4, 1, 870, 80, 7.8125, '2025-03-01T00:00:00.000Z', '2025-03-04T06:00:00.000Z'],
          [null, 2, 0, 70, 6, 1, '2025-03-02T09:00:00.000Z', '2025-03-03T11:00:00.000Z'],
          ['user_bob', 2, 1, 350, 30, 0.75, '2025-03-01T23:59:59.999Z', '2025-03-02T00:00:00.000Z'],
          ['user_cy', 2, 1, 400, 40, 0.125, '2025-03-02T08:00:00.000Z', '2025-03-03T10:00:00.000Z'],
        ]),
      );
      assert.deepEqual(
        await spend.aggregate({ groupBy: 'team' }),
        expected([
          ['team_research', 6, 2, 1220, 110, 8.5625, '2025-03-01T00:00:00.000Z', '2025-03-04T06:00:00.000Z'],
          [null, 2, 0, 70, 6, 1, '2025-03-02T09:00:00.000Z', '2025-03-03T11:00:00.000Z'],
          ['team_ops', 2, 1, 400, 40, 0.125, '2025-03-02T08:00:00.000Z', '2025-03-03T10:00:00.000Z'],
        ]),
      );
    });

    test('by model and by provider; a request that reached no provider is in the null group', async () => {
      assert.deepEqual(
        await spend.aggregate({ groupBy: 'model' }),
        expected([
          ['claude-sonnet', 3, 1, 700, 70, 6.25, '2025-03-01T12:00:00.000Z', '2025-03-04T05:00:00.000Z'],
          ['gpt-4o', 5, 1, 520, 46, 3.25, '2025-03-01T00:00:00.000Z', '2025-03-03T11:00:00.000Z'],
          ['gemini-flash', 2, 1, 470, 40, 0.1875, '2025-03-02T08:00:00.000Z', '2025-03-04T06:00:00.000Z'],
        ]),
      );
      assert.deepEqual(
        await spend.aggregate({ groupBy: 'provider' }),
        expected([
          ['anthropic', 2, 0, 700, 70, 6.25, '2025-03-01T12:00:00.000Z', '2025-03-04T05:00:00.000Z'],
          ['openai', 5, 1, 520, 46, 3.25, '2025-03-01T00:00:00.000Z', '2025-03-03T11:00:00.000Z'],
          ['google', 2, 1, 470, 40, 0.1875, '2025-03-02T08:00:00.000Z', '2025-03-04T06:00:00.000Z'],
          [null, 1, 1, 0, 0, 0, '2025-03-03T10:00:00.000Z', '2025-03-03T10:00:00.000Z'],
        ]),
      );
    });

    test('by day: UTC days in order; the last millisecond of a day stays in that day', async () => {
      assert.deepEqual(
        await spend.aggregate({ groupBy: 'day' }),
        expected([
          ['2025-03-01', 3, 1, 350, 30, 3.75, '2025-03-01T00:00:00.000Z', '2025-03-01T23:59:59.999Z'],
          ['2025-03-02', 3, 0, 710, 71, 1.625, '2025-03-02T00:00:00.000Z', '2025-03-02T09:00:00.000Z'],
          ['2025-03-03', 2, 1, 60, 5, 0.25, '2025-03-03T10:00:00.000Z', '2025-03-03T11:00:00.000Z'],
          ['2025-03-04', 2, 1, 570, 50, 4.0625, '2025-03-04T05:00:00.000Z', '2025-03-04T06:00:00.000Z'],
        ]),
      );
      const days = await spend.aggregate({ groupBy: 'day', provider: 'openai', since: at('2025-03-01T12:00:00.000Z') });
      assert.deepEqual(
        days.map((row) => [row.group, row.requests, row.errors, row.costUsd]),
        [
          ['2025-03-01', 1, 1, 0],
          ['2025-03-02', 2, 0, 1.5],
          ['2025-03-03', 1, 0, 0.25],
        ],
      );
      assert.deepEqual((await spend.aggregate({ groupBy: 'day', limit: 1 })).map((row) => row.group), ['2025-03-01']);
    });

    test('filters combine: user, key, time range (since inclusive, until exclusive)', async () => {
      const byModel = await spend.aggregate({ groupBy: 'model', userId: 'user_ada' });
      assert.deepEqual(
        byModel.map((row) => [row.group, row.requests, row.errors, row.costUsd]),
        [
          ['claude-sonnet', 2, 0, 6.25],
          ['gpt-4o', 1, 0, 1.5],
          ['gemini-flash', 1, 1, 0.0625],
        ],
      );
      const keyC = await spend.aggregate({ groupBy: 'provider', keyId: 'key_c' });
      assert.deepEqual(
        keyC.map((row) => [row.group, row.costUsd]),
        [
          ['google', 0.125],
          [null, 0],
        ],
      );
      assert.deepEqual(await spend.totals({ teamId: 'team_research', since: at('2025-03-02T00:00:00.000Z'), until: at('2025-03-04T05:00:00.000Z') }), {
        requests: 1,
        errors: 0,
        promptTokens: 300,
        completionTokens: 30,
        costUsd: 0.75,
      });
      assert.deepEqual(await spend.totals({ model: 'gpt-4o', provider: 'openai', until: at('2025-03-03T11:00:00.000Z') }), {
        requests: 4,
        errors: 1,
        promptTokens: 460,
        completionTokens: 41,
        costUsd: 3,
      });
    });

    test('totals of everything, and of nothing', async () => {
      assert.deepEqual(await spend.totals(), { requests: 10, errors: 3, promptTokens: 1690, completionTokens: 156, costUsd: 9.6875 });
      const none = { requests: 0, errors: 0, promptTokens: 0, completionTokens: 0, costUsd: 0 };
      assert.deepEqual(await spend.totals({ userId: 'user_nobody' }), none);
      assert.deepEqual(await spend.aggregate({ groupBy: 'team', since: at('2026-01-01T00:00:00.000Z') }), []);
    });

    test('spendSince: global and per key, user and team, from an inclusive start', async () => {
      const sinceMs = (iso: string) => at(iso).getTime();
      assert.equal(await spend.spendSince({ scope: 'global', sinceMs: sinceMs('2025-03-02T00:00:00.000Z') }), 5.9375);
      assert.equal(await spend.spendSince({ scope: 'global', sinceMs: 0 }), 9.6875);
      assert.equal(await spend.spendSince({ scope: 'key', scopeId: 'key_a', sinceMs: sinceMs('2025-03-01T12:00:00.000Z') }), 6.25);
      assert.equal(await spend.spendSince({ scope: 'user', scopeId: 'user_ada', sinceMs: 0 }), 7.8125);
      assert.equal(await spend.spendSince({ scope: 'team', scopeId: 'team_research', sinceMs: sinceMs('2025-03-01T23:59:59.999Z') }), 4.8125);
      assert.equal(await spend.spendSince({ scope: 'team', scopeId: 'team_ops', sinceMs: sinceMs('2025-03-03T10:00:00.001Z') }), 0);
      assert.equal(await spend.spendSince({ scope: 'user', scopeId: 'user_nobody', sinceMs: 0 }), 0);
      await assert.rejects(spend.spendSince({ scope: 'key', sinceMs: 0 }), RangeError);
    });

  });
}
