/**
 * The one conformance suite for the storage layer: every dialect (SQLite, Postgres) runs exactly
 * these cases through the same public API. `open` must return a fresh, empty database each call.
 */

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import type { UsageRow } from '../../src/pipeline/ports.js';
import {
  BatchingUsageRecorder,
  hashKey,
  KeysRepository,
  migrateToLatest,
  MIGRATIONS,
  SettingsRepository,
  UsageRepository,
  type Database,
  type UsageBatchSink,
  type UsageDropEvent,
} from '../../src/store/index.js';
import { FIXTURE_KEYS, FIXTURE_MODEL_GROUPS, usageRow, usageRows } from './usage-fixtures.js';

export interface StoreConformanceOptions {
  name: string;
  open: () => Promise<Database>;
}

/** A sink over the real repository that can be made to fail, and counts the rows it stored. */
class ControllableSink implements UsageBatchSink {
  failing = false;
  gate: Promise<void> | null = null;
  readonly storedIds: string[] = [];
  calls = 0;

  constructor(private readonly repository: UsageRepository) {}

  async insertMany(rows: readonly UsageRow[]): Promise<void> {
    this.calls += 1;
    if (this.gate !== null) await this.gate;
    if (this.failing) throw new Error('database unavailable');
    await this.repository.insertMany(rows);
    this.storedIds.push(...rows.map((row) => row.requestId));
  }
}

