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

/** Most counter keys whose current storage key is remembered; the memo starts over when full. */
const LAST_KEYS_SIZE = 10_000;

export class MemoryCounterStore implements CounterStore {
  private readonly windows = new Map<string, WindowEntry>();
  /** The storage key of each counter's current window, so that it is not rebuilt per call. */
  private readonly lastKeys = new Map<string, { startMs: number; storageKey: string }>();
  private readonly sweepIntervalMs: number;
  private nextSweepAtMs = Number.NEGATIVE_INFINITY;

  constructor(options: MemoryCounterStoreOptions = {}) {
    this.sweepIntervalMs = options.sweepIntervalMs ?? 60_000;
  }

  /** Number of windows held (for tests and metrics). */
  get size(): number {
    return this.windows.size;
  }

  // Synchronous, so check and add happen without another call in between, and the request path
  // takes no microtask here. Written with plain loops and no intermediate objects: the data plane
  // calls this on every request.
  take(counters: readonly WindowCounter[], nowMs: number): TakeResult {
    this.sweep(nowMs);
    const count = counters.length;
    const storageKeys: string[] = new Array(count);
    const endsMs: number[] = new Array(count);
    const amounts: number[] = new Array(count);
    const currents: number[] = new Array(count);
    let blocked: string[] | null = null;
    for (let index = 0; index < count; index += 1) {
      const counter = counters[index];
      const window = fixedWindow(nowMs, counter.windowMs);
      const storageKey = this.storageKeyOf(counter.key, window.startMs);
      const amount = wholeAmount(counter.amount);
      const current = this.windows.get(storageKey)?.count ?? 0;
      // A key named twice must fit with both amounts.
      let addedSoFar = amount;
      for (let earlier = 0; earlier < index; earlier += 1) if (storageKeys[earlier] === storageKey) addedSoFar += amounts[earlier];
      storageKeys[index] = storageKey;
      endsMs[index] = window.endMs;
      amounts[index] = amount;
      currents[index] = current;
      if (current + addedSoFar > counter.limit) (blocked ??= []).push(counter.key);
    }
    const allowed = blocked === null;
    const states: WindowCounterState[] = new Array(count);
    for (let index = 0; index < count; index += 1) {
      const counter = counters[index];
      let used = currents[index];
      if (allowed) {
        const entry = this.entryFor(storageKeys[index], endsMs[index]);
        entry.count = Math.max(0, entry.count + amounts[index]);
        used = entry.count;
      }
      states[index] = { key: counter.key, limit: counter.limit, used, remaining: Math.max(0, counter.limit - used), resetAtMs: endsMs[index] };
    }
    return { allowed, states, blocked: blocked ?? [] };
  }

  async add(counters: ReadonlyArray<Pick<WindowCounter, 'key' | 'windowMs' | 'amount'>>, nowMs: number): Promise<void> {
    this.sweep(nowMs);
    for (const counter of counters) {
      const window = fixedWindow(nowMs, counter.windowMs);
      const storageKey = this.storageKeyOf(counter.key, window.startMs);
      const amount = wholeAmount(counter.amount);
      // Giving back to a window that holds nothing (it already ended) has nothing to give back to.
      if (amount <= 0 && !this.windows.has(storageKey)) continue;
      const entry = this.entryFor(storageKey, window.endMs);
      entry.count = Math.max(0, entry.count + amount);
    }
  }

  /** `key:startMs`, made once per key and window rather than on every call. */
  private storageKeyOf(key: string, startMs: number): string {
    const last = this.lastKeys.get(key);
    if (last !== undefined && last.startMs === startMs) return last.storageKey;
    const storageKey = windowKey(key, startMs);
    if (last !== undefined) {
      last.startMs = startMs;
      last.storageKey = storageKey;
    } else {
      if (this.lastKeys.size >= LAST_KEYS_SIZE) this.lastKeys.clear();
      this.lastKeys.set(key, { startMs, storageKey });
    }
    return storageKey;
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
