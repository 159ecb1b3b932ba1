/**
 * Encryption of provider credentials at rest: AES-256-GCM with a fresh random 96-bit IV per
 * secret and the 128-bit auth tag checked on decryption, so a changed byte or a wrong key fails
 * instead of yielding garbage. The key is derived with HKDF-SHA256 (resolve-encryption-key.ts
 * chooses its source). Output is text: `v1.` + base64(iv | tag | ciphertext). Nothing here logs,
 * and errors never include the plaintext or the key.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
const VERSION_PREFIX = 'v1.';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
/** A ciphertext that fails to decrypt: tampered with, truncated, or made with another key. */
export class SecretBoxError extends Error {
    constructor(message) {
        super(message);
        this.name = 'SecretBoxError';
    }
}
/** 32-byte AES key from key material (a passphrase, the master key, random bytes) with HKDF-SHA256. */
export function deriveEncryptionKey(material) {
    const input = typeof material === 'string' ? Buffer.from(material, 'utf8') : Buffer.from(material);
    if (input.length === 0)
        throw new Error('Encryption key material must not be empty.');
    return Buffer.from(hkdfSync('sha256', input, Buffer.from('switchyard', 'utf8'), Buffer.from('switchyard/secret-box/v1', 'utf8'), KEY_BYTES));
}
export class SecretBox {
    #key;
    /** `key` must be 32 bytes; use SecretBox.fromMaterial() for anything else. */
    constructor(key) {
        if (key.length !== KEY_BYTES)
            throw new Error(`A SecretBox key is ${KEY_BYTES} bytes (got ${key.length}).`);
        this.#key = Buffer.from(key);
    }
    static fromMaterial(material) {
        return new SecretBox(deriveEncryptionKey(material));
    }
    /**
     * Encrypts a secret. `context` (for example the provider id) is authenticated but not stored:
     * decrypt() must be given the same context, so a ciphertext cannot be moved to another record.
     */
    encrypt(plaintext, context = '') {
        const iv = randomBytes(IV_BYTES);
        const cipher = createCipheriv('aes-256-gcm', this.#key, iv, { authTagLength: TAG_BYTES });
        cipher.setAAD(Buffer.from(context, 'utf8'));
        const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
        return VERSION_PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    }
    /** Decrypts encrypt()'s output; throws SecretBoxError when it was altered or made with another key or context. */
    decrypt(ciphertext, context = '') {
        if (!ciphertext.startsWith(VERSION_PREFIX))
            throw new SecretBoxError('Unknown ciphertext format.');
        const packed = Buffer.from(ciphertext.slice(VERSION_PREFIX.length), 'base64');
        if (packed.length < IV_BYTES + TAG_BYTES)
            throw new SecretBoxError('Ciphertext is truncated.');
        const decipher = createDecipheriv('aes-256-gcm', this.#key, packed.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(packed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
        try {
            return Buffer.concat([decipher.update(packed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
        }
        catch {
            throw new SecretBoxError('Ciphertext failed authentication: it was altered, or encrypted with another key.');
        }
    }
}
/** What lists show of a secret: its last 4 characters, or nothing for a secret under 12 characters. */
export function secretHint(secret) {
    return secret.length < 12 ? '' : secret.slice(-4);
}
//# sourceMappingURL=secret-box.js.map