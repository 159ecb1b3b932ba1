/**
 * The in-process BudgetLedger: spend and reservations per budget and period in Maps, in integer
 * micro-dollars. Used on a single replica and as the local answer while Redis is unreachable.
 * Periods are forgotten some time after their reset; a reservation is settled or released once.
 */
import { randomBytes } from 'node:crypto';
import { DEFAULT_RETENTION_MS, distinctPeriods, periodId } from './budget-keys.js';
import { fromMicroUsd, toMicroUsd } from './micro-usd.js';
/** Ids of reservations made here start with this, so a failover wrapper knows to settle them here. */
export const LOCAL_RESERVATION_PREFIX = 'local_';
export class MemoryBudgetLedger {
    periods = new Map();
    reservations = new Map();
    now;
    retentionMs;
    sweepIntervalMs;
    nextSweepAtMs = Number.NEGATIVE_INFINITY;
    /** Reservation ids: this ledger's random prefix and a counter (unique here; a UUID per request cost more). */
    idPrefix = `${LOCAL_RESERVATION_PREFIX}${randomBytes(6).toString('hex')}_`;
    sequence = 0;
    constructor(options = {}) {
        this.now = options.now ?? Date.now;
        this.retentionMs = options.retentionMs ?? DEFAULT_RETENTION_MS;
        this.sweepIntervalMs = options.sweepIntervalMs ?? 60_000;
    }
    /** Periods and open reservations held (for tests and metrics). */
    get size() {
        return { periods: this.periods.size, reservations: this.reservations.size };
    }
    /** True while a reservation made here is neither settled nor released. */
    isOpen(reservationId) {
        return this.reservations.has(reservationId);
    }
    async reserve(budgets, amountUsd) {
        this.sweep();
        const amountMicro = Math.max(0, toMicroUsd(amountUsd));
        const distinct = distinctPeriods(budgets);
        for (const budget of distinct) {
            const entry = this.periods.get(periodId(budget.budgetId, budget.periodKey));
            const spentMicro = entry?.spentMicro ?? 0;
            const reservedMicro = entry?.reservedMicro ?? 0;
            if (spentMicro + reservedMicro + amountMicro > toMicroUsd(budget.limitUsd)) {
                return { ok: false, budget, spentUsd: fromMicroUsd(spentMicro), reservedUsd: fromMicroUsd(reservedMicro) };
            }
        }
        const refs = distinct.map(({ budgetId, periodKey, resetAtMs }) => ({ budgetId, periodKey, resetAtMs }));
        for (const ref of refs)
            this.entryFor(ref).reservedMicro += amountMicro;
        this.sequence += 1;
        const id = `${this.idPrefix}${this.sequence.toString(36)}`;
        this.reservations.set(id, { amountMicro, budgets: refs, expiresAtMs: this.expiryOf(refs) });
        return { ok: true, reservation: { id, amountUsd: fromMicroUsd(amountMicro), budgets: refs } };
    }
    async settle(reservation, actualUsd) {
        this.close(reservation.id, Math.max(0, toMicroUsd(actualUsd)));
    }
    async release(reservation) {
        this.close(reservation.id, 0);
    }
    async read(budgetId, periodKey) {
        const entry = this.periods.get(periodId(budgetId, periodKey));
        return { spentUsd: fromMicroUsd(entry?.spentMicro ?? 0), reservedUsd: fromMicroUsd(entry?.reservedMicro ?? 0) };
    }
    async seed(budgetId, periodKey, spentUsd, resetAtMs) {
        const entry = this.entryFor({ budgetId, periodKey, resetAtMs });
        entry.spentMicro = Math.max(entry.spentMicro, toMicroUsd(spentUsd));
    }
    /** Moves a reservation into spend (or back to nothing). Unknown or already closed ids are a no-op. */
    close(reservationId, spendMicro) {
        const open = this.reservations.get(reservationId);
        if (open === undefined)
            return;
        this.reservations.delete(reservationId);
        for (const ref of open.budgets) {
            const entry = this.entryFor(ref);
            entry.reservedMicro = Math.max(0, entry.reservedMicro - open.amountMicro);
            entry.spentMicro += spendMicro;
        }
    }
    entryFor(ref) {
        const id = periodId(ref.budgetId, ref.periodKey);
        let entry = this.periods.get(id);
        if (entry === undefined) {
            entry = { spentMicro: 0, reservedMicro: 0, expiresAtMs: 0 };
            this.periods.set(id, entry);
        }
        entry.expiresAtMs = Math.max(entry.expiresAtMs, ref.resetAtMs + this.retentionMs);
        return entry;
    }
    expiryOf(refs) {
        let latest = this.now();
        for (const ref of refs)
            latest = Math.max(latest, ref.resetAtMs);
        return latest + this.retentionMs;
    }
    sweep() {
        const nowMs = this.now();
        if (nowMs < this.nextSweepAtMs)
            return;
        this.nextSweepAtMs = nowMs + this.sweepIntervalMs;
        for (const [id, entry] of this.periods)
            if (entry.expiresAtMs <= nowMs)
                this.periods.delete(id);
        for (const [id, open] of this.reservations)
            if (open.expiresAtMs <= nowMs)
                this.reservations.delete(id);
    }
}
//# sourceMappingURL=memory-budget-ledger.js.map