/**
 * A BudgetLedger that uses Redis and, while Redis fails or does not answer, the local ledger, so
 * requests keep flowing with per-replica budgets (DESIGN.md, "Redis unavailable"). The rules:
 * - a reservation made locally is settled or released locally (its id says so), and the spend it
 *   books is added to Redis once Redis answers again;
 * - a settle or release of a Redis reservation that fails is queued and replayed on recovery
 *   (closing is idempotent by id, so a replay that already happened is a no-op);
 * - a reserve that fails in Redis is answered locally and its Redis id is queued for release, in
 *   case the script ran after all (a timeout is not a refusal); the released id also blocks a late
 *   arrival of that reserve.
 * The queue is bounded (oldest dropped with a warning): an outage long enough to fill it loses only
 * the bookkeeping of reservations, never blocks a request.
 */
import { randomUUID } from 'node:crypto';
import { distinctPeriods, periodId } from './budget-keys.js';
import { FailoverState } from './failover-state.js';
import { LOCAL_RESERVATION_PREFIX } from './memory-budget-ledger.js';
import { fromMicroUsd, toMicroUsd } from './micro-usd.js';
export class FailoverBudgetLedger {
    primary;
    fallback;
    logger;
    maxPending;
    state;
    pending = [];
    /** Spend settled locally and not yet added to Redis, in micro-dollars per budget period. */
    unsyncedSpend = new Map();
    syncing = null;
    constructor(options) {
        this.primary = options.primary;
        this.fallback = options.fallback;
        this.logger = options.logger;
        this.maxPending = options.maxPending ?? 10_000;
        this.state = new FailoverState(options, () => this.sync());
    }
    /** True while answering from the local ledger. */
    get degraded() {
        return this.state.isDegraded;
    }
    /** Operations and local spend waiting for Redis (for tests and metrics). */
    get backlog() {
        return { operations: this.pending.length, budgets: this.unsyncedSpend.size };
    }
    /** Probes Redis now and replays the backlog; resolves true when Redis is in use again. */
    checkNow() {
        return this.state.check();
    }
    async reserve(budgets, amountUsd) {
        if (this.state.usePrimary()) {
            const id = randomUUID();
            try {
                return await this.primary.reserveWithId(budgets, amountUsd, id);
            }
            catch (error) {
                this.state.absorb(error);
                const refs = distinctPeriods(budgets).map(({ budgetId, periodKey, resetAtMs }) => ({ budgetId, periodKey, resetAtMs }));
                this.enqueue({ kind: 'release', reservation: { id, amountUsd, budgets: refs } });
            }
        }
        return this.fallback.reserve(budgets, amountUsd);
    }
    async settle(reservation, actualUsd) {
        if (isLocal(reservation)) {
            // Checked and settled in the same tick: only the first settle hands spend over to Redis.
            const wasOpen = this.fallback.isOpen(reservation.id);
            await this.fallback.settle(reservation, actualUsd);
            if (wasOpen)
                this.noteLocalSpend(reservation, actualUsd);
            return;
        }
        await this.onPrimary({ kind: 'settle', reservation, actualUsd });
    }
    async release(reservation) {
        if (isLocal(reservation))
            return this.fallback.release(reservation);
        await this.onPrimary({ kind: 'release', reservation });
    }
    async read(budgetId, periodKey) {
        if (this.state.usePrimary()) {
            try {
                return await this.primary.read(budgetId, periodKey);
            }
            catch (error) {
                this.state.absorb(error);
            }
        }
        return this.fallback.read(budgetId, periodKey);
    }
    /** Seeds both: Redis for every replica, the local ledger as the baseline for an outage. */
    async seed(budgetId, periodKey, spentUsd, resetAtMs) {
        await this.fallback.seed(budgetId, periodKey, spentUsd, resetAtMs);
        await this.onPrimary({ kind: 'seed', ref: { budgetId, periodKey, resetAtMs }, spentUsd });
    }
    /** Runs an operation on Redis, or queues it for replay when Redis is unreachable. */
    async onPrimary(operation) {
        if (!this.state.usePrimary())
            return this.enqueue(operation);
        try {
            await this.apply(operation);
        }
        catch (error) {
            this.state.absorb(error);
            this.enqueue(operation);
        }
    }
    apply(operation) {
        if (operation.kind === 'settle')
            return this.primary.settle(operation.reservation, operation.actualUsd);
        if (operation.kind === 'release')
            return this.primary.release(operation.reservation);
        return this.primary.seed(operation.ref.budgetId, operation.ref.periodKey, operation.spentUsd, operation.ref.resetAtMs);
    }
    enqueue(operation) {
        if (this.pending.length >= this.maxPending) {
            const dropped = this.pending.shift();
            this.logger.warn({ kind: dropped?.kind, maxPending: this.maxPending }, 'budget operations waiting for redis exceed the limit; dropping the oldest');
        }
        this.pending.push(operation);
    }
    noteLocalSpend(reservation, actualUsd) {
        const micro = Math.max(0, toMicroUsd(actualUsd));
        if (micro === 0)
            return;
        for (const ref of distinctPeriods(reservation.budgets)) {
            const id = periodId(ref.budgetId, ref.periodKey);
            const entry = this.unsyncedSpend.get(id) ?? { ref: { budgetId: ref.budgetId, periodKey: ref.periodKey, resetAtMs: ref.resetAtMs }, micro: 0 };
            entry.micro += micro;
            this.unsyncedSpend.set(id, entry);
        }
        // A local reservation settled after Redis came back: hand its spend over now.
        if (!this.state.isDegraded) {
            this.sync().catch((error) => this.state.failed(error));
        }
    }
    /** Replays queued operations and adds local spend to Redis; one run at a time; throws on the first failure. */
    sync() {
        this.syncing ??= this.replay().finally(() => {
            this.syncing = null;
        });
        return this.syncing;
    }
    async replay() {
        while (this.pending.length > 0) {
            const operation = this.pending[0];
            await this.apply(operation);
            // Look it up again: a full queue may have dropped it while we waited.
            const index = this.pending.indexOf(operation);
            if (index >= 0)
                this.pending.splice(index, 1);
        }
        for (const [id, entry] of this.unsyncedSpend) {
            // Spend noted while this call was under way stays for the next run.
            const micro = entry.micro;
            await this.primary.addSpend(entry.ref, fromMicroUsd(micro));
            entry.micro -= micro;
            if (entry.micro === 0)
                this.unsyncedSpend.delete(id);
        }
    }
}
function isLocal(reservation) {
    return reservation.id.startsWith(LOCAL_RESERVATION_PREFIX);
}
//# sourceMappingURL=failover-budget-ledger.js.map