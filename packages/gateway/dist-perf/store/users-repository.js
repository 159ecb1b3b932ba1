/**
 * Dashboard and API users in the `users` table. Passwords arrive already hashed (see
 * governance/passwords.ts); the hash leaves this repository only through findLoginByEmail, so a
 * UserRecord can be returned by the API as it is. Emails are stored trimmed and lower-cased.
 */
import { isRole } from '../governance/roles.js';
import { invalidInput, newId, toDate, withConflictMessage } from './row-helpers.js';
/** Trimmed and lower-cased, as stored; SY_ERR_INVALID_REQUEST when it cannot be an address. */
export function normalizeEmail(email) {
    const normalized = email.trim().toLowerCase();
    if (!/^[^\s@]+@[^\s@]+$/.test(normalized))
        throw invalidInput('email', `"${email}" is not an email address.`);
    return normalized;
}
export class UsersRepository {
    #db;
    constructor(db) {
        this.#db = db;
    }
    /** Creates a user; SY_ERR_CONFLICT (409) when the email is taken. */
    async create(input) {
        const now = Date.now();
        const row = {
            id: newId('usr'),
            email: normalizeEmail(input.email),
            name: input.name?.trim() || null,
            password_hash: requirePasswordHash(input.passwordHash),
            role: requireRole(input.role),
            team_id: input.teamId ?? null,
            created_at: now,
            updated_at: now,
            disabled_at: null,
            last_login_at: null,
        };
        await withConflictMessage(() => this.#db.insertInto('users').values(row).execute(), `A user with email ${row.email} already exists.`);
        return toRecord(row);
    }
    async findById(id) {
        const row = await this.#db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
        return row === undefined ? null : toRecord(row);
    }
    /** Case-insensitive (emails are stored lower-cased). */
    async findByEmail(email) {
        const row = await this.#db.selectFrom('users').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
        return row === undefined ? null : toRecord(row);
    }
    /** The user and their password hash, for login only. */
    async findLoginByEmail(email) {
        const row = await this.#db.selectFrom('users').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
        return row === undefined ? null : { user: toRecord(row), passwordHash: row.password_hash };
    }
    /** Users by email. */
    async list(filter = {}) {
        let query = this.#db.selectFrom('users').selectAll();
        if (filter.teamId !== undefined)
            query = query.where('team_id', '=', filter.teamId);
        if (filter.role !== undefined)
            query = query.where('role', '=', filter.role);
        if (filter.includeDisabled === false)
            query = query.where('disabled_at', 'is', null);
        const rows = await query.orderBy('email').execute();
        return rows.map(toRecord);
    }
    /** How many enabled users hold a role (to refuse removing the last admin, say). */
    async countActiveWithRole(role) {
        const row = await this.#db
            .selectFrom('users')
            .select((eb) => eb.fn.countAll().as('count'))
            .where('role', '=', role)
            .where('disabled_at', 'is', null)
            .executeTakeFirstOrThrow();
        return Number(row.count);
    }
    /** Changes the given fields; null when the user does not exist. */
    async update(id, input) {
        const now = Date.now();
        const changes = { updated_at: now };
        if (input.email !== undefined)
            changes.email = normalizeEmail(input.email);
        if (input.name !== undefined)
            changes.name = input.name?.trim() || null;
        if (input.role !== undefined)
            changes.role = requireRole(input.role);
        if (input.teamId !== undefined)
            changes.team_id = input.teamId;
        if (input.passwordHash !== undefined)
            changes.password_hash = requirePasswordHash(input.passwordHash);
        if (input.disabled === false)
            changes.disabled_at = null;
        await withConflictMessage(() => this.#db.updateTable('users').set(changes).where('id', '=', id).execute(), `A user with email ${changes.email ?? ''} already exists.`);
        if (input.disabled === true) {
            await this.#db.updateTable('users').set({ disabled_at: now }).where('id', '=', id).where('disabled_at', 'is', null).execute();
        }
        return this.findById(id);
    }
    async recordLogin(id, at = new Date()) {
        await this.#db.updateTable('users').set({ last_login_at: at.getTime() }).where('id', '=', id).execute();
    }
    /**
     * Deletes a user and (by cascade) their sessions, and revokes their keys (which keep the user id,
     * for the audit trail), so nothing the user held keeps working. True when the user existed.
     */
    async delete(id) {
        return this.#db.transaction().execute(async (transaction) => {
            await transaction.updateTable('api_keys').set({ revoked_at: Date.now() }).where('user_id', '=', id).where('revoked_at', 'is', null).execute();
            const result = await transaction.deleteFrom('users').where('id', '=', id).executeTakeFirst();
            return Number(result.numDeletedRows) > 0;
        });
    }
}
function requireRole(role) {
    if (!isRole(role))
        throw invalidInput('role', `Unknown role "${role}".`);
    return role;
}
function requirePasswordHash(hash) {
    // A plain password passed by mistake would be stored readable; a PHC string starts with `$`.
    if (!hash.startsWith('$'))
        throw new Error('UsersRepository expects a password hash (PHC string), not a password.');
    return hash;
}
function toRecord(row) {
    return {
        id: row.id,
        email: row.email,
        name: row.name,
        // A role this version does not know gets the least privilege rather than failing the read.
        role: isRole(row.role) ? row.role : 'viewer',
        teamId: row.team_id,
        createdAt: new Date(Number(row.created_at)),
        updatedAt: new Date(Number(row.updated_at)),
        disabledAt: toDate(row.disabled_at),
        lastLoginAt: toDate(row.last_login_at),
    };
}
//# sourceMappingURL=users-repository.js.map