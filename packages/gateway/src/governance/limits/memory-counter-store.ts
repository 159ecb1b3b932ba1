/**
 * The in-process CounterStore: fixed-window counters in a Map, for a single replica (the default)
 * and as the local answer while Redis is unreachable. Windows that have ended are swept now and then,
 * so memory holds only live windows however many keys (IPs, users) pass through over time.
 */

import type { CounterStore, WindowCounter, WindowCounterState } from '../../pipeline/ports.js';
import { fixedWindow, wholeAmount } from './fixed-window.js';

export interface MemoryCounterStoreOptions {
  /** At most one sweep of ended windows per this much time (as seen through nowMs). Default 60 s. */
  sweepIntervalMs?: number;
}

interface WindowEntry {
  count: number;
  endMs: number;
}

type TakeResult = Awaited<ReturnType<CounterStore['take']>>;

export class MemoryCounterStore implements CounterStore {
  private readonly windows = new Map<string, WindowEntry>();
  private readonly sweepIntervalMs: number;
  private nextSweepAtMs = Number.NEGATIVE_INFINITY;

  constructor(options: MemoryCounterStoreOptions = {}) {
    this.sweepIntervalMs = options.sweepIntervalMs ?? 60_000;
  }

  /** Number of windows held (for tests and metrics). */
  get size(): number {
    return this.windows.size;
  }

  // Nothing here awaits, so check and add happen without another call in between.
  async take(counters: readonly WindowCounter[], nowMs: number): Promise<TakeResult> {
    this.sweep(nowMs);
    // Amount this call adds per window so far: a key named twice must fit with both amounts.
    const pending = new Map<string, number>();
    const plans = counters.map((counter) => {
      const window = fixedWindow(nowMs, counter.windowMs);
      const storageKey = windowKey(counter.key, window.startMs);
      const amount = wholeAmount(counter.amount);
      const current = this.windows.get(storageKey)?.count ?? 0;
      const addedSoFar = (pending.get(storageKey) ?? 0) + amount;
      pending.set(storageKey, addedSoFar);
      return { counter, window, storageKey, amount, current, fits: current + addedSoFar <= counter.limit };
    });
    const blocked = plans.filter((plan) => !plan.fits).map((plan) => plan.counter.key);
    const allowed = blocked.length === 0;
    const states: WindowCounterState[] = plans.map((plan) => {
      let used = plan.current;
      if (allowed) {
        const entry = this.entryFor(plan.storageKey, plan.window.endMs);
        entry.count = Math.max(0, entry.count + plan.amount);
        used = entry.count;
      }
      return { key: plan.counter.key, limit: plan.counter.limit, used, remaining: Math.max(0, plan.counter.limit - used), resetAtMs: plan.window.endMs };
    });
    return { allowed, states, blocked };
  }

  async add(counters: ReadonlyArray<Pick<WindowCounter, 'key' | 'windowMs' | 'amount'>>, nowMs: number): Promise<void> {
    this.sweep(nowMs);
    for (const counter of counters) {
      const window = fixedWindow(nowMs, counter.windowMs);
      const storageKey = windowKey(counter.key, window.startMs);
      const amount = wholeAmount(counter.amount);
      // Giving back to a window that holds nothing (it already ended) has nothing to give back to.
      if (amount <= 0 && !this.windows.has(storageKey)) continue;
      const entry = this.entryFor(storageKey, window.endMs);
      entry.count = Math.max(0, entry.count + amount);
    }
  }

  private entryFor(storageKey: string, endMs: number): WindowEntry {
    let entry = this.windows.get(storageKey);
    if (entry === undefined) {
      entry = { count: 0, endMs };
      this.windows.set(storageKey, entry);
    }
    return entry;
  }

  private sweep(nowMs: number): void {
    if (nowMs < this.nextSweepAtMs) return;
    this.nextSweepAtMs = nowMs + this.sweepIntervalMs;
    for (const [storageKey, entry] of this.windows) {
      if (entry.endMs <= nowMs) this.windows.delete(storageKey);
    }
  }
}

function windowKey(key: string, startMs: number): string {
  return `${key}:${startMs}`;
}
