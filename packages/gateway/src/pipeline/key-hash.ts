/** How key secrets are stored and compared: SHA-256 hex of the secret, never the secret itself. */

import { createHash, timingSafeEqual } from 'node:crypto';

export function hashKey(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Constant-time comparison of two hex digests. */
export function sameHash(left: string, right: string): boolean {
  if (left.length !== right.length) return false;
  return timingSafeEqual(Buffer.from(left, 'hex'), Buffer.from(right, 'hex'));
}
