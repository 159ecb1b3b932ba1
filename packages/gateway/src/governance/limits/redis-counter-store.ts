/**
 * The CounterStore shared by replicas: fixed-window counters in Redis, each call one Lua script, so
 * a take() checks and adds all its counters atomically however many gateway processes race for the
 * same limit. Window keys expire a little after their window ends; Redis holds only live windows.
 */

import type { Redis } from 'ioredis';
import type { CounterStore, WindowCounter, WindowCounterState } from '../../pipeline/ports.js';
import { ADD_LUA, TAKE_LUA } from './counter-scripts.js';
import { fixedWindow, wholeAmount } from './fixed-window.js';
import { DEFAULT_KEY_PREFIX } from './redis-key-prefix.js';
import { integerReply, RedisScript } from './redis-script.js';

export interface RedisCounterStoreOptions {
  client: Redis;
  /** Namespace of every key this store writes. Default `switchyard:`. */
  keyPrefix?: string;
  /** How long a window key outlives its window, for replicas whose clocks run a little behind. Default 5 s. */
  expirySlackMs?: number;
}

type TakeResult = Awaited<ReturnType<CounterStore['take']>>;

const TAKE = new RedisScript(TAKE_LUA);
const ADD = new RedisScript(ADD_LUA);

export class RedisCounterStore implements CounterStore {
  private readonly client: Redis;
  private readonly keyPrefix: string;
  private readonly expirySlackMs: number;

  constructor(options: RedisCounterStoreOptions) {
    this.client = options.client;
    this.keyPrefix = options.keyPrefix ?? DEFAULT_KEY_PREFIX;
    this.expirySlackMs = options.expirySlackMs ?? 5_000;
  }

  async take(counters: readonly WindowCounter[], nowMs: number): Promise<TakeResult> {
    if (counters.length === 0) return { allowed: true, states: [], blocked: [] };
    const plans = counters.map((counter) => ({ counter, window: fixedWindow(nowMs, counter.windowMs), amount: wholeAmount(counter.amount) }));
    const keys = plans.map((plan) => this.windowKey(plan.counter.key, plan.window.startMs));
    const args = plans.flatMap((plan) => [plan.amount, plan.counter.limit, this.ttlMs(plan.window.endMs, nowMs)]);
    const reply = integerReply(await TAKE.run(this.client, keys, args), 'counter take');
    const allowed = reply[0] === 1;
    const states: WindowCounterState[] = plans.map((plan, index) => {
      const used = reply[index + 1];
      return { key: plan.counter.key, limit: plan.counter.limit, used, remaining: Math.max(0, plan.counter.limit - used), resetAtMs: plan.window.endMs };
    });
    // The script answers only whether all fit; name the counters that did not, as the memory store does.
    const blocked = allowed ? [] : blockedCounters(plans.map((plan, index) => ({ ...plan, used: reply[index + 1] })));
    return { allowed, states, blocked };
  }

  async add(counters: ReadonlyArray<Pick<WindowCounter, 'key' | 'windowMs' | 'amount'>>, nowMs: number): Promise<void> {
    if (counters.length === 0) return;
    const plans = counters.map((counter) => ({ counter, window: fixedWindow(nowMs, counter.windowMs) }));
    const keys = plans.map((plan) => this.windowKey(plan.counter.key, plan.window.startMs));
    const args = plans.flatMap((plan) => [wholeAmount(plan.counter.amount), this.ttlMs(plan.window.endMs, nowMs)]);
    await ADD.run(this.client, keys, args);
  }

  private windowKey(key: string, startMs: number): string {
    return `${this.keyPrefix}counter:${key}:${startMs}`;
  }

  /** Relative expiry, so that a nowMs far from the server's clock (tests, skew) still keeps the key for its window. */
  private ttlMs(endMs: number, nowMs: number): number {
    return Math.max(1, Math.ceil(endMs - nowMs)) + this.expirySlackMs;
  }
}

interface CheckedPlan {
  counter: WindowCounter;
  amount: number;
  used: number;
  window: { startMs: number };
}

/** Same rule as the script: a counter overflows when its window's count plus this call's amounts so far exceeds its limit. */
function blockedCounters(plans: readonly CheckedPlan[]): string[] {
  const pending = new Map<string, number>();
  const blocked: string[] = [];
  for (const plan of plans) {
    const windowId = `${plan.counter.key}:${plan.window.startMs}`;
    const addedSoFar = (pending.get(windowId) ?? 0) + plan.amount;
    pending.set(windowId, addedSoFar);
    if (plan.used + addedSoFar > plan.counter.limit) blocked.push(plan.counter.key);
  }
  return blocked;
}
