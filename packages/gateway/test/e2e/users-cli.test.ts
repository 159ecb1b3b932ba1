/**
 * `switchyard users` and `switchyard teams` as an operator runs them, against a real SQLite file:
 * --help everywhere, teams first, users with a generated password (printed once) or one read from
 * standard input, the policy and role checks, and a database that holds only argon2id hashes.
 */

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { verifyPassword } from '../../src/governance/passwords.js';
import { AuditRepository, openDatabase, UsersRepository } from '../../src/store/index.js';

const cli = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'switchyard-users-cli-'));
const databaseUrl = `sqlite:${join(dir, 'users.db')}`;

after(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], {
    env: { PATH: process.env.PATH, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
    input: input ?? '',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function withUsers<T>(action: (users: UsersRepository, audit: AuditRepository) => Promise<T>): Promise<T> {
  const database = await openDatabase(databaseUrl);
  try {
    return await action(new UsersRepository(database.db), new AuditRepository(database.db));
  } finally {
    await database.close();
  }
}

test('users and teams commands have --help', () => {
  for (const command of [['users'], ['users', 'create'], ['users', 'list'], ['teams'], ['teams', 'create'], ['teams', 'list']]) {
    const result = run([...command, '--help']);
    assert.equal(result.status, 0, `switchyard ${command.join(' ')} --help`);
    assert.match(result.stdout, /Usage: switchyard/);
  }
  assert.match(run(['users', 'create', '--help']).stdout, /--password-stdin/);
});

test('teams create and list; a duplicate name is refused', () => {
  const created = run(['teams', 'create', 'research', '--json']);
  assert.equal(created.status, 0, created.stderr);
  assert.match((JSON.parse(created.stdout) as { id: string }).id, /^team_/);
  const duplicate = run(['teams', 'create', 'research']);
  assert.equal(duplicate.status, 1);
  assert.match(duplicate.stderr, /already exists/);
  assert.equal(run(['teams', 'create', 'ops']).status, 0);
  const listed = run(['teams', 'list']);
  assert.equal(listed.status, 0, listed.stderr);
  assert.match(listed.stdout, /team_\S+ {2}ops {2}0 members\nteam_\S+ {2}research {2}0 members/);
});

test('users create without a password generates one, prints it once, and stores only its hash', async () => {
  const created = run(['users', 'create', '--email', 'Alice@Example.com', '--role', 'admin', '--name', 'Alice', '--team', 'research']);
  assert.equal(created.status, 0, created.stderr);
  assert.match(created.stdout, /Created user usr_\S+ \(alice@example\.com, admin\)/);
  const password = /only time it is shown; store it now:\n {2}(\S+)\n/.exec(created.stdout)?.[1] ?? '';
  assert.equal(password.length, 24);

  await withUsers(async (users, audit) => {
    const login = await users.findLoginByEmail('alice@example.com');
    assert.ok(login !== null);
    assert.match(login.passwordHash, /^\$argon2id\$/);
    assert.equal(await verifyPassword(login.passwordHash, password), true);
    assert.equal(login.user.name, 'Alice');
    assert.ok(login.user.teamId?.startsWith('team_'));
    const entries = (await audit.query({ actionPrefix: 'users.' })).entries;
    assert.deepEqual(entries.map((entry) => [entry.action, entry.actorLabel, entry.targetId]), [['users.create', 'cli', login.user.id]]);
  });

  const listed = run(['users', 'list']);
  assert.equal(listed.status, 0, listed.stderr);
  assert.match(listed.stdout, /alice@example\.com {2}admin {2}team research {2}"Alice"/);
  assert.ok(!listed.stdout.includes(password));
  assert.match(run(['teams', 'list']).stdout, /research {2}1 member\n/);
});

test('users create --password-stdin reads the password, checks the policy, and prints no password', async () => {
  const created = run(['users', 'create', '--email', 'bob@example.com', '--role', 'viewer', '--password-stdin', '--json'], 'a long enough passphrase\n');
  assert.equal(created.status, 0, created.stderr);
  const user = JSON.parse(created.stdout) as Record<string, unknown>;
  assert.deepEqual([user.email, user.role, user.teamId, 'password' in user], ['bob@example.com', 'viewer', null, false]);
  await withUsers(async (users) => {
    const login = await users.findLoginByEmail('bob@example.com');
    assert.equal(await verifyPassword(login?.passwordHash ?? '', 'a long enough passphrase'), true, 'the trailing newline is not part of it');
  });

  const short = run(['users', 'create', '--email', 'carol@example.com', '--role', 'viewer', '--password-stdin'], 'short\n');
  assert.equal(short.status, 1);
  assert.match(short.stderr, /at least 12 characters/);
  assert.doesNotMatch(short.stderr, /\n\s+at /, 'no stack trace');
});

test('users create refuses an unknown role, an unknown team and a taken email', () => {
  const role = run(['users', 'create', '--email', 'dave@example.com', '--role', 'root']);
  assert.equal(role.status, 1);
  assert.match(role.stderr, /--role must be one of admin, supervisor, developer, operations, viewer/);
  const team = run(['users', 'create', '--email', 'dave@example.com', '--role', 'viewer', '--team', 'nope']);
  assert.equal(team.status, 1);
  assert.match(team.stderr, /No team "nope"/);
  const taken = run(['users', 'create', '--email', 'ALICE@example.com', '--role', 'viewer']);
  assert.equal(taken.status, 1);
  assert.match(taken.stderr, /already exists/);
  const filtered = run(['users', 'list', '--team', 'ops', '--json']);
  assert.deepEqual(JSON.parse(filtered.stdout), []);
});
