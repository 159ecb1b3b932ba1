import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GatewayError } from '../core/index.js';
import { createAuthenticator, createKeyResolver, extractKey } from './authenticate.js';
import { hashKey, sameDigest } from './key-hash.js';
import type { KeyLookup, KeyRecord } from './ports.js';
import type { Principal } from './request-state.js';

function key(overrides: Partial<KeyRecord> = {}): KeyRecord {
  return {
    id: 'key_1', name: 'k', prefix: 'sy-abc', models: null, scopes: ['data'], tier: 'standard', teamId: null, userId: null,
    createdAt: new Date(0), expiresAt: null, revokedAt: null, ...overrides,
  };
}

function lookup(records: Record<string, KeyRecord>, options: { fail?: () => boolean } = {}): KeyLookup & { calls: number } {
  const store = {
    calls: 0,
    async findByHash(hash: string) {
      store.calls += 1;
      if (options.fail?.()) throw new Error('database down');
      return records[hash] ?? null;
    },
  };
  return store;
}

async function code(promise: unknown): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return error instanceof GatewayError ? `${error.code}:${error.status}` : String(error);
  }
}

test('keys are read from Authorization: Bearer or x-api-key', () => {
  assert.equal(extractKey({ authorization: 'Bearer  sy-1 ' }), 'sy-1');
  assert.equal(extractKey({ authorization: 'bearer sy-2' }), 'sy-2');
  assert.equal(extractKey({ 'x-api-key': 'sy-3' }), 'sy-3');
  assert.equal(extractKey({ authorization: 'Basic abc' }), null);
  assert.equal(extractKey({}), null);
});

test('master key, virtual key, missing, unknown, revoked, expired, management-only', async () => {
  const now = Date.now();
  const records = {
    [hashKey('sy-good')]: key(),
    [hashKey('sy-revoked')]: key({ revokedAt: new Date(now - 1) }),
    [hashKey('sy-expired')]: key({ expiresAt: new Date(now - 1) }),
    [hashKey('sy-admin')]: key({ scopes: ['management'] }),
  };
  const authenticate = createAuthenticator({ masterKeyHash: hashKey('sy-master'), keys: lookup(records), cacheTtlMs: 0 });
  assert.deepEqual(await authenticate({ authorization: 'Bearer sy-master' }), { kind: 'master' });
  assert.equal((await authenticate({ 'x-api-key': 'sy-good' })).kind, 'key');
  assert.equal(await code(authenticate({})), 'SY_ERR_UNAUTHENTICATED:401');
  assert.equal(await code(authenticate({ 'x-api-key': 'sy-nope' })), 'SY_ERR_UNAUTHENTICATED:401');
  assert.equal(await code(authenticate({ 'x-api-key': 'sy-revoked' })), 'SY_ERR_KEY_REVOKED:401');
  assert.equal(await code(authenticate({ 'x-api-key': 'sy-expired' })), 'SY_ERR_KEY_EXPIRED:401');
  assert.equal(await code(authenticate({ 'x-api-key': 'sy-admin' })), 'SY_ERR_FORBIDDEN:403');
});

test('verified keys are cached and keep working while the store is down; unknown keys get 503 then', async () => {
  let down = false;
  let clock = 1_000;
  const store = lookup({ [hashKey('sy-good')]: key() }, { fail: () => down });
  const authenticate = createAuthenticator({ masterKeyHash: hashKey('sy-master'), keys: store, cacheTtlMs: 100, now: () => clock });
  await authenticate({ 'x-api-key': 'sy-good' });
  await authenticate({ 'x-api-key': 'sy-good' });
  assert.equal(store.calls, 1, 'second call served from the cache');
  down = true;
  clock += 500;
  assert.equal((await authenticate({ 'x-api-key': 'sy-good' })).kind, 'key', 'expired cache entry still used while the store is down');
  assert.equal(await code(authenticate({ 'x-api-key': 'sy-other' })), 'SY_ERR_INTERNAL:503');
});

test('the master key and a cached key are answered at once, without a promise; refusals are always rejected promises', async () => {
  let clock = 1_000;
  const store = lookup({ [hashKey('sy-good')]: key(), [hashKey('sy-late')]: key({ expiresAt: new Date(1_050) }) });
  const authenticate = createAuthenticator({ masterKeyHash: hashKey('sy-master'), keys: store, cacheTtlMs: 1_000, now: () => clock });
  assert.deepEqual(authenticate({ authorization: 'Bearer sy-master' }), { kind: 'master' });
  const first = authenticate({ 'x-api-key': 'sy-good' });
  assert.ok(first instanceof Promise, 'the first sight of a key asks the store');
  await first;
  const cached = authenticate({ 'x-api-key': 'sy-good' });
  assert.ok(!(cached instanceof Promise));
  assert.equal(cached.kind, 'key');
  // A cached key that has expired since, and a missing key: rejected promises, not throws.
  await authenticate({ 'x-api-key': 'sy-late' });
  clock = 1_100;
  const expired = authenticate({ 'x-api-key': 'sy-late' });
  assert.ok(expired instanceof Promise);
  assert.equal(await code(expired), 'SY_ERR_KEY_EXPIRED:401');
  const missing = authenticate({});
  assert.ok(missing instanceof Promise);
  assert.equal(await code(missing), 'SY_ERR_UNAUTHENTICATED:401');
  assert.equal(store.calls, 2);
});

test('a verified key is cached under its own secret only; forget() drops it; the master key is never cached', async () => {
  let down = false;
  const store = lookup({ [hashKey('sy-good')]: key({ id: 'key_good' }) }, { fail: () => down });
  const resolve = createKeyResolver({ masterKeyHash: hashKey('sy-master'), keys: store, cacheTtlMs: 60_000 });
  await resolve('sy-good');
  assert.equal((resolve('sy-good') as Principal).kind, 'key', 'answered from the cache');
  assert.equal(await code(resolve('sy-good ')), 'SY_ERR_UNAUTHENTICATED:401', 'another secret is not answered from it');
  resolve.forget('key_good');
  const again = resolve('sy-good');
  assert.ok(again instanceof Promise, 'forgotten: the store is asked again');
  await again;
  down = true;
  assert.deepEqual(resolve('sy-master'), { kind: 'master' }, 'the master key needs no store');
  assert.equal(store.calls, 3);
});

test('sameDigest compares hex digests whole', () => {
  const digest = hashKey('sy-master');
  assert.equal(sameDigest(digest, hashKey('sy-master')), true);
  assert.equal(sameDigest(digest, hashKey('sy-other')), false);
  assert.equal(sameDigest(digest, `${digest.slice(0, 63)}${digest.endsWith('0') ? '1' : '0'}`), false, 'only the last character differs');
  assert.equal(sameDigest(digest, digest.slice(0, 62)), false);
  assert.equal(sameDigest('', ''), true);
});