export function runStoreConformance(options: StoreConformanceOptions): void {
  /** Opens a fresh migrated database, runs the body, and always closes it. */
  async function withDatabase(body: (database: Database) => Promise<void>): Promise<void> {
    const database = await options.open();
    try {
      await migrateToLatest(database);
      await body(database);
    } finally {
      await database.close();
    }
  }

  describe(`store conformance: ${options.name}`, () => {
    test('migrations apply once and are idempotent', async () => {
      const database = await options.open();
      try {
        assert.deepEqual(await migrateToLatest(database), { applied: Object.keys(MIGRATIONS) });
        assert.deepEqual(await migrateToLatest(database), { applied: [] });
        assert.equal(await new UsageRepository(database.db, { sqlite: database.sqlite }).count(), 0);
        assert.deepEqual(await new KeysRepository(database.db).list(), []);
      } finally {
        await database.close();
      }
    });

    test('usage indexes: one per lookup, none redundant (each costs every usage insert)', () =>
      withDatabase(async (database) => {
        const query =
          database.dialect === 'sqlite'
            ? sql<{ name: string }>`select name from sqlite_master where type = 'index' and tbl_name = 'usage' and name not like 'sqlite_autoindex%'`
            : sql<{ name: string }>`select indexname as name from pg_indexes where tablename = 'usage' and indexname not like '%_pkey'`;
        const names = (await query.execute(database.db)).rows.map((row) => row.name).sort();
        assert.deepEqual(names, [
          'usage_created_at_index',
          'usage_key_id_created_at_index',
          'usage_model_group_index',
          'usage_team_id_created_at_index',
          'usage_user_id_created_at_index',
        ]);
      }));

    test('keys: create, find by hash, list, touch; the secret is never stored', () =>
      withDatabase(async (database) => {
        const keys = new KeysRepository(database.db);
        const plain = await keys.create({ name: 'plain' });
        assert.match(plain.secret, /^sy-[0-9A-Za-z]{40}$/);
        assert.match(plain.record.id, /^key_[0-9A-Za-z]+$/);
        assert.equal(plain.record.prefix, plain.secret.slice(0, 12));
        assert.deepEqual(
          { models: plain.record.models, scopes: plain.record.scopes, tier: plain.record.tier, expiresAt: plain.record.expiresAt },
          { models: null, scopes: ['data'], tier: 'standard', expiresAt: null },
        );

        const expiresAt = new Date('2030-01-02T03:04:05.678Z');
        const scoped = await keys.create({ name: 'scoped', models: ['gpt-4o'], scopes: ['data', 'management'], tier: 'premium', expiresAt });
        const found = await keys.findByHash(hashKey(scoped.secret));
        assert.deepEqual(found, scoped.record);
        assert.deepEqual(found?.models, ['gpt-4o']);
        assert.deepEqual(found?.scopes, ['data', 'management']);
        assert.equal(found?.tier, 'premium');
        assert.equal(found?.expiresAt?.getTime(), expiresAt.getTime());
        assert.equal(await keys.findByHash(hashKey(`${scoped.secret}x`)), null);

        const listed = await keys.list();
        assert.deepEqual(new Set(listed.map((key) => key.id)), new Set([plain.record.id, scoped.record.id]));

        const usedAt = new Date('2025-06-01T00:00:00.000Z');
        await keys.touch(plain.record.id, usedAt);
        assert.equal((await keys.findById(plain.record.id))?.lastUsedAt?.getTime(), usedAt.getTime());

        const stored = JSON.stringify(await database.db.selectFrom('api_keys').selectAll().execute());
        for (const { secret } of [plain, scoped]) {
          assert.ok(!stored.includes(secret), 'the raw secret must not be stored');
          assert.ok(!stored.includes(secret.slice(12)), 'the secret beyond its prefix must not be stored');
        }
      }));

    test('keys: revoke by id or shown prefix; unknown keys give null', () =>
      withDatabase(async (database) => {
        const keys = new KeysRepository(database.db);
        const first = await keys.create({ name: 'first' });
        const second = await keys.create({ name: 'second' });

        const revoked = await keys.revoke(first.record.id);
        assert.ok(revoked?.revokedAt instanceof Date);
        assert.deepEqual(await keys.findByHash(hashKey(first.secret)), revoked);
        const again = await keys.revoke(first.record.id);
        assert.equal(again?.revokedAt?.getTime(), revoked.revokedAt.getTime(), 'revoking twice keeps the first time');

        const byPrefix = await keys.revoke(`${second.record.prefix}…`);
        assert.equal(byPrefix?.id, second.record.id);
        assert.ok(byPrefix?.revokedAt instanceof Date);

        assert.equal(await keys.revoke('key_doesnotexist'), null);
        assert.equal(await keys.revoke(''), null);
      }));

    test('settings: get, set, overwrite, delete', () =>
      withDatabase(async (database) => {
        const settings = new SettingsRepository(database.db);
        assert.equal(await settings.get('master_key_hash'), null);
        await settings.set('master_key_hash', 'abc');
        await settings.set('master_key_hash', 'def');
        assert.equal(await settings.get('master_key_hash'), 'def');
        assert.equal(await settings.delete('master_key_hash'), true);
        assert.equal(await settings.get('master_key_hash'), null);
        assert.equal(await settings.delete('master_key_hash'), false);
      }));

    test('usage: insertMany of 1,000 rows, counts by filter, list and byRequestId', () =>
      withDatabase(async (database) => {
        const usage = new UsageRepository(database.db, { sqlite: database.sqlite });
        const rows = usageRows('bulk', 1000);
        await usage.insertMany(rows);
        assert.equal(await usage.count(), 1000);
        for (const keyId of FIXTURE_KEYS) {
          if (keyId === null) continue;
          assert.equal(await usage.count({ keyId }), rows.filter((row) => row.keyId === keyId).length);
        }
        for (const modelGroup of FIXTURE_MODEL_GROUPS) {
          assert.equal(await usage.count({ modelGroup }), rows.filter((row) => row.modelGroup === modelGroup).length);
        }
        assert.equal(await usage.count({ outcome: 'error' }), rows.filter((row) => row.outcome === 'error').length);
        assert.equal(
          await usage.count({ keyId: 'key_a', outcome: 'success' }),
          rows.filter((row) => row.keyId === 'key_a' && row.outcome === 'success').length,
        );

        // Every field round-trips, and a retried batch is not stored twice.
        for (const index of [0, 1, 2, 3, 999]) assert.deepEqual(await usage.byRequestId(rows[index].requestId), rows[index]);
        await usage.insertMany(rows.slice(0, 10));
        assert.equal(await usage.count(), 1000);

        const newest = await usage.list({ limit: 3 });
        assert.deepEqual(newest.map((row) => row.requestId), [rows[999].requestId, rows[998].requestId, rows[997].requestId]);
        assert.deepEqual(await usage.list({ limit: 10, requestId: rows[5].requestId }), [rows[5]]);
        assert.equal(await usage.byRequestId('missing'), null);
      }));

    test('usage: fractional and non-finite numbers are stored as safe integers', () =>
      withDatabase(async (database) => {
        const usage = new UsageRepository(database.db, { sqlite: database.sqlite });
        await usage.insertMany([usageRow('odd', 0, { latencyMs: 12.6, ttftMs: 3.2, promptTokens: Number.NaN, costUsd: Number.POSITIVE_INFINITY })]);
        const stored = await usage.byRequestId('odd-000000');
        assert.deepEqual(
          { latencyMs: stored?.latencyMs, ttftMs: stored?.ttftMs, promptTokens: stored?.promptTokens, costUsd: stored?.costUsd },
          { latencyMs: 13, ttftMs: 3, promptTokens: 0, costUsd: 0 },
        );
      }));

    test('recorder: concurrent record() calls are each written exactly once, and flush() drains', () =>
      withDatabase(async (database) => {
        const usage = new UsageRepository(database.db, { sqlite: database.sqlite });
        const sink = new ControllableSink(usage);
        const recorder = new BatchingUsageRecorder({ repository: sink, batchSize: 37, flushIntervalMs: 5, queueLimit: 100_000 });
        const rows = usageRows('concurrent', 2000);
        // 20 simulated request handlers, each recording between awaits, interleaved with the writer.
        await Promise.all(
          Array.from({ length: 20 }, async (_, worker) => {
            for (let index = worker; index < rows.length; index += 20) {
              recorder.record(rows[index]);
              if (index % 3 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
            }
          }),
        );
        await recorder.flush();
        assert.deepEqual(recorder.stats(), { queued: 0, written: 2000, dropped: 0, failures: 0, consecutiveFailures: 0, lastError: null, queueLimit: recorder.stats().queueLimit });
        assert.equal(sink.storedIds.length, 2000);
        assert.equal(new Set(sink.storedIds).size, 2000);
        assert.equal(await usage.count(), 2000);
        await recorder.close();
      }));

    test('recorder: flush() writes rows that wait for neither a full batch nor the timer', () =>
      withDatabase(async (database) => {
        const usage = new UsageRepository(database.db, { sqlite: database.sqlite });
        const recorder = new BatchingUsageRecorder({ repository: usage, batchSize: 1000, flushIntervalMs: 3_600_000, queueLimit: 10_000 });
        for (const row of usageRows('flush', 3)) recorder.record(row);
        assert.equal(recorder.stats().queued, 3);
        await recorder.flush();
        assert.equal(await usage.count(), 3);
        await recorder.flush();
        recorder.record(usageRow('close', 0));
        await recorder.close();
        assert.equal(await usage.count(), 4, 'close() flushes');
      }));

    test('recorder: a failing repository keeps the rows and writes them once it recovers', () =>
      withDatabase(async (database) => {
        const usage = new UsageRepository(database.db, { sqlite: database.sqlite });
        const sink = new ControllableSink(usage);
        sink.failing = true;
        const warnings: string[] = [];
        const recorder = new BatchingUsageRecorder({
          repository: sink,
          batchSize: 4,
          flushIntervalMs: 3_600_000,
          queueLimit: 1000,
          retryBaseMs: 1,
          retryMaxMs: 5,
          flushAttempts: 3,
          logger: { warn: (_object, message) => warnings.push(message), error: (_object, message) => warnings.push(message) },
        });
        const rows = usageRows('outage', 10);
        for (const row of rows) recorder.record(row);
        await assert.rejects(recorder.flush(), /not written after 3 attempts: database unavailable/);
        assert.equal(recorder.stats().queued, 10);
        assert.ok(recorder.stats().failures >= 3);
        assert.ok(recorder.stats().consecutiveFailures >= 3);
        assert.notEqual(recorder.stats().lastError, null, 'the failure is kept for the health report');
        assert.ok(warnings.includes('usage write failed; rows kept for retry'));
        assert.equal(await usage.count(), 0);

        sink.failing = false;
        await recorder.flush();
        assert.deepEqual({ ...recorder.stats(), failures: 0, queueLimit: 0 }, { queued: 0, written: 10, dropped: 0, failures: 0, consecutiveFailures: 0, lastError: null, queueLimit: 0 });
        assert.deepEqual([...sink.storedIds].sort(), rows.map((row) => row.requestId).sort());
        assert.equal(await usage.count(), 10);
        await recorder.close();
      }));

    test('recorder: rows beyond queueLimit are dropped, counted and reported', () =>
      withDatabase(async (database) => {
        const usage = new UsageRepository(database.db, { sqlite: database.sqlite });
        const sink = new ControllableSink(usage);
        let openGate: () => void = () => undefined;
        sink.gate = new Promise<void>((resolve) => {
          openGate = resolve;
        });
        const drops: UsageDropEvent[] = [];
        const recorder = new BatchingUsageRecorder({
          repository: sink,
          batchSize: 2,
          flushIntervalMs: 3_600_000,
          queueLimit: 5,
          onDrop: (event) => drops.push(event),
        });
        const rows = usageRows('full', 8);
        for (const row of rows) recorder.record(row);
        assert.deepEqual(recorder.stats(), { queued: 5, written: 0, dropped: 3, failures: 0, consecutiveFailures: 0, lastError: null, queueLimit: 5 });
        assert.deepEqual(
          drops.map((event) => [event.row.requestId, event.reason, event.dropped]),
          rows.slice(5).map((row, index) => [row.requestId, 'queue_full', index + 1]),
        );

        openGate();
        sink.gate = null;
        await recorder.close();
        assert.deepEqual(recorder.stats(), { queued: 0, written: 5, dropped: 3, failures: 0, consecutiveFailures: 0, lastError: null, queueLimit: 5 });
        assert.equal(await usage.count(), 5);

        recorder.record(usageRow('late', 0));
        assert.equal(drops.at(-1)?.reason, 'closed');
        assert.equal(recorder.stats().dropped, 4);
      }));
  });
}
