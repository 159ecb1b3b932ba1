/** AES-256-GCM secret box: round trip, fresh IVs, tampering and wrong keys fail, and key resolution. */

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SecretBox, SecretBoxError, secretHint } from './secret-box.js';
import { ENCRYPTION_KEY_CHECK_SETTING, GENERATED_ENCRYPTION_KEY_SETTING, resolveSecretBox } from './secret-box-key.js';

const SECRET = 'sk-proj-abcdefghijklmnopqrstuvwxyz0123456789';

test('round trip, with a fresh IV each time and nothing of the secret in the ciphertext', () => {
  const box = SecretBox.fromMaterial('a master key of some length, thirty-two+');
  const first = box.encrypt(SECRET, 'openai');
  const second = box.encrypt(SECRET, 'openai');
  assert.match(first, /^v1\.[A-Za-z0-9+/]+=*$/);
  assert.notEqual(first, second);
  assert.notEqual(first.slice(3, 19), second.slice(3, 19), 'the IVs differ');
  assert.ok(!first.includes(SECRET.slice(-8)));
  assert.equal(box.decrypt(first, 'openai'), SECRET);
  assert.equal(box.decrypt(box.encrypt('', ''), ''), '');
  assert.equal(box.decrypt(box.encrypt('ünïcødé 🔑')), 'ünïcødé 🔑');
});

test('a changed byte anywhere (IV, tag or body) fails to decrypt', () => {
  const box = SecretBox.fromMaterial('material');
  const sealed = box.encrypt(SECRET);
  const packed = Buffer.from(sealed.slice(3), 'base64');
  for (const index of [0, 11, 12, 27, 28, packed.length - 1]) {
    const tampered = Buffer.from(packed);
    tampered[index] ^= 0x01;
    assert.throws(() => box.decrypt(`v1.${tampered.toString('base64')}`), SecretBoxError, `byte ${index}`);
  }
  assert.throws(() => box.decrypt(`v1.${packed.subarray(0, 20).toString('base64')}`), SecretBoxError);
  assert.throws(() => box.decrypt(`v1.${packed.subarray(0, packed.length - 1).toString('base64')}`), SecretBoxError);
  assert.throws(() => box.decrypt(sealed.slice(3)), SecretBoxError, 'no version prefix');
});

test('another key or another context fails, and the error does not carry the secret', () => {
  const sealed = SecretBox.fromMaterial('key one').encrypt(SECRET, 'openai');
  assert.throws(() => SecretBox.fromMaterial('key two').decrypt(sealed, 'openai'), (error: unknown) => {
    assert.ok(error instanceof SecretBoxError);
    assert.ok(!String(error.message).includes(SECRET));
    return true;
  });
  assert.throws(() => SecretBox.fromMaterial('key one').decrypt(sealed, 'anthropic'), SecretBoxError);
  assert.throws(() => new SecretBox(new Uint8Array(16)), /32 bytes/);
});

test('hints show the last 4 characters of a long secret only', () => {
  assert.equal(secretHint(SECRET), '6789');
  assert.equal(secretHint('short-key'), '');
});

/** Settings in memory with the repository's semantics. */
function memorySettings(): { values: Map<string, string>; get(key: string): Promise<string | null>; setIfAbsent(key: string, value: string): Promise<string> } {
  const values = new Map<string, string>();
  return {
    values,
    get: async (key) => values.get(key) ?? null,
    setIfAbsent: async (key, value) => {
      if (!values.has(key)) values.set(key, value);
      return values.get(key) as string;
    },
  };
}

test('key resolution: encryption key, else master key, else a generated key kept in settings', async () => {
  const settings = memorySettings();
  const fromEnv = await resolveSecretBox({ encryptionKey: 'e'.repeat(40), masterKey: 'sy-master-x', settings });
  assert.deepEqual([fromEnv.source, fromEnv.check], ['encryption-key', 'created']);
  const sealed = fromEnv.box.encrypt(SECRET);
  const again = await resolveSecretBox({ encryptionKey: 'e'.repeat(40), settings });
  assert.deepEqual([again.source, again.check], ['encryption-key', 'matched']);
  assert.equal(again.box.decrypt(sealed), SECRET);

  const fromMaster = await resolveSecretBox({ masterKey: 'sy-master-x', settings });
  assert.deepEqual([fromMaster.source, fromMaster.check], ['master-key', 'mismatched'], 'a changed key is reported');
  assert.equal(settings.values.has(GENERATED_ENCRYPTION_KEY_SETTING), false);

  const fresh = memorySettings();
  const generated = await resolveSecretBox({ settings: fresh });
  assert.deepEqual([generated.source, generated.check], ['generated', 'created']);
  const stored = fresh.values.get(GENERATED_ENCRYPTION_KEY_SETTING);
  assert.equal(Buffer.from(stored ?? '', 'base64').length, 32);
  // A master key configured later does not orphan what the generated key encrypted.
  const later = await resolveSecretBox({ masterKey: 'sy-master-y', settings: fresh });
  assert.deepEqual([later.source, later.check], ['generated', 'matched']);
  assert.equal(later.box.decrypt(generated.box.encrypt(SECRET)), SECRET);
  assert.ok(fresh.values.get(ENCRYPTION_KEY_CHECK_SETTING)?.startsWith('v1.'));

  await assert.rejects(resolveSecretBox({ encryptionKey: 'short', settings: memorySettings() }), /at least 32 characters/);
});
