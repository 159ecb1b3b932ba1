/**
 * The in-process BudgetLedger: spend and reservations per budget and period in Maps, in integer
 * micro-dollars. Used on a single replica and as the local answer while Redis is unreachable.
 * Periods are forgotten some time after their reset; a reservation is settled or released once.
 */

import { randomBytes } from 'node:crypto';
import type { BudgetLedger, BudgetReservation, BudgetReserveResult, BudgetWindow } from '../../pipeline/ports.js';
import { type BudgetPeriodRef, DEFAULT_RETENTION_MS, distinctPeriods, periodId } from './budget-keys.js';
import { fromMicroUsd, toMicroUsd } from './micro-usd.js';

/** Ids of reservations made here start with this, so a failover wrapper knows to settle them here. */
export const LOCAL_RESERVATION_PREFIX = 'local_';

export interface MemoryBudgetLedgerOptions {
  /** Clock for expiring periods. Default Date.now. */
  now?: () => number;
  /** How long a period is kept after its reset. Default 2 days. */
  retentionMs?: number;
  /** At most one sweep of expired periods per this many ms. Default 60 s. */
  sweepIntervalMs?: number;
}

interface PeriodEntry {
  spentMicro: number;
  reservedMicro: number;
  expiresAtMs: number;
}

interface OpenReservation {
  amountMicro: number;
  budgets: BudgetPeriodRef[];
  expiresAtMs: number;
}

export class MemoryBudgetLedger implements BudgetLedger {
  private readonly periods = new Map<string, PeriodEntry>();
  private readonly reservations = new Map<string, OpenReservation>();
  private readonly now: () => number;
  private readonly retentionMs: number;
  private readonly sweepIntervalMs: number;
  private nextSweepAtMs = Number.NEGATIVE_INFINITY;
  /** Reservation ids: this ledger's random prefix and a counter (unique here; a UUID per request cost more). */
  private readonly idPrefix = `${LOCAL_RESERVATION_PREFIX}${randomBytes(6).toString('hex')}_`;
  private sequence = 0;

  constructor(options: MemoryBudgetLedgerOptions = {}) {
    this.now = options.now ?? Date.now;
    this.retentionMs = options.retentionMs ?? DEFAULT_RETENTION_MS;
    this.sweepIntervalMs = options.sweepIntervalMs ?? 60_000;
  }

  /** Periods and open reservations held (for tests and metrics). */
  get size(): { periods: number; reservations: number } {
    return { periods: this.periods.size, reservations: this.reservations.size };
  }

  /** True while a reservation made here is neither settled nor released. */
  isOpen(reservationId: string): boolean {
    return this.reservations.has(reservationId);
  }

  /** Synchronous: check and reserve happen without another call in between, and without a microtask. */
  reserve(budgets: readonly BudgetWindow[], amountUsd: number): BudgetReserveResult {
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
    for (const ref of refs) this.entryFor(ref).reservedMicro += amountMicro;
    this.sequence += 1;
    const id = `${this.idPrefix}${this.sequence.toString(36)}`;
    this.reservations.set(id, { amountMicro, budgets: refs, expiresAtMs: this.expiryOf(refs) });
    return { ok: true, reservation: { id, amountUsd: fromMicroUsd(amountMicro), budgets: refs } };
  }

  async settle(reservation: BudgetReservation, actualUsd: number): Promise<void> {
    this.close(reservation.id, Math.max(0, toMicroUsd(actualUsd)));
  }

  async release(reservation: BudgetReservation): Promise<void> {
    this.close(reservation.id, 0);
  }

  async read(budgetId: string, periodKey: string): Promise<{ spentUsd: number; reservedUsd: number }> {
    const entry = this.periods.get(periodId(budgetId, periodKey));
    return { spentUsd: fromMicroUsd(entry?.spentMicro ?? 0), reservedUsd: fromMicroUsd(entry?.reservedMicro ?? 0) };
  }

  async seed(budgetId: string, periodKey: string, spentUsd: number, resetAtMs: number): Promise<void> {
    const entry = this.entryFor({ budgetId, periodKey, resetAtMs });
    entry.spentMicro = Math.max(entry.spentMicro, toMicroUsd(spentUsd));
  }

  /** Moves a reservation into spend (or back to nothing). Unknown or already closed ids are a no-op. */
  private close(reservationId: string, spendMicro: number): void {
    const open = this.reservations.get(reservationId);
    if (open === undefined) return;
    this.reservations.delete(reservationId);
    for (const ref of open.budgets) {
      const entry = this.entryFor(ref);
      entry.reservedMicro = Math.max(0, entry.reservedMicro - open.amountMicro);
      entry.spentMicro += spendMicro;
    }
  }

  private entryFor(ref: BudgetPeriodRef): PeriodEntry {
    const id = periodId(ref.budgetId, ref.periodKey);
    let entry = this.periods.get(id);
    if (entry === undefined) {
      entry = { spentMicro: 0, reservedMicro: 0, expiresAtMs: 0 };
      this.periods.set(id, entry);
    }
    entry.expiresAtMs = Math.max(entry.expiresAtMs, ref.resetAtMs + this.retentionMs);
    return entry;
  }

  private expiryOf(refs: readonly BudgetPeriodRef[]): number {
    let latest = this.now();
    for (const ref of refs) latest = Math.max(latest, ref.resetAtMs);
    return latest + this.retentionMs;
  }

  private sweep(): void {
    const nowMs = this.now();
    if (nowMs < this.nextSweepAtMs) return;
    this.nextSweepAtMs = nowMs + this.sweepIntervalMs;
    for (const [id, entry] of this.periods) if (entry.expiresAtMs <= nowMs) this.periods.delete(id);
    for (const [id, open] of this.reservations) if (open.expiresAtMs <= nowMs) this.reservations.delete(id);
  }
}
