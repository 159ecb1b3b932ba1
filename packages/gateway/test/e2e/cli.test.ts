/**
 * The `switchyard` command as a user runs it: --help on every command, `config check` reporting
 * problems by their path in the file, and `keys create | list | revoke` against a real database.
 */

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { hashKey } from '../../src/pipeline/key-hash.js';
import { KeysRepository, openDatabase } from '../../src/store/index.js';

const cli = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'switchyard-cli-'));
const databaseUrl = `sqlite:${join(dir, 'cli.db')}`;

after(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], {
    env: { PATH: process.env.PATH, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('every command has --help', () => {
  for (const command of [[], ['start'], ['config'], ['config', 'check'], ['keys'], ['keys', 'create'], ['keys', 'list'], ['keys', 'revoke'], ['migrate']]) {
    const result = run([...command, '--help']);
    assert.equal(result.status, 0, `switchyard ${command.join(' ')} --help`);
    assert.match(result.stdout, /Usage: switchyard/);
  }
});

test('config check reports each problem with its path in the file, not a stack trace', () => {
  const file = join(dir, 'bad.yaml');
  writeFileSync(
    file,
    `providers:
  openai: { type: openai, apiKey: sk-x }
models:
  - name: a
    deployments: [{ provider: openai, model: gpt-4o }]
  - name: b
    deployments: [{ provider: openai, model: gpt-4o, weight: heavy }]
  - name: c
    deployments: [{ provider: opnai, model: gpt-4o }]
`,
  );
  const result = run(['config', 'check', file]);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /models\[2\]\.deployments\[0\]\.provider: unknown provider "opnai"/);
  assert.match(result.stderr, /models\[1\]\.deployments\[0\]\.weight/);
  assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');

  const good = join(dir, 'good.yaml');
  writeFileSync(good, 'providers:\n  openai: { type: openai, apiKey: sk-x }\nmodels:\n  - name: a\n    deployments: [{ provider: openai, model: gpt-4o }]\n');
  const ok = run(['config', 'check', good]);
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /OK/);
});

test('keys create prints the key once; the database holds only its hash; list and revoke work', async () => {
  const created = run(['keys', 'create', '--name', 'ci-key', '--models', 'gpt-4o,claude', '--json']);
  assert.equal(created.status, 0, created.stderr);
  const key = JSON.parse(created.stdout) as { id: string; key: string; prefix: string; models: string[] };
  assert.match(key.key, /^sy-[A-Za-z0-9]{40}$/);
  assert.ok(key.key.startsWith(key.prefix));
  assert.deepEqual(key.models, ['gpt-4o', 'claude']);

  const database = await openDatabase(databaseUrl);
  try {
    const stored = await new KeysRepository(database.db).findByHash(hashKey(key.key));
    assert.equal(stored?.id, key.id);
  } finally {
    await database.close();
  }

  const listed = run(['keys', 'list']);
  assert.equal(listed.status, 0);
  assert.match(listed.stdout, /ci-key/);
  assert.ok(!listed.stdout.includes(key.key), 'list never shows the secret');

  const revoked = run(['keys', 'revoke', key.prefix]);
  assert.equal(revoked.status, 0, revoked.stderr);
  assert.match(revoked.stdout, /revoked/);
  assert.match(run(['keys', 'list']).stdout, /revoked/);

  const unknown = run(['keys', 'revoke', 'key_nope']);
  assert.equal(unknown.status, 1);
  assert.match(unknown.stderr, /No key matches/);
});

test('migrate reports what it applied, then that the database is up to date', () => {
  const fresh = `sqlite:${join(dir, 'migrate.db')}`;
  const first = spawnSync(process.execPath, ['--import', 'tsx', cli, 'migrate'], { env: { PATH: process.env.PATH, DATABASE_URL: fresh }, encoding: 'utf8' });
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.stdout, /Applied: /);
  const second = spawnSync(process.execPath, ['--import', 'tsx', cli, 'migrate'], { env: { PATH: process.env.PATH, DATABASE_URL: fresh }, encoding: 'utf8' });
  assert.match(second.stdout, /up to date/);
});
