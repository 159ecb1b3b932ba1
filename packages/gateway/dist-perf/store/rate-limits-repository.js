/**
 * Rate limits managed at run time, in the `rate_limits` table: `limit` requests or tokens per
 * window for one key, user, team, IP or model group, or for all traffic. `model` narrows a limit
 * to requests for one group; `provider` makes it a per-provider cap (a user's daily requests to
 * one provider). Counting happens in governance/limits; this is only storage.
 */
import { inputOneOf, invalidInput, newId, storedOneOf } from './row-helpers.js';
export const RATE_LIMIT_SCOPE_TYPES = ['key', 'user', 'team', 'ip', 'model', 'global'];
export const RATE_LIMIT_METRICS = ['requests', 'tokens'];
export class RateLimitsRepository {
    #db;
    constructor(db) {
        this.#db = db;
    }
    async create(input) {
        const scopeType = inputOneOf(RATE_LIMIT_SCOPE_TYPES, input.scopeType, 'scopeType');
        const row = {
            id: newId('rl'),
            scope_type: scopeType,
            scope_id: requireScopeId(scopeType, input.scopeId ?? null),
            metric: inputOneOf(RATE_LIMIT_METRICS, input.metric, 'metric'),
            limit: requirePositiveInteger(input.limit, 'limit'),
            window_ms: requirePositiveInteger(input.windowMs, 'windowMs'),
            model: input.model ?? null,
            provider: input.provider ?? null,
            created_at: Date.now(),
        };
        await this.#db.insertInto('rate_limits').values(row).execute();
        return toRecord(row);
    }
    async findById(id) {
        const row = await this.#db.selectFrom('rate_limits').selectAll().where('id', '=', id).executeTakeFirst();
        return row === undefined ? null : toRecord(row);
    }
    /** Every stored limit, oldest first. */
    async list() {
        const rows = await this.#db.selectFrom('rate_limits').selectAll().orderBy('created_at').orderBy('id').execute();
        return rows.map(toRecord);
    }
    /** The limits of one scope; scopeId undefined lists the whole scope type, null the global ones. */
    async listByScope(scopeType, scopeId) {
        let query = this.#db.selectFrom('rate_limits').selectAll().where('scope_type', '=', scopeType);
        if (scopeId !== undefined)
            query = scopeId === null ? query.where('scope_id', 'is', null) : query.where('scope_id', '=', scopeId);
        const rows = await query.orderBy('created_at').orderBy('id').execute();
        return rows.map(toRecord);
    }
    /** Changes the given fields; null when the limit does not exist. */
    async update(id, input) {
        const changes = {};
        if (input.metric !== undefined)
            changes.metric = inputOneOf(RATE_LIMIT_METRICS, input.metric, 'metric');
        if (input.limit !== undefined)
            changes.limit = requirePositiveInteger(input.limit, 'limit');
        if (input.windowMs !== undefined)
            changes.window_ms = requirePositiveInteger(input.windowMs, 'windowMs');
        if (input.model !== undefined)
            changes.model = input.model;
        if (input.provider !== undefined)
            changes.provider = input.provider;
        if (Object.keys(changes).length > 0)
            await this.#db.updateTable('rate_limits').set(changes).where('id', '=', id).execute();
        return this.findById(id);
    }
    async delete(id) {
        const result = await this.#db.deleteFrom('rate_limits').where('id', '=', id).executeTakeFirst();
        return Number(result.numDeletedRows) > 0;
    }
}
function requireScopeId(scopeType, scopeId) {
    if (scopeType === 'global') {
        if (scopeId !== null)
            throw invalidInput('scopeId', 'A global rate limit has no scopeId.');
        return null;
    }
    if (scopeId === null || scopeId.trim() === '')
        throw invalidInput('scopeId', `A ${scopeType} rate limit needs the ${scopeType} as scopeId.`);
    return scopeId;
}
function requirePositiveInteger(value, param) {
    if (!Number.isSafeInteger(value) || value <= 0)
        throw invalidInput(param, `${param} must be a positive whole number; got ${value}.`);
    return value;
}
function toRecord(row) {
    return {
        id: row.id,
        scopeType: storedOneOf(RATE_LIMIT_SCOPE_TYPES, row.scope_type, 'rate limit scope type'),
        scopeId: row.scope_id,
        metric: storedOneOf(RATE_LIMIT_METRICS, row.metric, 'rate limit metric'),
        limit: Number(row.limit),
        windowMs: Number(row.window_ms),
        model: row.model,
        provider: row.provider,
        createdAt: new Date(Number(row.created_at)),
    };
}
//# sourceMappingURL=rate-limits-repository.js.map