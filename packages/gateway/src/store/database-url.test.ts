/** Tests for DATABASE_URL parsing. */

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDatabaseUrl } from './database-url.js';

test('sqlite URLs: relative to the working directory, absolute, URL-style absolute, memory', () => {
  const cwd = '/srv/app';
  assert.deepEqual(parseDatabaseUrl('sqlite:./data/switchyard.db', { cwd }), { dialect: 'sqlite', filename: '/srv/app/data/switchyard.db' });
  assert.deepEqual(parseDatabaseUrl('sqlite:data.db', { cwd }), { dialect: 'sqlite', filename: '/srv/app/data.db' });
  assert.deepEqual(parseDatabaseUrl('sqlite:/var/lib/sy.db', { cwd }), { dialect: 'sqlite', filename: '/var/lib/sy.db' });
  assert.deepEqual(parseDatabaseUrl('sqlite:///var/lib/sy.db', { cwd }), { dialect: 'sqlite', filename: '/var/lib/sy.db' });
  assert.deepEqual(parseDatabaseUrl('sqlite::memory:', { cwd }), { dialect: 'sqlite', filename: ':memory:' });
});

test('postgres and postgresql URLs are passed through', () => {
  for (const url of ['postgres://user:pw@db:5432/sy', 'postgresql://db/sy?sslmode=require']) {
    assert.deepEqual(parseDatabaseUrl(url), { dialect: 'postgres', connectionString: url });
  }
});

test('an unknown scheme names the supported ones and hides the password', () => {
  assert.throws(
    () => parseDatabaseUrl('mysql://root:secret@localhost/sy'),
    (error: unknown) =>
      error instanceof Error &&
      /sqlite:/.test(error.message) &&
      /postgres:\/\//.test(error.message) &&
      /postgresql:\/\//.test(error.message) &&
      !error.message.includes('secret'),
  );
  assert.throws(() => parseDatabaseUrl('sqlite:'), /file path/);
});
