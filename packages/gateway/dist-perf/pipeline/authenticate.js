/**
 * Stage: authenticate. Reads the key from `Authorization: Bearer` or `x-api-key` (both accepted on
 * every route: the Anthropic SDK and curl users differ), and resolves it to the master key or a
 * virtual key. Verified keys are cached briefly so that a database outage does not stop traffic
 * from keys already seen (DESIGN.md); unknown keys are never cached.
 */
import { GatewayError } from '../core/index.js';
import { hashKey, matchesHash } from './key-hash.js';
export function extractKey(headers) {
    const authorization = headers.authorization;
    if (typeof authorization === 'string') {
        const match = /^Bearer\s+(.+)$/i.exec(authorization.trim());
        if (match)
            return match[1].trim();
    }
    const apiKey = headers['x-api-key'];
    if (typeof apiKey === 'string' && apiKey.trim().length > 0)
        return apiKey.trim();
    return null;
}
export function createKeyResolver(options) {
    const now = options.now ?? Date.now;
    const cacheSize = options.cacheSize ?? 10_000;
    const cache = new Map();
    const masterKeyHash = Buffer.from(options.masterKeyHash, 'hex');
    const lookup = async (hash) => {
        const cached = cache.get(hash);
        if (cached && cached.until > now())
            return cached.key;
        let key;
        try {
            key = await options.keys.findByHash(hash);
        }
        catch (error) {
            if (cached)
                return cached.key;
            throw new GatewayError('SY_ERR_INTERNAL', 'The key store is unavailable; try again shortly.', { status: 503, cause: error });
        }
        if (key && options.cacheTtlMs > 0) {
            if (cache.size >= cacheSize)
                cache.delete(cache.keys().next().value);
            cache.set(hash, { key, until: now() + options.cacheTtlMs });
        }
        else {
            cache.delete(hash);
        }
        return key;
    };
    const resolve = async (secret) => {
        const hash = hashKey(secret);
        if (matchesHash(hash, masterKeyHash))
            return { kind: 'master' };
        const key = await lookup(hash);
        if (!key)
            throw new GatewayError('SY_ERR_UNAUTHENTICATED', 'Invalid API key.');
        if (key.revokedAt && key.revokedAt.getTime() <= now()) {
            throw new GatewayError('SY_ERR_KEY_REVOKED', `API key ${key.prefix}… has been revoked.`);
        }
        if (key.expiresAt && key.expiresAt.getTime() <= now()) {
            throw new GatewayError('SY_ERR_KEY_EXPIRED', `API key ${key.prefix}… expired at ${key.expiresAt.toISOString()}.`);
        }
        return { kind: 'key', key };
    };
    return Object.assign(resolve, {
        forget(keyId) {
            for (const [hash, entry] of cache)
                if (entry.key.id === keyId)
                    cache.delete(hash);
        },
    });
}
export function missingKeyError() {
    return new GatewayError('SY_ERR_UNAUTHENTICATED', 'Missing API key. Send it as "Authorization: Bearer <key>" or "x-api-key: <key>".');
}
/** The data plane's authenticator: the master key, or a valid key whose scopes include `data`. */
export function createAuthenticator(options) {
    const resolve = 'resolve' in options ? options.resolve : createKeyResolver(options);
    return async function authenticate(headers) {
        const secret = extractKey(headers);
        if (secret === null)
            throw missingKeyError();
        const principal = await resolve(secret);
        if (principal.kind === 'key' && !principal.key.scopes.includes('data')) {
            throw new GatewayError('SY_ERR_FORBIDDEN', `API key ${principal.key.prefix}… is scoped to the management API and may not call the data plane.`);
        }
        return principal;
    };
}
//# sourceMappingURL=authenticate.js.map