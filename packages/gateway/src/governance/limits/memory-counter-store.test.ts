import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCounterStoreConformance } from '../../../test/governance/counter-store-conformance.js';
import { MemoryCounterStore } from './memory-counter-store.js';

runCounterStoreConformance({
  name: 'memory',
  open: async () => {
    const store = new MemoryCounterStore();
    return { replicas: [store, store], close: async () => {} };
  },
});

test('memory counter store: ended windows are swept, so memory does not grow with time', async () => {
  const store = new MemoryCounterStore({ sweepIntervalMs: 10_000 });
  const start = 1_000 * 60_000;
  for (let index = 0; index < 1_000; index += 1) {
    await store.take([{ key: `rl:ip:10.0.${index}:requests:60000`, windowMs: 60_000, limit: 10, amount: 1 }], start);
  }
  assert.equal(store.size, 1_000);
  // An hour later, one more caller: every window of the first minute has ended.
  await store.take([{ key: 'rl:ip:late:requests:60000', windowMs: 60_000, limit: 10, amount: 1 }], start + 60 * 60_000);
  assert.equal(store.size, 1);
});

test('memory counter store: a window still running survives the sweep', async () => {
  const store = new MemoryCounterStore({ sweepIntervalMs: 0 });
  const hour = 60 * 60_000;
  const counter = { key: 'rl:key:k:requests:3600000', windowMs: hour, limit: 2, amount: 1 };
  await store.take([counter], 0);
  await store.take([{ ...counter, key: 'rl:short', windowMs: 1_000 }], 0);
  const later = await store.take([counter], hour - 1);
  assert.equal(later.states[0].used, 2);
  assert.equal(store.size, 1);
});
