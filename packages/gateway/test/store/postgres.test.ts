/**
 * Runs the store conformance suite against a real PostgreSQL server started for this file.
 * Missing server binaries fail the run with instructions rather than skipping it silently.
 */

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BatchingUsageRecorder, migrateToLatest, MIGRATIONS, openDatabase, UsageRepository } from '../../src/store/index.js';
import { postgresAvailable, startPostgres, type TestPostgres } from '../support/postgres.js';
import { runSpendConformance } from './spend-conformance.js';
import { runGovernanceConformance } from './governance-conformance.js';
import { runStoreConformance } from './store-conformance.js';
import { usageRow, usageRows } from './usage-fixtures.js';

let server: TestPostgres | undefined;
let counter = 0;

before(async () => {
  server = await startPostgres();
});
after(async () => {
  await server?.stop();
});

function requireServer(): TestPostgres {
  if (server === undefined) throw new Error('the test PostgreSQL server did not start (see the error of the before hook)');
  return server;
}

test('PostgreSQL server binaries are installed', () => {
  assert.ok(postgresAvailable(), 'PostgreSQL binaries missing: run `bash scripts/install-test-deps.sh` (Debian package `postgresql`)');
});

runStoreConformance({
  name: 'postgres',
  open: async () => openDatabase(await requireServer().createDatabase(`store_${++counter}`)),
});

runSpendConformance({
  name: 'postgres',
  open: async () => openDatabase(await requireServer().createDatabase(`spend_${++counter}`)),
});

runGovernanceConformance({
  name: 'postgres',
  open: async () => openDatabase(await requireServer().createDatabase(`governance_${++counter}`)),
});

// Postgres only: replicas starting together must not both run a migration. (The SQLite
// equivalent needs two processes, because better-sqlite3 waits for locks synchronously.)
test('concurrent migrateToLatest on one Postgres database applies each migration once', async () => {
  const url = await requireServer().createDatabase('concurrent_migrations');
  const databases = await Promise.all([openDatabase(url), openDatabase(url), openDatabase(url)]);
  try {
    const results = await Promise.all(databases.map((database) => migrateToLatest(database)));
    assert.deepEqual(results.flatMap((result) => result.applied), Object.keys(MIGRATIONS));
  } finally {
    await Promise.all(databases.map((database) => database.close()));
  }
});

// Postgres only, because only a server can go away and come back: DESIGN says usage rows wait in
// the spool while the database is unavailable and are written when it returns.
test('usage rows recorded while Postgres is down are written after it comes back', async () => {
  const postgres = requireServer();
  const database = await openDatabase(await postgres.createDatabase('outage'), {
    // Stopping the server breaks the pool's idle connections; the listener keeps that from crashing the process.
    logger: { error: () => undefined },
  });
  const usage = new UsageRepository(database.db);
  const recorder = new BatchingUsageRecorder({
    repository: usage,
    batchSize: 8,
    flushIntervalMs: 3_600_000,
    queueLimit: 1000,
    retryBaseMs: 5,
    retryMaxMs: 50,
    flushAttempts: 2,
  });
  try {
    await migrateToLatest(database);
    await usage.insertMany([usageRow('before', 0)]);
    await postgres.pause();
    try {
      for (const row of usageRows('outage', 20)) recorder.record(row);
      await assert.rejects(recorder.flush(), /not written after 2 attempts/);
      assert.equal(recorder.stats().queued, 20);
    } finally {
      await postgres.resume();
    }
    await recorder.flush();
    assert.equal(recorder.stats().written, 20);
    assert.equal(await usage.count(), 21);
  } finally {
    await recorder.close();
    await database.close();
  }
});
