/**
 * Tokens of dashboard and API users. Access tokens are short-lived JWTs (HS256, issuer
 * `switchyard`) naming the user, role, team and session; refresh tokens are opaque random
 * `syr_…` strings, stored only as SHA-256 digests in the session (see session-service.ts for
 * their rotation). The signing secret comes from JWT_SECRET, else is derived from the master key
 * hash, so that replicas sharing a master key accept each other's tokens.
 */
import { createHash, hkdfSync } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { randomBase62 } from '../store/index.js';
import { isRole } from './roles.js';
export const ACCESS_TOKEN_ISSUER = 'switchyard';
export const DEFAULT_ACCESS_TTL_MS = 15 * 60_000;
export const DEFAULT_REFRESH_TTL_MS = 7 * 24 * 3_600_000;
export const REFRESH_TOKEN_PREFIX = 'syr_';
/** JWT_SECRET shorter than this is refused: an HS256 secret must not be guessable offline. */
export const JWT_SECRET_MIN_LENGTH = 32;
const ALGORITHM = 'HS256';
const REFRESH_RANDOM_LENGTH = 43;
/**
 * The 32-byte HS256 key: HKDF-SHA256 of JWT_SECRET when set (which must be at least 32
 * characters), else of the master key's SHA-256 hex digest. The latter is convenient but weaker:
 * for a generated master key that digest sits in the settings table, so whoever can read the
 * database could mint tokens; set JWT_SECRET in production.
 */
export function deriveJwtSecret(options) {
    const jwtSecret = options.jwtSecret?.trim();
    if (jwtSecret) {
        if (jwtSecret.length < JWT_SECRET_MIN_LENGTH) {
            throw new Error(`JWT_SECRET must be at least ${JWT_SECRET_MIN_LENGTH} characters long (it has ${jwtSecret.length}); generate one with: openssl rand -hex 32`);
        }
        return hkdf(Buffer.from(jwtSecret, 'utf8'), 'switchyard/jwt/v1:jwt-secret');
    }
    if (!/^[0-9a-f]{64}$/i.test(options.masterKeyHash))
        throw new Error('deriveJwtSecret needs the master key hash (SHA-256 hex).');
    return hkdf(Buffer.from(options.masterKeyHash, 'hex'), 'switchyard/jwt/v1:master-key');
}
function hkdf(material, info) {
    return new Uint8Array(hkdfSync('sha256', material, Buffer.from('switchyard', 'utf8'), Buffer.from(info, 'utf8'), 32));
}
export async function signAccessToken(options) {
    const issuedAt = Math.floor((options.nowMs ?? Date.now()) / 1000);
    const expiresAt = issuedAt + Math.max(1, Math.floor((options.ttlMs ?? DEFAULT_ACCESS_TTL_MS) / 1000));
    const token = await new SignJWT({ role: options.role, team: options.teamId, sid: options.sessionId })
        .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
        .setSubject(options.userId)
        .setIssuer(ACCESS_TOKEN_ISSUER)
        .setIssuedAt(issuedAt)
        .setExpirationTime(expiresAt)
        .sign(options.secret);
    return { token, expiresAt: new Date(expiresAt * 1000) };
}
/**
 * Checks signature, algorithm, issuer and expiry, and the claims' shapes. Does not check that the
 * session is still active: SessionService.authenticate() does, because logout must end a token.
 */
export async function verifyAccessToken(token, options) {
    try {
        const { payload } = await jwtVerify(token, options.secret, {
            algorithms: [ALGORITHM],
            issuer: ACCESS_TOKEN_ISSUER,
            requiredClaims: ['sub', 'iat', 'exp', 'sid', 'role'],
            currentDate: new Date(options.nowMs ?? Date.now()),
        });
        const { sub, role, team, sid, iat, exp } = payload;
        if (typeof sub !== 'string' || typeof sid !== 'string' || !isRole(role) || (team !== null && typeof team !== 'string')) {
            return { ok: false, reason: 'invalid' };
        }
        if (typeof iat !== 'number' || typeof exp !== 'number')
            return { ok: false, reason: 'invalid' };
        return { ok: true, claims: { userId: sub, role, teamId: team ?? null, sessionId: sid, issuedAt: iat, expiresAt: exp } };
    }
    catch (error) {
        return { ok: false, reason: error instanceof errors.JWTExpired ? 'expired' : 'invalid' };
    }
}
/** A JWT has three base64url parts; lets the auth hook tell a user token from an API key. */
export function looksLikeJwt(text) {
    return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(text);
}
/** A new opaque refresh token: `syr_` + 43 base62 characters (about 256 bits). */
export function generateRefreshToken() {
    return REFRESH_TOKEN_PREFIX + randomBase62(REFRESH_RANDOM_LENGTH);
}
/** SHA-256 hex of a refresh token: what sessions store. */
export function hashRefreshToken(token) {
    return createHash('sha256').update(token, 'utf8').digest('hex');
}
//# sourceMappingURL=tokens.js.map