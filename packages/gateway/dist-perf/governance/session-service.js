/**
 * Logging users in and out. login() checks the password and opens a session; the client gets a
 * 15-minute access token (JWT) and a 7-day refresh token. refresh() rotates the refresh token:
 * the old one stops working, and presenting an old one again (a sign it was stolen and used by
 * someone else) revokes the whole session. Each refresh moves the session's expiry to now + the
 * refresh lifetime, so a session ends after 7 days without use. logout() revokes the session,
 * which also ends its access tokens: authenticate() checks the session on every call, through a
 * small in-memory cache (a few seconds, so another replica's logout or a role change takes
 * effect within that time; this replica's at once).
 */
import { GatewayError } from '../core/index.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { DEFAULT_ACCESS_TTL_MS, DEFAULT_REFRESH_TTL_MS, generateRefreshToken, hashRefreshToken, REFRESH_TOKEN_PREFIX, signAccessToken, verifyAccessToken, } from './tokens.js';
/** A refused login, refresh or token: 401 (403 for a disabled user), with `reason` for tests and logs. */
export class SessionError extends GatewayError {
    reason;
    constructor(reason, message) {
        super(reason === 'user_disabled' ? 'SY_ERR_FORBIDDEN' : 'SY_ERR_UNAUTHENTICATED', message);
        this.name = 'SessionError';
        this.reason = reason;
    }
}
const INVALID_CREDENTIALS = 'Invalid email or password.';
export class SessionService {
    #options;
    #now;
    #accessTtlMs;
    #refreshTtlMs;
    #cacheTtlMs;
    #cacheSize;
    #cache = new Map();
    #dummyHash = null;
    constructor(options) {
        this.#options = options;
        this.#now = options.now ?? Date.now;
        this.#accessTtlMs = options.accessTtlMs ?? DEFAULT_ACCESS_TTL_MS;
        this.#refreshTtlMs = options.refreshTtlMs ?? DEFAULT_REFRESH_TTL_MS;
        this.#cacheTtlMs = options.sessionCacheTtlMs ?? 5_000;
        this.#cacheSize = options.sessionCacheSize ?? 10_000;
    }
    /** Checks the password and opens a session. Unknown email and wrong password get the same answer. */
    async login(email, password, context = {}) {
        const found = await this.#options.users.findLoginByEmail(email);
        if (found === null) {
            // Hash anyway, so the answer takes as long as for a known email (no probing which exist).
            await verifyPassword(await this.#getDummyHash(), password);
            throw new SessionError('invalid_credentials', INVALID_CREDENTIALS);
        }
        if (!(await verifyPassword(found.passwordHash, password)))
            throw new SessionError('invalid_credentials', INVALID_CREDENTIALS);
        if (found.user.disabledAt !== null)
            throw new SessionError('user_disabled', 'This account is disabled; ask an administrator.');
        const now = this.#now();
        const refreshToken = generateRefreshToken();
        const session = await this.#options.sessions.create({
            userId: found.user.id,
            refreshHash: hashRefreshToken(refreshToken),
            expiresAt: new Date(now + this.#refreshTtlMs),
            ip: context.ip ?? null,
            userAgent: context.userAgent ?? null,
            at: new Date(now),
        });
        await this.#options.users.recordLogin(found.user.id, new Date(now));
        const access = await this.#sign(found.user, session.id, now);
        return { accessToken: access.token, expiresAt: access.expiresAt, refreshToken, refreshExpiresAt: session.expiresAt, sessionId: session.id, user: found.user };
    }
    /** Swaps a refresh token for new tokens. Reusing a refresh token revokes its session. */
    async refresh(refreshToken) {
        const { sessions, users } = this.#options;
        const now = this.#now();
        if (!refreshToken.startsWith(REFRESH_TOKEN_PREFIX))
            throw new SessionError('invalid_token', 'Invalid refresh token.');
        const hash = hashRefreshToken(refreshToken);
        const session = await sessions.findByRefreshHash(hash);
        if (session === null) {
            const reused = await sessions.findByRetiredRefreshHash(hash);
            if (reused !== null)
                await this.#revokeForReuse(reused.id, now);
            throw new SessionError('invalid_token', 'Invalid refresh token.');
        }
        if (session.revokedAt !== null)
            throw new SessionError('session_revoked', 'This session has ended; log in again.');
        if (session.expiresAt.getTime() <= now)
            throw new SessionError('token_expired', 'This session has expired; log in again.');
        const principal = await sessions.findActivePrincipal(session.id, new Date(now));
        const user = principal === null ? null : await users.findById(principal.userId);
        if (user === null || user.disabledAt !== null)
            throw new SessionError('session_revoked', 'This session has ended; log in again.');
        const nextToken = generateRefreshToken();
        const refreshExpiresAt = new Date(now + this.#refreshTtlMs);
        const swapped = await sessions.rotate({ id: session.id, fromHash: hash, toHash: hashRefreshToken(nextToken), expiresAt: refreshExpiresAt, at: new Date(now) });
        // Losing the swap means the same token was refreshed concurrently, i.e. presented twice.
        if (!swapped)
            await this.#revokeForReuse(session.id, now);
        const access = await this.#sign(user, session.id, now);
        return { accessToken: access.token, expiresAt: access.expiresAt, refreshToken: nextToken, refreshExpiresAt, sessionId: session.id, user };
    }
    /** Ends a session and, with it, its access tokens. True when it was active. */
    async logout(sessionId) {
        const revoked = await this.#options.sessions.revoke(sessionId, new Date(this.#now()));
        this.#remember(sessionId, null);
        return revoked;
    }
    /** Ends every session of a user: call after a password change, disabling or a role removal. */
    async revokeAllForUser(userId) {
        const count = await this.#options.sessions.revokeAllForUser(userId, new Date(this.#now()));
        for (const [sessionId, entry] of this.#cache)
            if (entry.principal?.userId === userId)
                this.#cache.delete(sessionId);
        return count;
    }
    /** Verifies an access token and that its session is still active; the user's current role and team. */
    async authenticate(accessToken) {
        const now = this.#now();
        const verification = await verifyAccessToken(accessToken, { secret: this.#options.secret, nowMs: now });
        if (!verification.ok) {
            throw verification.reason === 'expired'
                ? new SessionError('token_expired', 'The access token has expired; refresh it or log in again.')
                : new SessionError('invalid_token', 'Invalid access token.');
        }
        const principal = await this.#activePrincipal(verification.claims.sessionId, now);
        if (principal === null || principal.userId !== verification.claims.userId) {
            throw new SessionError('session_revoked', 'This session has ended; log in again.');
        }
        return { userId: principal.userId, role: principal.role, teamId: principal.teamId, sessionId: principal.sessionId };
    }
    async #activePrincipal(sessionId, now) {
        const cached = this.#cache.get(sessionId);
        if (cached !== undefined && cached.until > now)
            return cached.principal;
        let principal;
        try {
            principal = await this.#options.sessions.findActivePrincipal(sessionId, new Date(now));
        }
        catch (error) {
            // Database down: a session seen active recently keeps working (as verified keys do).
            if (cached?.principal)
                return cached.principal;
            throw new GatewayError('SY_ERR_INTERNAL', 'The session store is unavailable; try again shortly.', { status: 503, cause: error });
        }
        this.#remember(sessionId, principal, now);
        return principal;
    }
    #remember(sessionId, principal, now = this.#now()) {
        this.#cache.delete(sessionId);
        if (this.#cache.size >= this.#cacheSize)
            this.#cache.delete(this.#cache.keys().next().value);
        this.#cache.set(sessionId, { principal, until: now + this.#cacheTtlMs });
    }
    async #revokeForReuse(sessionId, now) {
        await this.#options.sessions.revoke(sessionId, new Date(now));
        this.#remember(sessionId, null, now);
        throw new SessionError('refresh_reused', 'This refresh token was already used. Its session has been ended in case the token was stolen; log in again.');
    }
    #sign(user, sessionId, now) {
        return signAccessToken({ secret: this.#options.secret, userId: user.id, role: user.role, teamId: user.teamId, sessionId, ttlMs: this.#accessTtlMs, nowMs: now });
    }
    #getDummyHash() {
        this.#dummyHash ??= hashPassword('switchyard-no-such-user-password');
        return this.#dummyHash;
    }
}
//# sourceMappingURL=session-service.js.map