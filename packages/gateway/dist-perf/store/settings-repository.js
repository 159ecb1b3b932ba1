/**
 * Key/value settings in the `settings` table (for example the generated master key's hash).
 * Values are text; callers that store structured data serialise it themselves.
 */
export class SettingsRepository {
    #db;
    constructor(db) {
        this.#db = db;
    }
    async get(key) {
        const row = await this.#db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
        return row === undefined ? null : row.value;
    }
    /** Inserts or replaces a value. */
    async set(key, value) {
        const updatedAt = Date.now();
        await this.#db
            .insertInto('settings')
            .values({ key, value, updated_at: updatedAt })
            .onConflict((conflict) => conflict.column('key').doUpdateSet({ value, updated_at: updatedAt }))
            .execute();
    }
    /**
     * Stores a value only when the key has none yet, and returns the value that is stored afterwards
     * (this one, or the one another process stored first): safe for replicas starting together.
     */
    async setIfAbsent(key, value) {
        await this.#db
            .insertInto('settings')
            .values({ key, value, updated_at: Date.now() })
            .onConflict((conflict) => conflict.column('key').doNothing())
            .execute();
        return (await this.get(key)) ?? value;
    }
    /** Removes a value; true when there was one. */
    async delete(key) {
        const result = await this.#db.deleteFrom('settings').where('key', '=', key).executeTakeFirst();
        return Number(result.numDeletedRows) > 0;
    }
}
//# sourceMappingURL=settings-repository.js.map