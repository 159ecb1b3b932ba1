/** Tests for opening SQLite databases: pragmas, folder creation, in-memory databases. */

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { sql } from 'kysely';
import { openDatabase } from './db.js';
import { migrateToLatest } from './migrate.js';
import { MIGRATIONS } from './migrations/index.js';

const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchyard-db-'));
after(() => fs.rmSync(tempDir, { recursive: true, force: true }));

async function pragma(database: Awaited<ReturnType<typeof openDatabase>>, name: string): Promise<unknown> {
  const result = await sql<Record<string, unknown>>`${sql.raw(`pragma ${name}`)}`.execute(database.db);
  const row = result.rows[0] ?? {};
  return Object.values(row)[0];
}

test('a relative sqlite URL is resolved against the working directory and its folder is created', async () => {
  const previous = process.cwd();
  process.chdir(tempDir);
  try {
    const database = await openDatabase('sqlite:./nested/data/switchyard.db');
    try {
      assert.equal(database.dialect, 'sqlite');
      assert.ok(fs.existsSync(path.join(tempDir, 'nested/data/switchyard.db')));
      assert.equal(await pragma(database, 'journal_mode'), 'wal');
      assert.equal(await pragma(database, 'synchronous'), 1);
      assert.equal(await pragma(database, 'busy_timeout'), 5000);
      assert.equal(await pragma(database, 'foreign_keys'), 1);
      await database.ping();
    } finally {
      await database.close();
    }
  } finally {
    process.chdir(previous);
  }
});

test('sqlite::memory: opens, migrates and closes', async () => {
  const database = await openDatabase('sqlite::memory:');
  try {
    assert.deepEqual(await migrateToLatest(database), { applied: Object.keys(MIGRATIONS) });
    assert.deepEqual(await migrateToLatest(database), { applied: [] });
  } finally {
    await database.close();
  }
});

test('an absolute sqlite path works', async () => {
  const file = path.join(tempDir, 'absolute.db');
  const database = await openDatabase(`sqlite:${file}`);
  await database.close();
  assert.ok(fs.existsSync(file));
});

test('an unsupported URL is rejected with the supported schemes', async () => {
  await assert.rejects(openDatabase('redis://localhost'), /Unsupported database URL.*sqlite:.*postgres:\/\//);
});
