/**
 * Provider credentials added through the management API, in `provider_credentials`. This table
 * holds ciphertext only (made by governance/secret-box.ts) and a hint of at most 4 characters;
 * list() and findById() return the hint and never the ciphertext, and only findCiphertext() and
 * listCiphertexts() hand ciphertext out, for the code that decrypts it to call a provider.
 */
import { invalidInput, newId, withConflictMessage } from './row-helpers.js';
const MAX_HINT_LENGTH = 4;
export class ProviderCredentialsRepository {
    #db;
    constructor(db) {
        this.#db = db;
    }
    /** Stores a credential; SY_ERR_CONFLICT when the provider already has one of this name. */
    async create(input) {
        const now = Date.now();
        const row = {
            id: newId('cred'),
            provider: requireText(input.provider, 'provider'),
            name: requireText(input.name, 'name'),
            ciphertext: requireText(input.ciphertext, 'ciphertext'),
            hint: requireHint(input.hint),
            created_at: now,
            updated_at: now,
        };
        await withConflictMessage(() => this.#db.insertInto('provider_credentials').values(row).execute(), `Provider ${row.provider} already has a credential named "${row.name}".`);
        return toRecord(row);
    }
    /** Every credential (hints only), by provider then name. */
    async list(filter = {}) {
        let query = this.#db.selectFrom('provider_credentials').select(RECORD_COLUMNS);
        if (filter.provider !== undefined)
            query = query.where('provider', '=', filter.provider);
        const rows = await query.orderBy('provider').orderBy('name').execute();
        return rows.map(toRecord);
    }
    async findById(id) {
        const row = await this.#db.selectFrom('provider_credentials').select(RECORD_COLUMNS).where('id', '=', id).executeTakeFirst();
        return row === undefined ? null : toRecord(row);
    }
    /** The ciphertext of one credential, to decrypt; null when it does not exist. */
    async findCiphertext(id) {
        const row = await this.#db.selectFrom('provider_credentials').selectAll().where('id', '=', id).executeTakeFirst();
        return row === undefined ? null : { record: toRecord(row), ciphertext: row.ciphertext };
    }
    /** Every credential with its ciphertext, to load them all at start-up. */
    async listCiphertexts() {
        const rows = await this.#db.selectFrom('provider_credentials').selectAll().orderBy('provider').orderBy('name').execute();
        return rows.map((row) => ({ record: toRecord(row), ciphertext: row.ciphertext }));
    }
    /** Renames or replaces the secret (pass ciphertext and hint together); null when it does not exist. */
    async update(id, input) {
        if ((input.ciphertext === undefined) !== (input.hint === undefined)) {
            throw invalidInput('hint', 'Replace a credential with its ciphertext and its hint together.');
        }
        const changes = { updated_at: Date.now() };
        if (input.name !== undefined)
            changes.name = requireText(input.name, 'name');
        if (input.ciphertext !== undefined)
            changes.ciphertext = requireText(input.ciphertext, 'ciphertext');
        if (input.hint !== undefined)
            changes.hint = requireHint(input.hint);
        await withConflictMessage(() => this.#db.updateTable('provider_credentials').set(changes).where('id', '=', id).execute(), `That provider already has a credential named "${changes.name ?? ''}".`);
        return this.findById(id);
    }
    async delete(id) {
        const result = await this.#db.deleteFrom('provider_credentials').where('id', '=', id).executeTakeFirst();
        return Number(result.numDeletedRows) > 0;
    }
}
const RECORD_COLUMNS = ['id', 'provider', 'name', 'hint', 'created_at', 'updated_at'];
function requireText(value, param) {
    const trimmed = value.trim();
    if (trimmed === '')
        throw invalidInput(param, `${param} must not be empty.`);
    return trimmed;
}
function requireHint(hint) {
    // A longer "hint" would be a slice of the secret stored in the clear.
    if (hint.length > MAX_HINT_LENGTH)
        throw invalidInput('hint', `A credential hint is at most ${MAX_HINT_LENGTH} characters.`);
    return hint;
}
function toRecord(row) {
    return {
        id: row.id,
        provider: row.provider,
        name: row.name,
        hint: row.hint,
        createdAt: new Date(Number(row.created_at)),
        updatedAt: new Date(Number(row.updated_at)),
    };
}
//# sourceMappingURL=provider-credentials-repository.js.map