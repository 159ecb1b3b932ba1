/**
 * Login sessions in the `sessions` table, one per login. A session holds the SHA-256 of its
 * current refresh token; rotate() swaps it for a new one atomically and remembers the old one in
 * `session_retired_refresh`, so that presenting a retired token again can be recognised as reuse
 * (see governance/session-service.ts). Plain refresh tokens are never stored.
 */
import { isRole } from '../governance/roles.js';
import { newId, toDate } from './row-helpers.js';
export class SessionsRepository {
    #db;
    constructor(db) {
        this.#db = db;
    }
    async create(input) {
        const at = (input.at ?? new Date()).getTime();
        const row = {
            id: newId('ses'),
            user_id: input.userId,
            refresh_hash: input.refreshHash,
            created_at: at,
            expires_at: input.expiresAt.getTime(),
            revoked_at: null,
            last_used_at: at,
            ip: input.ip ?? null,
            user_agent: input.userAgent ?? null,
        };
        await this.#db.insertInto('sessions').values(row).execute();
        return toRecord(row);
    }
    async findById(id) {
        const row = await this.#db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
        return row === undefined ? null : toRecord(row);
    }
    /** The session whose current refresh token has this hash (revoked or expired ones included). */
    async findByRefreshHash(refreshHash) {
        const row = await this.#db.selectFrom('sessions').selectAll().where('refresh_hash', '=', refreshHash).executeTakeFirst();
        return row === undefined ? null : toRecord(row);
    }
    /** The session that once had this refresh token and rotated away from it. */
    async findByRetiredRefreshHash(refreshHash) {
        const row = await this.#db
            .selectFrom('session_retired_refresh')
            .innerJoin('sessions', 'sessions.id', 'session_retired_refresh.session_id')
            .selectAll('sessions')
            .where('session_retired_refresh.refresh_hash', '=', refreshHash)
            .executeTakeFirst();
        return row === undefined ? null : toRecord(row);
    }
    /**
     * Compare-and-swap of the refresh token: succeeds only when fromHash is still current and the
     * session is not revoked, so two concurrent refreshes with one token cannot both win. Returns
     * whether it swapped.
     */
    async rotate(input) {
        const at = (input.at ?? new Date()).getTime();
        return this.#db.transaction().execute(async (transaction) => {
            const result = await transaction
                .updateTable('sessions')
                .set({ refresh_hash: input.toHash, expires_at: input.expiresAt.getTime(), last_used_at: at })
                .where('id', '=', input.id)
                .where('refresh_hash', '=', input.fromHash)
                .where('revoked_at', 'is', null)
                .executeTakeFirst();
            if (Number(result.numUpdatedRows) === 0)
                return false;
            await transaction.insertInto('session_retired_refresh').values({ refresh_hash: input.fromHash, session_id: input.id, retired_at: at }).execute();
            return true;
        });
    }
    /** Revokes a session; true when it was not revoked before. */
    async revoke(id, at = new Date()) {
        const result = await this.#db.updateTable('sessions').set({ revoked_at: at.getTime() }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
        return Number(result.numUpdatedRows) > 0;
    }
    /** Revokes every session of a user (password change, disabling); returns how many were revoked. */
    async revokeAllForUser(userId, at = new Date()) {
        const result = await this.#db
            .updateTable('sessions')
            .set({ revoked_at: at.getTime() })
            .where('user_id', '=', userId)
            .where('revoked_at', 'is', null)
            .executeTakeFirst();
        return Number(result.numUpdatedRows);
    }
    /** True when the session exists, is not revoked and has not expired. */
    async isActive(id, at = new Date()) {
        const row = await this.#db
            .selectFrom('sessions')
            .select('id')
            .where('id', '=', id)
            .where('revoked_at', 'is', null)
            .where('expires_at', '>', at.getTime())
            .executeTakeFirst();
        return row !== undefined;
    }
    /**
     * The user behind an active session whose user is enabled, with the user's current role and
     * team; null otherwise. One indexed join: what authenticating an access token costs.
     */
    async findActivePrincipal(id, at = new Date()) {
        const row = await this.#db
            .selectFrom('sessions')
            .innerJoin('users', 'users.id', 'sessions.user_id')
            .select(['sessions.id as session_id', 'users.id as user_id', 'users.role as role', 'users.team_id as team_id'])
            .where('sessions.id', '=', id)
            .where('sessions.revoked_at', 'is', null)
            .where('sessions.expires_at', '>', at.getTime())
            .where('users.disabled_at', 'is', null)
            .executeTakeFirst();
        if (row === undefined)
            return null;
        return { sessionId: row.session_id, userId: row.user_id, role: isRole(row.role) ? row.role : 'viewer', teamId: row.team_id };
    }
    /** A user's sessions, newest first (revoked and expired ones included). */
    async listForUser(userId) {
        const rows = await this.#db.selectFrom('sessions').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
        return rows.map(toRecord);
    }
    /** Housekeeping: deletes sessions that expired or were revoked before `before` (with their retired tokens). */
    async deleteEnded(before) {
        const cutoff = before.getTime();
        const result = await this.#db
            .deleteFrom('sessions')
            .where((eb) => eb.or([eb('expires_at', '<', cutoff), eb('revoked_at', '<', cutoff)]))
            .executeTakeFirst();
        return Number(result.numDeletedRows);
    }
}
function toRecord(row) {
    return {
        id: row.id,
        userId: row.user_id,
        createdAt: new Date(Number(row.created_at)),
        expiresAt: new Date(Number(row.expires_at)),
        revokedAt: toDate(row.revoked_at),
        lastUsedAt: new Date(Number(row.last_used_at)),
        ip: row.ip,
        userAgent: row.user_agent,
    };
}
//# sourceMappingURL=sessions-repository.js.map