/**
 * Login, refresh rotation with reuse detection, logout and authentication against a real SQLite
 * database, with an injected clock for expiry.
 */

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { migrateToLatest, openDatabase, SessionsRepository, UsersRepository, type Database } from '../store/index.js';
import { hashPassword } from './passwords.js';
import { SessionError, SessionService, type SessionFailureReason } from './session-service.js';
import { deriveJwtSecret, hashRefreshToken, signAccessToken } from './tokens.js';

const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchyard-sessions-'));
const PASSWORD = 'a long enough password';
let database: Database;
let users: UsersRepository;
let sessions: SessionsRepository;
let passwordHash: string;
let counter = 0;

before(async () => {
  database = await openDatabase(`sqlite:${path.join(tempDir, 'sessions.db')}`);
  await migrateToLatest(database);
  users = new UsersRepository(database.db);
  sessions = new SessionsRepository(database.db);
  passwordHash = await hashPassword(PASSWORD);
});
after(async () => {
  await database.close();
  fs.rmSync(tempDir, { recursive: true, force: true });
});

const secret = deriveJwtSecret({ masterKeyHash: 'c'.repeat(64) });

/** A service over the shared database with its own clock, and a fresh user. */
async function setup(options: { role?: 'admin' | 'viewer'; cacheTtlMs?: number } = {}) {
  const clock = { now: Date.UTC(2025, 5, 1) };
  const service = new SessionService({ users, sessions, secret, now: () => clock.now, sessionCacheTtlMs: options.cacheTtlMs ?? 0 });
  const user = await users.create({ email: `User${++counter}@Example.com`, passwordHash, role: options.role ?? 'viewer', name: 'Someone' });
  return { clock, service, user };
}

async function refusal(promise: Promise<unknown>): Promise<SessionFailureReason> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof SessionError, String(error));
    return error.reason;
  }
  assert.fail('expected a SessionError');
}

test('login returns tokens and the user; email is case-insensitive; authenticate names the user and session', async () => {
  const { clock, service, user } = await setup({ role: 'admin' });
  const issued = await service.login(user.email.toUpperCase(), PASSWORD, { ip: '127.0.0.1', userAgent: 'test' });
  assert.equal(issued.user.id, user.id);
  assert.equal(issued.expiresAt.getTime(), clock.now + 15 * 60_000);
  assert.equal(issued.refreshExpiresAt.getTime(), clock.now + 7 * 86_400_000);
  assert.match(issued.refreshToken, /^syr_/);
  assert.deepEqual(await service.authenticate(issued.accessToken), { userId: user.id, role: 'admin', teamId: null, sessionId: issued.sessionId });
  assert.equal((await users.findById(user.id))?.lastLoginAt?.getTime(), clock.now);
  const stored = await sessions.findById(issued.sessionId);
  assert.deepEqual([stored?.ip, stored?.userAgent], ['127.0.0.1', 'test']);
  const rows = JSON.stringify(await database.db.selectFrom('sessions').selectAll().execute());
  assert.ok(!rows.includes(issued.refreshToken), 'only the hash of the refresh token is stored');
});

test('unknown email and wrong password get the same answer; a disabled user is refused', async () => {
  const { service, user } = await setup();
  const unknown = service.login('nobody@example.com', PASSWORD);
  const wrong = service.login(user.email, `${PASSWORD}!`);
  const [unknownError, wrongError] = await Promise.allSettled([unknown, wrong]);
  assert.equal(unknownError.status, 'rejected');
  assert.equal(wrongError.status, 'rejected');
  const messages = [unknownError, wrongError].map((result) => (result.status === 'rejected' ? (result.reason as SessionError) : null));
  assert.deepEqual(messages.map((error) => [error?.reason, error?.message, error?.status]), [
    ['invalid_credentials', 'Invalid email or password.', 401],
    ['invalid_credentials', 'Invalid email or password.', 401],
  ]);
  await users.update(user.id, { disabled: true });
  const disabled = service.login(user.email, PASSWORD);
  await assert.rejects(disabled, (error: unknown) => error instanceof SessionError && error.reason === 'user_disabled' && error.status === 403);
});

test('an access token expires after its lifetime (injected clock) and a tampered one is refused', async () => {
  const { clock, service, user } = await setup();
  const issued = await service.login(user.email, PASSWORD);
  clock.now += 15 * 60_000 - 1000;
  assert.equal((await service.authenticate(issued.accessToken)).userId, user.id);
  clock.now += 1000;
  assert.equal(await refusal(service.authenticate(issued.accessToken)), 'token_expired');
  const [header, payload, signature] = issued.accessToken.split('.');
  assert.equal(await refusal(service.authenticate(`${header}.${payload}.${signature.slice(0, -2)}AA`)), 'invalid_token');
  assert.equal(await refusal(service.authenticate('garbage')), 'invalid_token');
});

