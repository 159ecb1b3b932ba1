/** The direct SQLite write of usage batches: the same rows as through Kysely, and never inside another transaction. */

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { UsageRow } from '../pipeline/ports.js';
import { openDatabase } from './db.js';
import { migrateToLatest } from './migrate.js';
import { UsageRepository } from './usage-repository.js';
import { toUsageTableRow, USAGE_COLUMNS } from './usage-row-mapping.js';

function row(index: number, overrides: Partial<UsageRow> = {}): UsageRow {
  return {
    requestId: `req-${index}`,
    createdAt: new Date(Date.UTC(2025, 0, 1) + index),
    keyId: index % 2 === 0 ? 'key_a' : null,
    userId: index % 3 === 0 ? 'user_1' : null,
    teamId: null,
    protocol: 'openai',
    endpoint: 'chat',
    modelGroup: 'gpt-4o',
    provider: 'openai',
    deploymentId: 'openai/gpt-4o',
    upstreamModel: 'gpt-4o-2024-08-06',
    stream: index % 2 === 1,
    promptTokens: 10 + index,
    completionTokens: 20,
    cachedTokens: 0,
    tokensEstimated: false,
    costUsd: 0.000123 * index,
    latencyMs: 12.6,
    ttftMs: index % 2 === 1 ? 3.2 : null,
    status: 200,
    outcome: 'success',
    errorCode: null,
    attempts: 1,
    ...overrides,
  };
}

async function openUsage() {
  const database = await openDatabase('sqlite::memory:');
  await migrateToLatest(database);
  assert.ok(database.sqlite, 'SQLite exposes its better-sqlite3 handle');
  return { database, direct: new UsageRepository(database.db, { sqlite: database.sqlite }), viaKysely: new UsageRepository(database.db) };
}

test('the column list is every column of the mapping', () => {
  assert.deepEqual([...USAGE_COLUMNS].sort(), Object.keys(toUsageTableRow(row(1))).sort());
});

test('a batch written directly reads back as the same rows a Kysely write gives, and a retried batch is skipped', async () => {
  const first = await openUsage();
  const second = await openUsage();
  try {
    const rows = Array.from({ length: 50 }, (_, index) => row(index, index === 7 ? { promptTokens: Number.NaN, costUsd: Number.POSITIVE_INFINITY } : {}));
    await first.direct.insertMany(rows);
    await first.direct.insertMany(rows.slice(0, 5));
    await second.viaKysely.insertMany(rows);
    assert.equal(await first.direct.count(), 50);
    assert.deepEqual(await first.direct.list({ limit: 100 }), await second.viaKysely.list({ limit: 100 }));
  } finally {
    await first.database.close();
    await second.database.close();
  }
});

test('while a Kysely transaction is open on the connection, a batch waits for it instead of joining it', async () => {
  const { database, direct } = await openUsage();
  try {
    let written: Promise<void> | null = null;
    await assert.rejects(
      database.db.transaction().execute(async (transaction) => {
        await transaction.insertInto('settings').values({ key: 'k', value: 'v', updated_at: 0 }).execute();
        written = direct.insertMany([row(1), row(2)]);
        // Give the write every chance to run inside this transaction before it rolls back.
        await new Promise((resolve) => setTimeout(resolve, 20));
        throw new Error('roll back');
      }),
      /roll back/,
    );
    await written;
    assert.equal(await direct.count(), 2, 'the rows survived the other transaction’s rollback');
    assert.equal(database.sqlite?.inTransaction, false);
  } finally {
    await database.close();
  }
});
