/**
 * Budgets in the `budgets` table: a USD limit over a period (daily, weekly, monthly) for the whole
 * gateway, a team, a user or a key, with soft thresholds in percent. A manual reset stores its
 * moment in reset_at; spend before it does not count in the current period (the limits module
 * computes periods and spend; this is only storage).
 */
import { inputOneOf, invalidInput, newId, parseNumberArray, storedOneOf, toDate } from './row-helpers.js';
export const BUDGET_SCOPE_TYPES = ['global', 'team', 'user', 'key'];
export const BUDGET_PERIODS = ['daily', 'weekly', 'monthly'];
export const DEFAULT_BUDGET_THRESHOLDS = [50, 80, 100];
export class BudgetsRepository {
    #db;
    constructor(db) {
        this.#db = db;
    }
    async create(input) {
        const now = Date.now();
        const scope = requireScope(input.scopeType, input.scopeId ?? null);
        const row = {
            id: newId('bud'),
            name: requireName(input.name),
            scope_type: scope.scopeType,
            scope_id: scope.scopeId,
            limit_usd: requireLimit(input.limitUsd),
            period: requirePeriod(input.period),
            thresholds_json: JSON.stringify(requireThresholds(input.thresholds ?? [...DEFAULT_BUDGET_THRESHOLDS])),
            reset_at: null,
            created_at: now,
            updated_at: now,
        };
        await this.#db.insertInto('budgets').values(row).execute();
        return toRecord(row);
    }
    async findById(id) {
        const row = await this.#db.selectFrom('budgets').selectAll().where('id', '=', id).executeTakeFirst();
        return row === undefined ? null : toRecord(row);
    }
    /** Budgets, oldest first; filtered by scope when given (scopeId null means the global ones). */
    async list(filter = {}) {
        let query = this.#db.selectFrom('budgets').selectAll();
        if (filter.scopeType !== undefined)
            query = query.where('scope_type', '=', filter.scopeType);
        if (filter.scopeId !== undefined)
            query = filter.scopeId === null ? query.where('scope_id', 'is', null) : query.where('scope_id', '=', filter.scopeId);
        const rows = await query.orderBy('created_at').orderBy('id').execute();
        return rows.map(toRecord);
    }
    /** Every budget that applies to a request by this key, user and team, global ones included. */
    async listApplicable(subject) {
        const rows = await this.#db
            .selectFrom('budgets')
            .selectAll()
            .where((eb) => {
            const matches = [eb('scope_type', '=', 'global')];
            if (subject.keyId)
                matches.push(eb.and([eb('scope_type', '=', 'key'), eb('scope_id', '=', subject.keyId)]));
            if (subject.userId)
                matches.push(eb.and([eb('scope_type', '=', 'user'), eb('scope_id', '=', subject.userId)]));
            if (subject.teamId)
                matches.push(eb.and([eb('scope_type', '=', 'team'), eb('scope_id', '=', subject.teamId)]));
            return eb.or(matches);
        })
            .orderBy('created_at')
            .orderBy('id')
            .execute();
        return rows.map(toRecord);
    }
    /** Changes the given fields; null when the budget does not exist. */
    async update(id, input) {
        const changes = { updated_at: Date.now() };
        if (input.name !== undefined)
            changes.name = requireName(input.name);
        if (input.limitUsd !== undefined)
            changes.limit_usd = requireLimit(input.limitUsd);
        if (input.period !== undefined)
            changes.period = requirePeriod(input.period);
        if (input.thresholds !== undefined)
            changes.thresholds_json = JSON.stringify(requireThresholds(input.thresholds));
        await this.#db.updateTable('budgets').set(changes).where('id', '=', id).execute();
        return this.findById(id);
    }
    /** Starts the budget afresh from `at` (default now); null when it does not exist. */
    async reset(id, at = new Date()) {
        await this.#db.updateTable('budgets').set({ reset_at: at.getTime(), updated_at: Date.now() }).where('id', '=', id).execute();
        return this.findById(id);
    }
    async delete(id) {
        const result = await this.#db.deleteFrom('budgets').where('id', '=', id).executeTakeFirst();
        return Number(result.numDeletedRows) > 0;
    }
}
function requireScope(scopeType, scopeId) {
    const type = inputOneOf(BUDGET_SCOPE_TYPES, scopeType, 'scopeType');
    if (type === 'global') {
        if (scopeId !== null)
            throw invalidInput('scopeId', 'A global budget has no scopeId.');
        return { scopeType: 'global', scopeId: null };
    }
    if (scopeId === null || scopeId.trim() === '')
        throw invalidInput('scopeId', `A ${type} budget needs the ${type}'s id as scopeId.`);
    return { scopeType: type, scopeId };
}
function requireName(name) {
    const trimmed = name.trim();
    if (trimmed === '')
        throw invalidInput('name', 'A budget needs a non-empty name.');
    return trimmed;
}
function requireLimit(limitUsd) {
    if (!Number.isFinite(limitUsd) || limitUsd < 0)
        throw invalidInput('limitUsd', `limitUsd must be a number of USD >= 0; got ${limitUsd}.`);
    return limitUsd;
}
function requirePeriod(period) {
    return inputOneOf(BUDGET_PERIODS, period, 'period');
}
/** Percentages in (0, 1000], sorted and without duplicates. */
function requireThresholds(thresholds) {
    for (const threshold of thresholds) {
        if (!Number.isFinite(threshold) || threshold <= 0 || threshold > 1000) {
            throw invalidInput('thresholds', `Thresholds are percentages of the limit between 0 and 1000; got ${threshold}.`);
        }
    }
    return [...new Set(thresholds)].sort((left, right) => left - right);
}
function toRecord(row) {
    return {
        id: row.id,
        name: row.name,
        scopeType: storedOneOf(BUDGET_SCOPE_TYPES, row.scope_type, 'budget scope type'),
        scopeId: row.scope_id,
        limitUsd: Number(row.limit_usd),
        period: storedOneOf(BUDGET_PERIODS, row.period, 'budget period'),
        thresholds: parseNumberArray(row.thresholds_json),
        resetAt: toDate(row.reset_at),
        createdAt: new Date(Number(row.created_at)),
        updatedAt: new Date(Number(row.updated_at)),
    };
}
//# sourceMappingURL=budgets-repository.js.map