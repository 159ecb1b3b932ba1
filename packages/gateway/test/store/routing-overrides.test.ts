/**
 * The routing overrides document on both dialects: the first write, compare-and-set on every
 * later one (a writer holding a stale read loses and gets null), and reading back what was written.
 */

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { RoutingOverridesRepository, migrateToLatest, openDatabase } from '../../src/store/index.js';
import type { Database } from '../../src/store/index.js';
import { startPostgres } from '../support/postgres.js';
import type { TestPostgres } from '../support/postgres.js';

const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchyard-overrides-'));
let postgres: TestPostgres | undefined;

before(async () => {
  postgres = await startPostgres();
});
after(async () => {
  await postgres?.stop();
  fs.rmSync(tempDir, { recursive: true, force: true });
});

const dialects: Array<[string, () => Promise<Database>]> = [
  ['sqlite', () => openDatabase(`sqlite:${path.join(tempDir, 'overrides.db')}`)],
  [
    'postgres',
    async () => {
      if (postgres === undefined) throw new Error('the test PostgreSQL server did not start');
      return openDatabase(await postgres.createDatabase('routing_overrides'));
    },
  ],
];

for (const [name, open] of dialects) {
  describe(`routing overrides repository: ${name}`, () => {
    test('first write, compare-and-set, read back', async () => {
      const database = await open();
      try {
        await migrateToLatest(database);
        const repository = new RoutingOverridesRepository(database.db);
        assert.equal(await repository.read(), null);
        const first = await repository.write({ document: { strategy: 'weighted' }, updatedBy: 'one', previous: null });
        assert.equal(first?.revision, 1);
        assert.equal(await repository.write({ document: { strategy: 'adaptive' }, updatedBy: 'two', previous: null }), null, 'someone wrote first');
        const read = await repository.read();
        assert.deepEqual([read?.revision, read?.updatedBy, read?.document], [1, 'one', { strategy: 'weighted' }]);
        const second = await repository.write({ document: { strategy: 'adaptive', groups: { 'gpt-4o': { enabled: false } } }, updatedBy: 'two', previous: read });
        assert.equal(second?.revision, 2);
        assert.equal(await repository.write({ document: {}, updatedBy: 'stale', previous: read }), null, 'a stale read loses');
        const last = await repository.read();
        assert.deepEqual([last?.revision, last?.updatedBy, last?.document], [2, 'two', { strategy: 'adaptive', groups: { 'gpt-4o': { enabled: false } } }]);
        assert.ok((last?.updatedAt ?? 0) > 0);
      } finally {
        await database.close();
      }
    });
  });
}
