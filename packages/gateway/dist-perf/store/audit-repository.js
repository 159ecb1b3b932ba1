/**
 * The audit log: who did what to what, when, from where, with the state before and after. Append
 * only by construction: this repository offers append() and query() and nothing that changes or
 * removes an entry. Values under secret-looking field names are redacted before they are stored,
 * so a careless caller cannot write a password or key into the log.
 */
import { invalidInput, newId, parseJsonColumn } from './row-helpers.js';
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;
const SECRET_FIELD = /^(password|password_?hash|secret|token|access_?token|refresh_?token|api_?key|key_?secret|ciphertext|authorization|credential)$/i;
const REDACTED = '[redacted]';
export class AuditRepository {
    #db;
    constructor(db) {
        this.#db = db;
    }
    async append(input) {
        const row = {
            id: newId('aud'),
            created_at: (input.createdAt ?? new Date()).getTime(),
            actor_type: input.actorType,
            actor_id: input.actorId ?? null,
            actor_label: input.actorLabel,
            action: input.action,
            target_type: input.targetType,
            target_id: input.targetId ?? null,
            ip: input.ip ?? null,
            before_json: input.before === undefined || input.before === null ? null : JSON.stringify(redactSecrets(input.before)),
            after_json: input.after === undefined || input.after === null ? null : JSON.stringify(redactSecrets(input.after)),
        };
        await this.#db.insertInto('audit_log').values(row).execute();
        return toEntry(row);
    }
    /** Entries matching every given filter, newest first. */
    async query(filter = {}) {
        const limit = Math.min(Math.max(Math.trunc(filter.limit ?? DEFAULT_LIMIT), 1), MAX_LIMIT);
        let query = this.#db.selectFrom('audit_log').selectAll();
        if (filter.actorType !== undefined)
            query = query.where('actor_type', '=', filter.actorType);
        if (filter.actorId !== undefined)
            query = query.where('actor_id', '=', filter.actorId);
        if (filter.targetType !== undefined)
            query = query.where('target_type', '=', filter.targetType);
        if (filter.targetId !== undefined)
            query = query.where('target_id', '=', filter.targetId);
        if (filter.since !== undefined)
            query = query.where('created_at', '>=', filter.since.getTime());
        if (filter.until !== undefined)
            query = query.where('created_at', '<', filter.until.getTime());
        if (filter.actionPrefix !== undefined && filter.actionPrefix !== '') {
            // substr rather than LIKE: no wildcard escaping, and case-sensitive on both dialects.
            const prefix = filter.actionPrefix;
            query = query.where((eb) => eb(eb.fn('substr', ['action', eb.val(1), eb.val(prefix.length)]), '=', prefix));
        }
        if (filter.cursor !== undefined) {
            const after = decodeCursor(filter.cursor);
            query = query.where((eb) => eb.or([eb('created_at', '<', after.createdAt), eb.and([eb('created_at', '=', after.createdAt), eb('id', '<', after.id)])]));
        }
        else if (filter.offset !== undefined && filter.offset > 0) {
            query = query.offset(Math.trunc(filter.offset));
        }
        const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute();
        const page = rows.slice(0, limit);
        const last = page.at(-1);
        return {
            entries: page.map(toEntry),
            nextCursor: rows.length > limit && last !== undefined ? encodeCursor(Number(last.created_at), last.id) : null,
        };
    }
}
/** A copy with the values of secret-looking fields (password, token, apiKey, …) replaced. */
export function redactSecrets(value) {
    if (Array.isArray(value))
        return value.map(redactSecrets);
    if (value instanceof Date)
        return value.toISOString();
    if (typeof value !== 'object' || value === null)
        return value;
    return Object.fromEntries(Object.entries(value).map(([field, inner]) => [field, SECRET_FIELD.test(field) && inner != null ? REDACTED : redactSecrets(inner)]));
}
function encodeCursor(createdAt, id) {
    return Buffer.from(`${createdAt}:${id}`, 'utf8').toString('base64url');
}
function decodeCursor(cursor) {
    const match = /^(\d+):(aud_[0-9A-Za-z]+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (match === null)
        throw invalidInput('cursor', 'The cursor is not one this API returned.');
    return { createdAt: Number(match[1]), id: match[2] };
}
function toEntry(row) {
    return {
        id: row.id,
        createdAt: new Date(Number(row.created_at)),
        actorType: row.actor_type === 'user' || row.actor_type === 'key' ? row.actor_type : 'master',
        actorId: row.actor_id,
        actorLabel: row.actor_label,
        action: row.action,
        targetType: row.target_type,
        targetId: row.target_id,
        ip: row.ip,
        before: parseJsonColumn(row.before_json),
        after: parseJsonColumn(row.after_json),
    };
}
//# sourceMappingURL=audit-repository.js.map