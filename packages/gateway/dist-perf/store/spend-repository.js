/**
 * Spend over the `usage` table: grouped aggregates and totals for the management API
 * (`GET /api/ai/usage`, `GET /api/v1/account`), and the spend of one owner since a time, which
 * seeds the budget ledgers at start-up. Built with Kysely expressions only, so SQLite and Postgres
 * compute the same numbers; day buckets are whole UTC days since the epoch, formatted here.
 */
export const SPEND_GROUP_BY = ['key', 'user', 'team', 'model', 'provider', 'day'];
const MS_PER_DAY = 86_400_000;
const GROUP_COLUMNS = {
    key: 'key_id',
    user: 'user_id',
    team: 'team_id',
    model: 'model_group',
    provider: 'provider',
};
const SCOPE_COLUMNS = { key: 'key_id', user: 'user_id', team: 'team_id' };
/**
 * The grouping expression. The day divisor is an inlined literal, not a parameter: Postgres only
 * matches a selected expression to its GROUP BY when both are textually equal, and two parameters
 * ($1, $2) are not. Integer division of a bigint by an integer truncates on both dialects.
 */
function groupExpression(eb, groupBy) {
    if (groupBy === 'day')
        return eb('created_at', '/', eb.lit(MS_PER_DAY));
    return eb.ref(GROUP_COLUMNS[groupBy]);
}
export class SpendRepository {
    #db;
    constructor(db) {
        this.#db = db;
    }
    /** One row per group; by cost, highest first (ties by group, nulls last), or by day, earliest first. */
    async aggregate(options) {
        const { groupBy } = options;
        let query = applySpendFilter(this.#db.selectFrom('usage'), options)
            .select((eb) => [groupExpression(eb, groupBy).as('group'), ...totalsSelection(eb)])
            .select((eb) => [eb.fn.min('created_at').as('firstAt'), eb.fn.max('created_at').as('lastAt')])
            .groupBy((eb) => groupExpression(eb, groupBy));
        query =
            groupBy === 'day'
                ? query.orderBy((eb) => groupExpression(eb, groupBy))
                : query
                    .orderBy('costUsd', 'desc')
                    .orderBy((eb) => eb(groupExpression(eb, groupBy), 'is', null))
                    .orderBy((eb) => groupExpression(eb, groupBy));
        if (options.limit !== undefined)
            query = query.limit(Math.max(0, Math.floor(options.limit)));
        const rows = await query.execute();
        return rows.map((row) => ({
            group: formatGroup(groupBy, row.group),
            ...toTotals(row),
            firstAt: new Date(Number(row.firstAt)),
            lastAt: new Date(Number(row.lastAt)),
        }));
    }
    async totals(filter = {}) {
        const row = await applySpendFilter(this.#db.selectFrom('usage'), filter)
            .select((eb) => totalsSelection(eb))
            .executeTakeFirstOrThrow();
        return toTotals(row);
    }
    /** USD spent since sinceMs (epoch ms, inclusive) by everyone ('global') or by one key, user or team. */
    async spendSince(options) {
        let query = this.#db.selectFrom('usage').where('created_at', '>=', options.sinceMs);
        if (options.scope !== 'global') {
            if (typeof options.scopeId !== 'string')
                throw new RangeError(`spendSince: scope '${options.scope}' needs a scopeId`);
            query = query.where(SCOPE_COLUMNS[options.scope], '=', options.scopeId);
        }
        const row = await query.select((eb) => eb.fn.sum('cost_usd').as('costUsd')).executeTakeFirstOrThrow();
        return Number(row.costUsd ?? 0);
    }
}
function totalsSelection(eb) {
    return [
        eb.fn.countAll().as('requests'),
        // Literals rather than parameters: Postgres would type `case ... then $1 else $2` as text.
        eb.fn.sum(eb.case().when('outcome', '=', 'error').then(eb.lit(1)).else(eb.lit(0)).end()).as('errors'),
        eb.fn.sum('prompt_tokens').as('promptTokens'),
        eb.fn.sum('completion_tokens').as('completionTokens'),
        eb.fn.sum('cost_usd').as('costUsd'),
    ];
}
/** Sums come back null over no rows, and as bigint-parsed numbers or strings depending on the driver. */
function toTotals(row) {
    return {
        requests: Number(row.requests ?? 0),
        errors: Number(row.errors ?? 0),
        promptTokens: Number(row.promptTokens ?? 0),
        completionTokens: Number(row.completionTokens ?? 0),
        costUsd: Number(row.costUsd ?? 0),
    };
}
function formatGroup(groupBy, value) {
    if (value === null || value === undefined)
        return null;
    if (groupBy === 'day')
        return new Date(Number(value) * MS_PER_DAY).toISOString().slice(0, 10);
    return String(value);
}
function applySpendFilter(query, filter) {
    let filtered = query;
    if (filter.since !== undefined)
        filtered = filtered.where('created_at', '>=', filter.since.getTime());
    if (filter.until !== undefined)
        filtered = filtered.where('created_at', '<', filter.until.getTime());
    if (filter.keyId !== undefined)
        filtered = filtered.where('key_id', '=', filter.keyId);
    if (filter.userId !== undefined)
        filtered = filtered.where('user_id', '=', filter.userId);
    if (filter.teamId !== undefined)
        filtered = filtered.where('team_id', '=', filter.teamId);
    if (filter.model !== undefined)
        filtered = filtered.where('model_group', '=', filter.model);
    if (filter.provider !== undefined)
        filtered = filtered.where('provider', '=', filter.provider);
    return filtered;
}
//# sourceMappingURL=spend-repository.js.map