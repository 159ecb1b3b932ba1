/**
 * The runtime routing overrides document (what operators changed through the management API on
 * top of the configuration), stored as one JSON row of the `settings` table. Every write bumps a
 * revision and only succeeds when the row is still the one the writer read (compare-and-set), so
 * two replicas changing routing at once cannot silently overwrite each other. The document's
 * shape belongs to the control plane, which validates it on read; here it is opaque JSON.
 */
const SETTING_KEY = 'routing_overrides';
export class RoutingOverridesRepository {
    #db;
    constructor(db) {
        this.#db = db;
    }
    /** The stored overrides, or null when none were ever written. */
    async read() {
        const row = await this.#db.selectFrom('settings').select('value').where('key', '=', SETTING_KEY).executeTakeFirst();
        return row === undefined ? null : decode(row.value);
    }
    /**
     * Writes the next revision over `previous` (null: there was none). Returns the stored record,
     * or null when another writer got there first (re-read and try again).
     */
    async write(input) {
        const updatedAt = Date.now();
        const revision = (input.previous?.revision ?? 0) + 1;
        const text = JSON.stringify({ revision, updatedAt, updatedBy: input.updatedBy, document: input.document });
        if (input.previous === null) {
            const result = await this.#db
                .insertInto('settings')
                .values({ key: SETTING_KEY, value: text, updated_at: updatedAt })
                .onConflict((conflict) => conflict.column('key').doNothing())
                .executeTakeFirst();
            if (Number(result.numInsertedOrUpdatedRows ?? 0n) === 0)
                return null;
        }
        else {
            const result = await this.#db
                .updateTable('settings')
                .set({ value: text, updated_at: updatedAt })
                .where('key', '=', SETTING_KEY)
                .where('value', '=', input.previous.text)
                .executeTakeFirst();
            if (Number(result.numUpdatedRows) === 0)
                return null;
        }
        return { revision, updatedAt, updatedBy: input.updatedBy, document: input.document, text };
    }
}
function decode(text) {
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        parsed = null;
    }
    const record = typeof parsed === 'object' && parsed !== null ? parsed : {};
    return {
        revision: typeof record.revision === 'number' ? record.revision : 0,
        updatedAt: typeof record.updatedAt === 'number' ? record.updatedAt : 0,
        updatedBy: typeof record.updatedBy === 'string' ? record.updatedBy : null,
        document: record.document ?? null,
        text,
    };
}
//# sourceMappingURL=routing-overrides-repository.js.map