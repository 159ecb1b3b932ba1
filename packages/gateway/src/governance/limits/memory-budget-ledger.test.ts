import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runBudgetLedgerConformance } from '../../../test/governance/budget-ledger-conformance.js';
import { LOCAL_RESERVATION_PREFIX, MemoryBudgetLedger } from './memory-budget-ledger.js';

runBudgetLedgerConformance({
  name: 'memory',
  open: async () => {
    const ledger = new MemoryBudgetLedger();
    return { replicas: [ledger, ledger], close: async () => {} };
  },
});

test('memory budget ledger: reservation ids say they are local', async () => {
  const ledger = new MemoryBudgetLedger();
  const result = await ledger.reserve([{ budgetId: 'b', label: 'b', limitUsd: 1, periodKey: 'p', resetAtMs: Date.now() + 1_000 }], 0.1);
  assert.equal(result.ok && result.reservation.id.startsWith(LOCAL_RESERVATION_PREFIX), true);
});

test('memory budget ledger: periods and forgotten reservations are dropped some time after the reset', async () => {
  let nowMs = 1_000_000;
  const ledger = new MemoryBudgetLedger({ now: () => nowMs, retentionMs: 5_000, sweepIntervalMs: 0 });
  const resetAtMs = nowMs + 10_000;
  for (let index = 0; index < 100; index += 1) {
    await ledger.reserve([{ budgetId: `key:${index}`, label: 'key', limitUsd: 1, periodKey: 'p', resetAtMs }], 0.1);
  }
  assert.deepEqual(ledger.size, { periods: 100, reservations: 100 });
  nowMs = resetAtMs + 4_999;
  await ledger.reserve([{ budgetId: 'key:next', label: 'key', limitUsd: 1, periodKey: 'q', resetAtMs: nowMs + 10_000 }], 0.1);
  assert.deepEqual(ledger.size, { periods: 101, reservations: 101 }, 'kept during the retention time');
  nowMs = resetAtMs + 5_000;
  await ledger.reserve([{ budgetId: 'key:next', label: 'key', limitUsd: 1, periodKey: 'q', resetAtMs: nowMs + 10_000 }], 0.1);
  assert.deepEqual(ledger.size, { periods: 1, reservations: 2 });
});
