/** How key secrets are stored and compared: SHA-256 hex of the secret, never the secret itself. */
import { hash, timingSafeEqual } from 'node:crypto';
/** One-shot `crypto.hash` (Node ≥ 20.12): about a quarter of createHash's cost, and this runs per request. */
export function hashKey(secret) {
    return hash('sha256', secret, 'hex');
}
/** Compares a digest with one known in advance (the master key's), decoding only the new one. */
export function matchesHash(digestHex, known) {
    if (digestHex.length !== known.length * 2)
        return false;
    return timingSafeEqual(Buffer.from(digestHex, 'hex'), known);
}
//# sourceMappingURL=key-hash.js.map