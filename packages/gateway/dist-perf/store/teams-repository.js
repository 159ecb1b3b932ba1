/**
 * Teams in the `teams` table. Users and keys name their team by id; a team's name is unique and
 * can be used in its place on the command line (findByIdOrName).
 */
import { invalidInput, newId, withConflictMessage } from './row-helpers.js';
export class TeamsRepository {
    #db;
    constructor(db) {
        this.#db = db;
    }
    /** Creates a team; SY_ERR_CONFLICT (409) when the name is taken. */
    async create(input) {
        const row = { id: newId('team'), name: requireName(input.name), created_at: Date.now() };
        await withConflictMessage(() => this.#db.insertInto('teams').values(row).execute(), `A team named "${row.name}" already exists.`);
        return toRecord(row);
    }
    /** All teams by name. */
    async list() {
        const rows = await this.#db.selectFrom('teams').selectAll().orderBy('name').execute();
        return rows.map(toRecord);
    }
    async findById(id) {
        const row = await this.#db.selectFrom('teams').selectAll().where('id', '=', id).executeTakeFirst();
        return row === undefined ? null : toRecord(row);
    }
    async findByName(name) {
        const row = await this.#db.selectFrom('teams').selectAll().where('name', '=', name.trim()).executeTakeFirst();
        return row === undefined ? null : toRecord(row);
    }
    /** A team named by its id (`team_…`) or its name. */
    async findByIdOrName(idOrName) {
        return (await this.findById(idOrName.trim())) ?? (await this.findByName(idOrName));
    }
    /** Renames a team; null when it does not exist, SY_ERR_CONFLICT when the name is taken. */
    async rename(id, name) {
        const trimmed = requireName(name);
        await withConflictMessage(() => this.#db.updateTable('teams').set({ name: trimmed }).where('id', '=', id).execute(), `A team named "${trimmed}" already exists.`);
        return this.findById(id);
    }
    /**
     * Deletes a team and detaches its users and keys (their team_id becomes null) in one
     * transaction. Budgets and rate limits scoped to the team are left for the caller to remove.
     * True when the team existed.
     */
    async delete(id) {
        return this.#db.transaction().execute(async (transaction) => {
            await transaction.updateTable('users').set({ team_id: null, updated_at: Date.now() }).where('team_id', '=', id).execute();
            await transaction.updateTable('api_keys').set({ team_id: null }).where('team_id', '=', id).execute();
            const result = await transaction.deleteFrom('teams').where('id', '=', id).executeTakeFirst();
            return Number(result.numDeletedRows) > 0;
        });
    }
}
function requireName(name) {
    const trimmed = name.trim();
    if (trimmed === '')
        throw invalidInput('name', 'A team needs a non-empty name.');
    return trimmed;
}
function toRecord(row) {
    return { id: row.id, name: row.name, createdAt: new Date(Number(row.created_at)) };
}
//# sourceMappingURL=teams-repository.js.map