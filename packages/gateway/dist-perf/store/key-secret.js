/**
 * Virtual key secrets: generation, hashing and the shown prefix. A secret is `sy-` followed by
 * 40 base62 characters (about 238 bits); only its SHA-256 hex digest is stored. SHA-256 rather
 * than a slow password hash because the secret is long and random (no dictionary to guess from)
 * and the lookup sits on every request.
 */
import { createHash, randomBytes } from 'node:crypto';
export const KEY_SECRET_PREFIX = 'sy-';
const SECRET_RANDOM_LENGTH = 40;
/** How many characters of the secret are stored and shown, `sy-` included. */
export const KEY_PREFIX_LENGTH = 12;
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** Largest multiple of 62 that fits in a byte; bytes at or above it are discarded (no modulo bias). */
const UNBIASED_BYTE_LIMIT = 248;
/** Random base62 text of the given length from the operating system's CSPRNG. */
export function randomBase62(length) {
    let text = '';
    while (text.length < length) {
        for (const byte of randomBytes(length * 2)) {
            if (byte >= UNBIASED_BYTE_LIMIT)
                continue;
            text += BASE62[byte % 62];
            if (text.length === length)
                break;
        }
    }
    return text;
}
export function generateKeySecret() {
    return KEY_SECRET_PREFIX + randomBase62(SECRET_RANDOM_LENGTH);
}
/** SHA-256 hex digest of a key secret: what is stored and looked up. */
export function hashKey(secret) {
    return createHash('sha256').update(secret, 'utf8').digest('hex');
}
/** The part of a secret that is stored and shown in lists. */
export function keyPrefix(secret) {
    return secret.slice(0, KEY_PREFIX_LENGTH);
}
//# sourceMappingURL=key-secret.js.map