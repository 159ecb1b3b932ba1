/**
 * One suite for every CounterStore (memory, Redis, Redis with failover): exact counts at a window's
 * boundary, all-or-nothing across counters, unchecked adds, and one limit shared by two replicas
 * under concurrent load. Time is driven through nowMs; nothing sleeps.
 */

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CounterStore, WindowCounter } from '../../src/pipeline/ports.js';

export interface CounterStoreFixture {
  /** Two handles on the same counters, standing in for two gateway replicas (the same object for memory). */
  replicas: [CounterStore, CounterStore];
  close(): Promise<void>;
}

export interface CounterStoreConformanceOptions {
  name: string;
  open(): Promise<CounterStoreFixture>;
}

const MINUTE = 60_000;
/** A window start: a multiple of one minute (and of fifteen minutes). */
const WINDOW_START = 28_333_335 * MINUTE;

function requests(key: string, limit: number, windowMs = MINUTE): WindowCounter {
  return { key, windowMs, limit, amount: 1 };
}

export function runCounterStoreConformance(options: CounterStoreConformanceOptions): void {
  const withStore = (name: string, body: (fixture: CounterStoreFixture) => Promise<void>) =>
    test(`${options.name} counter store: ${name}`, async () => {
      const fixture = await options.open();
      try {
        await body(fixture);
      } finally {
        await fixture.close();
      }
    });

  withStore('limit 5 allows 5, refuses the 6th with remaining 0 and the window end, allows again in the next window', async ({ replicas: [store] }) => {
    const counter = requests('rl:key:k1:requests:60000', 5);
    for (let index = 0; index < 5; index += 1) {
      const result = await store.take([counter], WINDOW_START + index * 1_000);
      assert.equal(result.allowed, true, `request ${index + 1}`);
      assert.deepEqual(result.states, [{ key: counter.key, limit: 5, used: index + 1, remaining: 4 - index, resetAtMs: WINDOW_START + MINUTE }]);
      assert.deepEqual(result.blocked, []);
    }
    const sixth = await store.take([counter], WINDOW_START + MINUTE - 1);
    assert.equal(sixth.allowed, false);
    assert.deepEqual(sixth.blocked, [counter.key]);
    assert.deepEqual(sixth.states, [{ key: counter.key, limit: 5, used: 5, remaining: 0, resetAtMs: WINDOW_START + MINUTE }]);

    const nextWindow = await store.take([counter], WINDOW_START + MINUTE);
    assert.equal(nextWindow.allowed, true);
    assert.deepEqual(nextWindow.states, [{ key: counter.key, limit: 5, used: 1, remaining: 4, resetAtMs: WINDOW_START + 2 * MINUTE }]);
  });

  withStore('windows are aligned to multiples of windowMs since the epoch', async ({ replicas: [store] }) => {
    const quarter = 15 * MINUTE;
    const result = await store.take([requests('rl:aligned', 100, quarter)], WINDOW_START + 7 * MINUTE + 123);
    assert.equal(result.states[0].resetAtMs, WINDOW_START + quarter);
  });

  withStore('all or nothing: one counter over its limit adds to none', async ({ replicas: [store] }) => {
    const wide = requests('rl:user:u1:requests:60000', 10);
    const narrow = requests('rl:team:t1:requests:60000', 2);
    const hourly = requests('rl:user:u1:requests:3600000', 100, 60 * MINUTE);
    for (let index = 0; index < 2; index += 1) assert.equal((await store.take([wide, narrow, hourly], WINDOW_START)).allowed, true);

    const refused = await store.take([wide, narrow, hourly], WINDOW_START);
    assert.equal(refused.allowed, false);
    assert.deepEqual(refused.blocked, [narrow.key]);
    assert.deepEqual(refused.states.map((state) => state.used), [2, 2, 2]);

    const wideAlone = await store.take([wide, hourly], WINDOW_START);
    assert.equal(wideAlone.allowed, true);
    assert.deepEqual(wideAlone.states.map((state) => state.used), [3, 3]);
  });

  withStore('names every counter that would overflow', async ({ replicas: [store] }) => {
    const first = { ...requests('rl:a', 1), amount: 2 };
    const second = { ...requests('rl:b', 3), amount: 2 };
    const third = { ...requests('rl:c', 1), amount: 2 };
    const result = await store.take([first, second, third], WINDOW_START);
    assert.equal(result.allowed, false);
    assert.deepEqual(result.blocked, ['rl:a', 'rl:c']);
    assert.deepEqual(result.states.map((state) => state.used), [0, 0, 0]);
  });

  withStore('token amounts: a request fits only when its whole amount fits', async ({ replicas: [store] }) => {
    const tokens = { key: 'rl:key:k1:tokens:60000', windowMs: MINUTE, limit: 100, amount: 30 };
    for (let index = 0; index < 3; index += 1) assert.equal((await store.take([tokens], WINDOW_START)).allowed, true);
    const over = await store.take([tokens], WINDOW_START);
    assert.equal(over.allowed, false);
    assert.equal(over.states[0].remaining, 10);
    const exact = await store.take([{ ...tokens, amount: 10 }], WINDOW_START);
    assert.equal(exact.allowed, true);
    assert.equal(exact.states[0].remaining, 0);
  });

  withStore('the same key twice in one call must fit with both amounts', async ({ replicas: [store] }) => {
    const counter = requests('rl:twice', 1);
    const result = await store.take([counter, counter], WINDOW_START);
    assert.equal(result.allowed, false);
    assert.equal((await store.take([counter], WINDOW_START)).allowed, true);
  });

  withStore('add() counts without checking, and giving back never goes below zero', async ({ replicas: [store] }) => {
    const tokens = { key: 'rl:key:k2:tokens:60000', windowMs: MINUTE, limit: 100, amount: 40 };
    assert.equal((await store.take([tokens], WINDOW_START)).allowed, true);
    await store.add([{ key: tokens.key, windowMs: MINUTE, amount: 500 }], WINDOW_START + 1);
    const full = await store.take([{ ...tokens, amount: 1 }], WINDOW_START + 2);
    assert.equal(full.allowed, false);
    assert.equal(full.states[0].used, 540);

    await store.add([{ key: tokens.key, windowMs: MINUTE, amount: -10_000 }], WINDOW_START + 3);
    const after = await store.take([tokens], WINDOW_START + 4);
    assert.equal(after.allowed, true);
    assert.equal(after.states[0].used, 40);
  });

  withStore('an empty take is allowed and an empty add does nothing', async ({ replicas: [store] }) => {
    assert.deepEqual(await store.take([], WINDOW_START), { allowed: true, states: [], blocked: [] });
    await store.add([], WINDOW_START);
  });

  withStore('200 concurrent takes split over two replicas against limit 20: exactly 20 allowed', async ({ replicas }) => {
    const counter = requests('rl:key:shared:requests:60000', 20);
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, index) => replicas[index % 2].take([counter], WINDOW_START + (index % 50))),
    );
    assert.equal(results.filter((result) => result.allowed).length, 20);
    for (const result of results.filter((item) => !item.allowed)) {
      assert.deepEqual(result.states[0], { key: counter.key, limit: 20, used: 20, remaining: 0, resetAtMs: WINDOW_START + MINUTE });
    }
    const check = await replicas[1].take([{ ...counter, amount: 0 }], WINDOW_START);
    assert.equal(check.states[0].used, 20);
  });
}
