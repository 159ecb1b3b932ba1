/**
 * The BudgetLedger shared by replicas: spend and reservations in Redis, in integer micro-dollars,
 * every operation one Lua script, so concurrent reservations from any number of gateway processes
 * cannot together pass a limit. Closing a reservation is idempotent by its id; period hashes expire
 * some time after their reset (DEFAULT_RETENTION_MS), closed reservation records after ten minutes.
 */

import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { BudgetLedger, BudgetReservation, BudgetReserveResult, BudgetWindow } from '../../pipeline/ports.js';
import { type BudgetPeriodRef, DEFAULT_RETENTION_MS, distinctPeriods } from './budget-keys.js';
import { ADD_SPEND_LUA, CLOSE_LUA, RESERVE_LUA, SEED_LUA } from './budget-scripts.js';
import { fromMicroUsd, toMicroUsd } from './micro-usd.js';
import { DEFAULT_KEY_PREFIX } from './redis-key-prefix.js';
import { integerReply, RedisScript } from './redis-script.js';

/** The spend of one budget period as Redis answered it. */
export interface ObservedSpend extends BudgetPeriodRef {
  spentUsd: number;
}

export interface RedisBudgetLedgerOptions {
  client: Redis;
  /** Namespace of every key this ledger writes. Default `switchyard:`. */
  keyPrefix?: string;
  /** Clock for key expiry. Default Date.now. */
  now?: () => number;
  /** How long a period's hash is kept after its reset. Default 2 days. */
  retentionMs?: number;
  /** Told the spend of each budget a successful reserve touched (the failover keeps its local copy close). */
  onSpendObserved?: (observed: ObservedSpend) => void;
}

const RESERVE = new RedisScript(RESERVE_LUA);
const CLOSE = new RedisScript(CLOSE_LUA);
const ADD_SPEND = new RedisScript(ADD_SPEND_LUA);
const SEED = new RedisScript(SEED_LUA);
/** A closed reservation is remembered this long: enough for any late duplicate to find it. */
const CLOSED_RECORD_TTL_MS = 10 * 60 * 1000;

export class RedisBudgetLedger implements BudgetLedger {
  private readonly client: Redis;
  private readonly keyPrefix: string;
  private readonly now: () => number;
  private readonly retentionMs: number;
  private readonly onSpendObserved: ((observed: ObservedSpend) => void) | undefined;

  constructor(options: RedisBudgetLedgerOptions) {
    this.client = options.client;
    this.keyPrefix = options.keyPrefix ?? DEFAULT_KEY_PREFIX;
    this.now = options.now ?? Date.now;
    this.retentionMs = options.retentionMs ?? DEFAULT_RETENTION_MS;
    this.onSpendObserved = options.onSpendObserved;
  }

  async reserve(budgets: readonly BudgetWindow[], amountUsd: number): Promise<BudgetReserveResult> {
    return this.reserveWithId(budgets, amountUsd, randomUUID());
  }

  /** reserve() with a chosen id, so a caller that times out can release that very id later. */
  async reserveWithId(budgets: readonly BudgetWindow[], amountUsd: number, id: string): Promise<BudgetReserveResult> {
    const amountMicro = Math.max(0, toMicroUsd(amountUsd));
    const distinct = distinctPeriods(budgets);
    const refs = distinct.map(({ budgetId, periodKey, resetAtMs }) => ({ budgetId, periodKey, resetAtMs }));
    const ttls = refs.map((ref) => this.periodTtlMs(ref));
    const keys = [this.reservationKey(id), ...refs.map((ref) => this.periodKey(ref))];
    const args = [amountMicro, Math.max(CLOSED_RECORD_TTL_MS, ...ttls), ...distinct.flatMap((budget, index) => [toMicroUsd(budget.limitUsd), ttls[index]])];
    const reply = integerReply(await RESERVE.run(this.client, keys, args), 'budget reserve');
    if (reply[0] === -1) throw new Error(`budget reservation id ${id} was already used`);
    if (reply[0] === 0) {
      const budget = distinct[reply[1] - 1];
      return { ok: false, budget, spentUsd: fromMicroUsd(reply[2]), reservedUsd: fromMicroUsd(reply[3]) };
    }
    refs.forEach((ref, index) => this.onSpendObserved?.({ ...ref, spentUsd: fromMicroUsd(reply[1 + index * 2]) }));
    return { ok: true, reservation: { id, amountUsd: fromMicroUsd(amountMicro), budgets: refs } };
  }

  async settle(reservation: BudgetReservation, actualUsd: number): Promise<void> {
    await this.close(reservation, Math.max(0, toMicroUsd(actualUsd)));
  }

  async release(reservation: BudgetReservation): Promise<void> {
    await this.close(reservation, 0);
  }

  async read(budgetId: string, periodKey: string): Promise<{ spentUsd: number; reservedUsd: number }> {
    const [spent, reserved] = await this.client.hmget(this.periodKey({ budgetId, periodKey }), 'spent', 'reserved');
    return { spentUsd: fromMicroUsd(Number(spent ?? 0)), reservedUsd: fromMicroUsd(Number(reserved ?? 0)) };
  }

  async seed(budgetId: string, periodKey: string, spentUsd: number, resetAtMs: number): Promise<void> {
    const ref = { budgetId, periodKey, resetAtMs };
    await SEED.run(this.client, [this.periodKey(ref)], [Math.max(0, toMicroUsd(spentUsd)), this.periodTtlMs(ref)]);
  }

  /** Books spend that was settled elsewhere (locally, while Redis was unreachable). */
  async addSpend(ref: BudgetPeriodRef, spentUsd: number): Promise<void> {
    await ADD_SPEND.run(this.client, [this.periodKey(ref)], [toMicroUsd(spentUsd), this.periodTtlMs(ref)]);
  }

  private async close(reservation: BudgetReservation, spendMicro: number): Promise<void> {
    const refs = distinctPeriods(reservation.budgets);
    const keys = [this.reservationKey(reservation.id), ...refs.map((ref) => this.periodKey(ref))];
    const args = [spendMicro, CLOSED_RECORD_TTL_MS, ...refs.map((ref) => this.periodTtlMs(ref))];
    await CLOSE.run(this.client, keys, args);
  }

  private periodKey(ref: Pick<BudgetPeriodRef, 'budgetId' | 'periodKey'>): string {
    return `${this.keyPrefix}budget:${ref.budgetId}:${ref.periodKey}`;
  }

  private reservationKey(id: string): string {
    return `${this.keyPrefix}budget-reservation:${id}`;
  }

  private periodTtlMs(ref: BudgetPeriodRef): number {
    return Math.max(0, Math.ceil(ref.resetAtMs - this.now())) + this.retentionMs;
  }
}
