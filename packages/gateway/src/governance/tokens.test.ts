/** Access tokens (JWT HS256) with an injected clock, tampering, secrets, and refresh token shape. */

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SignJWT } from 'jose';
import { deriveJwtSecret, generateRefreshToken, hashRefreshToken, looksLikeJwt, signAccessToken, verifyAccessToken } from './tokens.js';

const MASTER_KEY_HASH = 'a'.repeat(64);
const secret = deriveJwtSecret({ masterKeyHash: MASTER_KEY_HASH });
const T0 = Date.UTC(2025, 0, 1, 12, 0, 0);
const claims = { userId: 'usr_1', role: 'developer', teamId: 'team_1', sessionId: 'ses_1' } as const;

test('a token carries sub, role, team, sid, iss, iat and exp, and verifies until it expires', async () => {
  const { token, expiresAt } = await signAccessToken({ secret, ...claims, nowMs: T0 });
  assert.equal(expiresAt.getTime(), T0 + 15 * 60_000, '15 minutes by default');
  assert.ok(looksLikeJwt(token));
  const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
  assert.deepEqual(payload, { role: 'developer', team: 'team_1', sid: 'ses_1', sub: 'usr_1', iss: 'switchyard', iat: T0 / 1000, exp: T0 / 1000 + 900 });

  const valid = await verifyAccessToken(token, { secret, nowMs: T0 + 14 * 60_000 });
  assert.deepEqual(valid, { ok: true, claims: { ...claims, issuedAt: T0 / 1000, expiresAt: T0 / 1000 + 900 } });
  assert.deepEqual(await verifyAccessToken(token, { secret, nowMs: T0 + 15 * 60_000 }), { ok: false, reason: 'expired' });
  assert.deepEqual(await verifyAccessToken(token, { secret, nowMs: T0 + 86_400_000 }), { ok: false, reason: 'expired' });
});

test('a tampered token, another secret, another issuer or algorithm "none" are invalid', async () => {
  const { token } = await signAccessToken({ secret, ...claims, teamId: null, nowMs: T0 });
  const [header, payload, signature] = token.split('.');
  const asAdmin = Buffer.from(
    JSON.stringify({ ...(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as object), role: 'admin' }),
  ).toString('base64url');
  const nowMs = T0 + 1000;
  assert.deepEqual(await verifyAccessToken(`${header}.${asAdmin}.${signature}`, { secret, nowMs }), { ok: false, reason: 'invalid' });
  const flipped = signature.slice(0, 5) + (signature[5] === 'A' ? 'B' : 'A') + signature.slice(6);
  assert.deepEqual(await verifyAccessToken(`${header}.${payload}.${flipped}`, { secret, nowMs }), { ok: false, reason: 'invalid' });
  const other = deriveJwtSecret({ masterKeyHash: 'b'.repeat(64) });
  assert.deepEqual(await verifyAccessToken(token, { secret: other, nowMs }), { ok: false, reason: 'invalid' });
  const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`;
  assert.deepEqual(await verifyAccessToken(none, { secret, nowMs }), { ok: false, reason: 'invalid' });
  const foreign = await new SignJWT({ role: 'admin', sid: 'ses_1' }).setProtectedHeader({ alg: 'HS256' }).setSubject('usr_1').setIssuer('someone-else').setIssuedAt(T0 / 1000).setExpirationTime(T0 / 1000 + 60).sign(secret);
  assert.deepEqual(await verifyAccessToken(foreign, { secret, nowMs }), { ok: false, reason: 'invalid' });
  const unknownRole = await new SignJWT({ role: 'root', sid: 'ses_1', team: null }).setProtectedHeader({ alg: 'HS256' }).setSubject('usr_1').setIssuer('switchyard').setIssuedAt(T0 / 1000).setExpirationTime(T0 / 1000 + 60).sign(secret);
  assert.deepEqual(await verifyAccessToken(unknownRole, { secret, nowMs }), { ok: false, reason: 'invalid' });
  assert.deepEqual(await verifyAccessToken('not a token', { secret, nowMs }), { ok: false, reason: 'invalid' });
  const withoutTeam = await verifyAccessToken(token, { secret, nowMs });
  assert.equal(withoutTeam.ok && withoutTeam.claims.teamId, null);
});

test('the secret comes from JWT_SECRET (at least 32 characters) or else from the master key hash', () => {
  const fromEnv = deriveJwtSecret({ jwtSecret: 'x'.repeat(32), masterKeyHash: MASTER_KEY_HASH });
  assert.equal(fromEnv.length, 32);
  assert.notDeepEqual(fromEnv, secret);
  assert.deepEqual(deriveJwtSecret({ masterKeyHash: MASTER_KEY_HASH }), secret, 'deterministic: replicas agree');
  assert.deepEqual(deriveJwtSecret({ jwtSecret: '', masterKeyHash: MASTER_KEY_HASH }), secret, 'empty JWT_SECRET is unset');
  assert.throws(() => deriveJwtSecret({ jwtSecret: 'too-short', masterKeyHash: MASTER_KEY_HASH }), /at least 32 characters/);
  assert.throws(() => deriveJwtSecret({ masterKeyHash: 'not-a-hash' }), /master key hash/);
});

test('refresh tokens are syr_ + 43 base62 characters, and stored as their SHA-256', () => {
  const token = generateRefreshToken();
  assert.match(token, /^syr_[0-9A-Za-z]{43}$/);
  assert.notEqual(generateRefreshToken(), token);
  assert.match(hashRefreshToken(token), /^[0-9a-f]{64}$/);
  assert.equal(looksLikeJwt(token), false);
});