test('logout revokes the session: its access token stops working at once, its refresh token too', async () => {
  const { service, user } = await setup({ cacheTtlMs: 60_000 });
  const issued = await service.login(user.email, PASSWORD);
  await service.authenticate(issued.accessToken);
  assert.equal(await service.logout(issued.sessionId), true);
  assert.equal(await service.logout(issued.sessionId), false);
  assert.equal(await refusal(service.authenticate(issued.accessToken)), 'session_revoked');
  assert.equal(await refusal(service.refresh(issued.refreshToken)), 'session_revoked');
  assert.equal(await sessions.isActive(issued.sessionId), false);
});

test('refresh rotates the refresh token; the old one stops working, and reusing it revokes the session', async () => {
  const { clock, service, user } = await setup();
  const first = await service.login(user.email, PASSWORD);
  clock.now += 60_000;
  const second = await service.refresh(first.refreshToken);
  assert.equal(second.sessionId, first.sessionId);
  assert.notEqual(second.refreshToken, first.refreshToken);
  assert.equal(second.refreshExpiresAt.getTime(), clock.now + 7 * 86_400_000, 'the session slides forward');
  assert.equal((await service.authenticate(second.accessToken)).sessionId, first.sessionId);
  const third = await service.refresh(second.refreshToken);

  // A thief replays the first token: the whole session ends, including the newest tokens.
  assert.equal(await refusal(service.refresh(first.refreshToken)), 'refresh_reused');
  assert.equal(await sessions.isActive(first.sessionId), false);
  assert.equal(await refusal(service.refresh(third.refreshToken)), 'session_revoked');
  assert.equal(await refusal(service.authenticate(third.accessToken)), 'session_revoked');
  assert.equal(await refusal(service.refresh('syr_unknown')), 'invalid_token');
  assert.equal(await refusal(service.refresh('not-a-refresh-token')), 'invalid_token');
});

test('two concurrent refreshes with one token: one wins, the other counts as reuse', async () => {
  const { service, user } = await setup();
  const issued = await service.login(user.email, PASSWORD);
  const results = await Promise.allSettled([service.refresh(issued.refreshToken), service.refresh(issued.refreshToken)]);
  assert.equal(results.filter((result) => result.status === 'fulfilled').length <= 1, true);
  assert.ok(results.some((result) => result.status === 'rejected' && (result.reason as SessionError).reason === 'refresh_reused'));
  assert.equal(await sessions.isActive(issued.sessionId), false);
});

test('a refresh token expires with its session', async () => {
  const { clock, service, user } = await setup();
  const issued = await service.login(user.email, PASSWORD);
  clock.now += 7 * 86_400_000;
  assert.equal(await refusal(service.refresh(issued.refreshToken)), 'token_expired');
});

test('authenticate reports the role as stored now; disabling or deleting a user ends their tokens', async () => {
  const { service, user } = await setup();
  const issued = await service.login(user.email, PASSWORD);
  await users.update(user.id, { role: 'admin', teamId: 'team_x' });
  assert.deepEqual(await service.authenticate(issued.accessToken), { userId: user.id, role: 'admin', teamId: 'team_x', sessionId: issued.sessionId });
  await users.update(user.id, { disabled: true });
  assert.equal(await refusal(service.authenticate(issued.accessToken)), 'session_revoked');
  await users.update(user.id, { disabled: false });
  assert.equal((await service.authenticate(issued.accessToken)).role, 'admin');
  assert.equal(await service.revokeAllForUser(user.id), 1);
  assert.equal(await refusal(service.authenticate(issued.accessToken)), 'session_revoked');

  const other = await service.login(user.email, PASSWORD);
  assert.equal(await users.delete(user.id), true);
  assert.equal(await refusal(service.authenticate(other.accessToken)), 'session_revoked');
  assert.equal(await sessions.findByRefreshHash(hashRefreshToken(other.refreshToken)), null, 'sessions go with the user');
});

test('a validly signed token for a session that does not exist is refused', async () => {
  const { clock, service, user } = await setup();
  const { token } = await signAccessToken({ secret, userId: user.id, role: 'admin', teamId: null, sessionId: 'ses_forged', nowMs: clock.now });
  assert.equal(await refusal(service.authenticate(token)), 'session_revoked');
});
