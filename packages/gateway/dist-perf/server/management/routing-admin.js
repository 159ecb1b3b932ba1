/**
 * Runtime routing administration: holds the operators' overrides, stores every change in the
 * database and applies it to the running router and rules at once; loads them at start; and
 * re-reads them every few seconds so that other replicas sharing the database pick up a change
 * made on one of them (no restart anywhere). The configuration stays the base: overrides are
 * applied on top of it each time, never written into it.
 */
import { GatewayError } from '../../core/index.js';
import { applyRoutingOverrides } from '../../routing/apply-overrides.js';
import { emptyOverrides } from '../../routing/routing-overrides.js';
import { overridesDocumentSchema } from './ai-config-schemas.js';
/** How often replicas re-read the stored overrides, ms. */
export const ROUTING_SYNC_INTERVAL_MS = 10_000;
/** Writers that lost a compare-and-set re-read and try again this many times before a 409. */
const WRITE_ATTEMPTS = 5;
export class RoutingAdmin {
    context;
    #router;
    #rules;
    #repository;
    #logger;
    #syncIntervalMs;
    #state = { overrides: emptyOverrides(), revision: 0, updatedAt: null, updatedBy: null, problems: [] };
    #timer = null;
    #syncError = null;
    #refreshing = null;
    constructor(options) {
        this.context = { base: options.base, providers: options.providers };
        this.#router = options.router;
        this.#rules = options.rules;
        this.#repository = options.repository;
        this.#logger = options.logger;
        this.#syncIntervalMs = options.syncIntervalMs ?? ROUTING_SYNC_INTERVAL_MS;
    }
    /** The overrides in force and who stored them. */
    state() {
        return this.#state;
    }
    /** Reads the stored overrides and applies them (at start). */
    async load() {
        this.#install(await this.#repository.read());
    }
    /** Re-reads the stored overrides and applies them when another writer changed them; true when it did. */
    refresh() {
        this.#refreshing ??= this.#refresh().finally(() => {
            this.#refreshing = null;
        });
        return this.#refreshing;
    }
    /**
     * Changes the overrides: `change` gets the latest stored ones and returns the next (or throws a
     * 400); they are stored and applied at once. Retries when another writer got there first.
     */
    async update(change, options) {
        for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt += 1) {
            const stored = await this.#repository.read();
            const before = this.#parse(stored);
            const after = change(structuredClone(before));
            const written = await this.#repository.write({ document: after, updatedBy: options.by, previous: stored });
            if (written) {
                this.#install(written, after);
                return { before, after };
            }
        }
        throw new GatewayError('SY_ERR_CONFLICT', 'The routing configuration kept changing while this change was being saved; read it again and retry.');
    }
    /** Starts re-reading every few seconds (unref'd: it never keeps the process alive). Idempotent. */
    startSync() {
        if (this.#timer)
            return;
        this.#timer = setInterval(() => void this.refresh(), this.#syncIntervalMs);
        this.#timer.unref();
    }
    /** True while the periodic re-read runs (between startSync and stopSync). */
    get syncing() {
        return this.#timer !== null;
    }
    /** The last failed re-read of the stored overrides, or null once one succeeds (for /api/health). */
    syncError() {
        return this.#syncError;
    }
    stopSync() {
        if (this.#timer)
            clearInterval(this.#timer);
        this.#timer = null;
    }
    async #refresh() {
        try {
            const stored = await this.#repository.read();
            this.#syncError = null;
            if ((stored?.revision ?? 0) === this.#state.revision)
                return false;
            this.#install(stored);
            return true;
        }
        catch (error) {
            // The database may be down for a while: keep routing by what was last read.
            this.#syncError = { message: error instanceof Error ? error.message : String(error), atMs: Date.now() };
            this.#logger.warn({ error: error instanceof Error ? error.message : String(error) }, 'could not re-read the routing overrides; keeping the ones in force');
            return false;
        }
    }
    #install(stored, parsed) {
        const overrides = parsed ?? this.#parse(stored);
        const applied = applyRoutingOverrides({ base: this.context.base, providers: this.context.providers, overrides });
        this.#router.reconfigure(applied.table);
        // A rule that sends requests to a disabled group is left out rather than failing them.
        const disabled = new Set(applied.table.groups.filter((group) => !group.enabled).map((group) => group.name));
        this.#rules.replace(applied.rules.filter((rule) => !disabled.has(rule.route)));
        if (applied.problems.length > 0)
            this.#logger.warn({ problems: applied.problems }, 'some stored routing overrides no longer fit the configuration and were skipped');
        this.#state = { overrides, revision: stored?.revision ?? 0, updatedAt: stored?.updatedAt ?? null, updatedBy: stored?.updatedBy ?? null, problems: applied.problems };
    }
    #parse(stored) {
        if (stored === null || stored.document === null)
            return emptyOverrides();
        const result = overridesDocumentSchema.safeParse(stored.document);
        if (result.success)
            return result.data;
        this.#logger.error({ revision: stored.revision, issues: result.error.issues.slice(0, 5) }, 'the stored routing overrides are not valid; routing by the configuration alone');
        return emptyOverrides();
    }
}
//# sourceMappingURL=routing-admin.js.map