/**
 * Stage: authenticate. Reads the key from `Authorization: Bearer` or `x-api-key` (both accepted on
 * every route: the Anthropic SDK and curl users differ), and resolves it to the master key or a
 * virtual key. Verified keys are cached briefly so that a database outage does not stop traffic
 * from keys already seen (DESIGN.md); unknown keys are never cached. The master key and a cached
 * key are answered synchronously (no promise): this runs before every data-plane request.
 *
 * The cache is keyed by the secret as sent, in this process's memory only (the store and the logs
 * see its SHA-256 digest, never the secret): a cached key then costs one Map lookup, where hashing
 * and comparing the digest with the master key's were about 45 µs of a stream's first byte at 100
 * streams a second (cold code and C++ calls; docs/performance.md). A lookup's timing tells nothing
 * of a 256-bit secret. The master key is not cached: it is always hashed and compared in constant
 * time.
 */

import { GatewayError } from '../core/index.js';
import { hashKey, sameDigest } from './key-hash.js';
import type { KeyLookup, KeyRecord } from './ports.js';
import type { Principal } from './request-state.js';

export interface AuthenticatorOptions {
  /** SHA-256 hex of the master key. */
  masterKeyHash: string;
  keys: KeyLookup;
  /** How long a verified key is trusted without asking the store again, ms. */
  cacheTtlMs: number;
  /** Most keys kept in the cache. */
  cacheSize?: number;
  now?: () => number;
}

/**
 * A principal now (the master key, a cached key) or once the key store answered. A refusal is
 * always a rejected promise (a GatewayError), never a throw.
 */
export type Authenticate = (headers: Record<string, string | string[] | undefined>) => Principal | Promise<Principal>;

export function extractKey(headers: Record<string, string | string[] | undefined>): string | null {
  const authorization = headers.authorization;
  if (typeof authorization === 'string') {
    const match = /^Bearer\s+(.+)$/i.exec(authorization.trim());
    if (match) return match[1].trim();
  }
  const apiKey = headers['x-api-key'];
  if (typeof apiKey === 'string' && apiKey.trim().length > 0) return apiKey.trim();
  return null;
}

/** Resolves a secret to the master key or a stored key (revoked and expired keys refused), any scope. */
export interface ResolveSecret {
  (secret: string): Principal | Promise<Principal>;
  /** Drops a key from the cache at once (after it was revoked, rotated or changed on this replica). */
  forget(keyId: string): void;
}

export function createKeyResolver(options: AuthenticatorOptions): ResolveSecret {
  const now = options.now ?? Date.now;
  const cacheSize = options.cacheSize ?? 10_000;
  /** By secret (see the header on why not by digest). */
  const cache = new Map<string, { key: KeyRecord; until: number }>();
  const masterKeyHash = options.masterKeyHash.toLowerCase();

  const fetch = async (secret: string, hash: string, stale: KeyRecord | null): Promise<KeyRecord | null> => {
    let key: KeyRecord | null;
    try {
      key = await options.keys.findByHash(hash);
    } catch (error) {
      if (stale) return stale;
      throw new GatewayError('SY_ERR_INTERNAL', 'The key store is unavailable; try again shortly.', { status: 503, cause: error });
    }
    if (key && options.cacheTtlMs > 0) {
      if (cache.size >= cacheSize) cache.delete(cache.keys().next().value as string);
      cache.set(secret, { key, until: now() + options.cacheTtlMs });
    } else {
      cache.delete(secret);
    }
    return key;
  };

  const principalOf = (key: KeyRecord | null): Principal => {
    if (!key) throw new GatewayError('SY_ERR_UNAUTHENTICATED', 'Invalid API key.');
    if (key.revokedAt && key.revokedAt.getTime() <= now()) {
      throw new GatewayError('SY_ERR_KEY_REVOKED', `API key ${key.prefix}… has been revoked.`);
    }
    if (key.expiresAt && key.expiresAt.getTime() <= now()) {
      throw new GatewayError('SY_ERR_KEY_EXPIRED', `API key ${key.prefix}… expired at ${key.expiresAt.toISOString()}.`);
    }
    return { kind: 'key', key };
  };

  const resolve = (secret: string): Principal | Promise<Principal> => {
    const cached = cache.get(secret);
    if (cached !== undefined && cached.until > now()) {
      try {
        return principalOf(cached.key);
      } catch (error) {
        return Promise.reject(error);
      }
    }
    const hash = hashKey(secret);
    if (sameDigest(hash, masterKeyHash)) return { kind: 'master' };
    return fetch(secret, hash, cached?.key ?? null).then(principalOf);
  };
  return Object.assign(resolve, {
    forget(keyId: string) {
      for (const [secret, entry] of cache) if (entry.key.id === keyId) cache.delete(secret);
    },
  });
}

export function missingKeyError(): GatewayError {
  return new GatewayError('SY_ERR_UNAUTHENTICATED', 'Missing API key. Send it as "Authorization: Bearer <key>" or "x-api-key: <key>".');
}

/** The data plane's authenticator: the master key, or a valid key whose scopes include `data`. */
export function createAuthenticator(options: AuthenticatorOptions | { resolve: ResolveSecret }): Authenticate {
  const resolve = 'resolve' in options ? options.resolve : createKeyResolver(options);
  const requireDataScope = (principal: Principal): Principal => {
    if (principal.kind === 'key' && !principal.key.scopes.includes('data')) {
      throw new GatewayError('SY_ERR_FORBIDDEN', `API key ${principal.key.prefix}… is scoped to the management API and may not call the data plane.`);
    }
    return principal;
  };
  return function authenticate(headers) {
    const secret = extractKey(headers);
    if (secret === null) return Promise.reject(missingKeyError());
    const principal = resolve(secret);
    if (principal instanceof Promise) return principal.then(requireDataScope);
    try {
      return requireDataScope(principal);
    } catch (error) {
      return Promise.reject(error);
    }
  };
}
