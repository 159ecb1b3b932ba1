/** Tests for key secret generation and hashing. */

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { generateKeySecret, hashKey, keyPrefix, randomBase62 } from './key-secret.js';

test('a secret is sy- followed by 40 base62 characters, and secrets differ', () => {
  const secrets = new Set(Array.from({ length: 200 }, () => generateKeySecret()));
  assert.equal(secrets.size, 200);
  for (const secret of secrets) assert.match(secret, /^sy-[0-9A-Za-z]{40}$/);
});

test('randomBase62 returns exactly the requested length', () => {
  for (const length of [0, 1, 9, 40, 300]) assert.equal(randomBase62(length).length, length);
});

test('hashKey is the SHA-256 hex digest and keyPrefix the first 12 characters', () => {
  const secret = 'sy-abcdefghijKLMNOPQRSTuvwxyz0123456789ABCD';
  assert.equal(hashKey(secret), createHash('sha256').update(secret).digest('hex'));
  assert.equal(keyPrefix(secret), 'sy-abcdefghi');
});
