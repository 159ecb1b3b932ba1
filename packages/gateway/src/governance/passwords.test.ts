/** Password hashing (argon2id with OWASP parameters), the policy, and generated passwords. */

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkPasswordPolicy, generatePassword, hashPassword, PASSWORD_MIN_LENGTH, verifyPassword } from './passwords.js';

test('hashPassword makes an argon2id PHC string with m=19456, t=2, p=1 and a fresh salt each time', async () => {
  const first = await hashPassword('correct horse battery staple');
  const second = await hashPassword('correct horse battery staple');
  assert.match(first, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  assert.notEqual(first, second, 'a random salt per hash');
  assert.ok(!first.includes('correct horse'));
});

test('verifyPassword accepts the password and refuses others, and a malformed hash, without throwing', async () => {
  const stored = await hashPassword('correct horse battery staple');
  assert.equal(await verifyPassword(stored, 'correct horse battery staple'), true);
  assert.equal(await verifyPassword(stored, 'correct horse battery stapler'), false);
  assert.equal(await verifyPassword(stored, ''), false);
  assert.equal(await verifyPassword('not-a-hash', 'correct horse battery staple'), false);
});

test('the policy wants at least 12 characters and says so', () => {
  const short = checkPasswordPolicy('elevenchars');
  assert.equal(short.ok, false);
  assert.match(short.ok ? '' : short.message, /at least 12 characters/);
  assert.deepEqual(checkPasswordPolicy('twelve chars'), { ok: true });
  assert.equal(checkPasswordPolicy(' '.repeat(PASSWORD_MIN_LENGTH)).ok, false);
  assert.equal(checkPasswordPolicy('x'.repeat(5000)).ok, false);
  // Characters, not UTF-16 units: eleven emoji are eleven characters.
  assert.equal(checkPasswordPolicy('🔑'.repeat(11)).ok, false);
});

test('generated passwords pass the policy and differ', () => {
  const passwords = new Set(Array.from({ length: 50 }, generatePassword));
  assert.equal(passwords.size, 50);
  for (const password of passwords) {
    assert.equal(password.length, 24);
    assert.deepEqual(checkPasswordPolicy(password), { ok: true });
  }
});
