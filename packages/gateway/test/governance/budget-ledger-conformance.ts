/**
 * One suite for every BudgetLedger (memory, Redis, Redis with failover): all-or-nothing
 * reservations, settle and release exactly once, periods, seeding, and 200 concurrent requests
 * from two replicas against a budget that allows 20.
 */

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BudgetLedger, BudgetReservation, BudgetWindow } from '../../src/pipeline/ports.js';

export interface BudgetLedgerFixture {
  /** Two handles on the same ledger, standing in for two gateway replicas (the same object for memory). */
  replicas: [BudgetLedger, BudgetLedger];
  close(): Promise<void>;
}

export interface BudgetLedgerConformanceOptions {
  name: string;
  open(): Promise<BudgetLedgerFixture>;
}

const DAY = 24 * 60 * 60 * 1000;

function budget(budgetId: string, limitUsd: number, periodKey = 'p1'): BudgetWindow {
  return { budgetId, label: `budget ${budgetId}`, limitUsd, periodKey, resetAtMs: Date.now() + DAY };
}

function reserved(result: Awaited<ReturnType<BudgetLedger['reserve']>>): BudgetReservation {
  assert.equal(result.ok, true, `expected a reservation, got ${JSON.stringify(result)}`);
  if (!result.ok) throw new Error('unreachable');
  return result.reservation;
}

export function runBudgetLedgerConformance(options: BudgetLedgerConformanceOptions): void {
  const withLedger = (name: string, body: (fixture: BudgetLedgerFixture) => Promise<void>) =>
    test(`${options.name} budget ledger: ${name}`, async () => {
      const fixture = await options.open();
      try {
        await body(fixture);
      } finally {
        await fixture.close();
      }
    });

  withLedger('reserves while spent + reserved + amount fits, refuses beyond and names the budget', async ({ replicas: [ledger] }) => {
    const key = budget('key:k1', 1);
    const first = reserved(await ledger.reserve([key], 0.6));
    assert.equal(first.amountUsd, 0.6);
    assert.deepEqual(first.budgets, [{ budgetId: key.budgetId, periodKey: key.periodKey, resetAtMs: key.resetAtMs }]);
    const refused = await ledger.reserve([key], 0.5);
    assert.deepEqual(refused, { ok: false, budget: key, spentUsd: 0, reservedUsd: 0.6 });
    assert.equal((await ledger.reserve([key], 0.4)).ok, true, 'exactly up to the limit fits');
    assert.deepEqual(await ledger.read(key.budgetId, key.periodKey), { spentUsd: 0, reservedUsd: 1 });
  });

  withLedger('release gives the money back; a second release is a no-op', async ({ replicas: [ledger] }) => {
    const key = budget('key:k2', 1);
    const reservation = reserved(await ledger.reserve([key], 0.7));
    await ledger.release(reservation);
    assert.deepEqual(await ledger.read(key.budgetId, key.periodKey), { spentUsd: 0, reservedUsd: 0 });
    const other = reserved(await ledger.reserve([key], 0.7));
    await ledger.release(reservation);
    assert.deepEqual(await ledger.read(key.budgetId, key.periodKey), { spentUsd: 0, reservedUsd: 0.7 }, 'the old release must not touch the new reservation');
    await ledger.release(other);
  });

  withLedger('settle books the actual cost once; settling or releasing again is a no-op', async ({ replicas: [ledger] }) => {
    const key = budget('key:k3', 5);
    const reservation = reserved(await ledger.reserve([key], 1));
    await ledger.settle(reservation, 0.25);
    assert.deepEqual(await ledger.read(key.budgetId, key.periodKey), { spentUsd: 0.25, reservedUsd: 0 });
    await ledger.settle(reservation, 0.25);
    await ledger.settle(reservation, 3);
    await ledger.release(reservation);
    assert.deepEqual(await ledger.read(key.budgetId, key.periodKey), { spentUsd: 0.25, reservedUsd: 0 });
  });

  withLedger('settle may book more than was reserved', async ({ replicas: [ledger] }) => {
    const key = budget('key:k4', 1);
    await ledger.settle(reserved(await ledger.reserve([key], 0.1)), 0.3);
    assert.deepEqual(await ledger.read(key.budgetId, key.periodKey), { spentUsd: 0.3, reservedUsd: 0 });
  });

  withLedger('all or nothing across budgets: the first that would overflow is named and none is reserved', async ({ replicas: [ledger] }) => {
    const key = budget('key:k5', 1);
    const team = budget('team:t5', 0.5);
    const global = budget('global', 100);
    reserved(await ledger.reserve([key, team, global], 0.4));
    const refused = await ledger.reserve([key, team, global], 0.2);
    assert.equal(refused.ok, false);
    if (refused.ok) return;
    assert.equal(refused.budget.budgetId, team.budgetId);
    assert.equal(refused.reservedUsd, 0.4);
    for (const item of [key, team, global]) {
      assert.deepEqual(await ledger.read(item.budgetId, item.periodKey), { spentUsd: 0, reservedUsd: 0.4 }, item.budgetId);
    }
  });

  withLedger('a new period starts from zero', async ({ replicas: [ledger] }) => {
    const may = budget('team:t6', 1, '1714521600000');
    const june = budget('team:t6', 1, '1717200000000');
    await ledger.settle(reserved(await ledger.reserve([may], 1)), 1);
    assert.equal((await ledger.reserve([may], 0.01)).ok, false);
    assert.deepEqual(await ledger.read(june.budgetId, june.periodKey), { spentUsd: 0, reservedUsd: 0 });
    reserved(await ledger.reserve([june], 1));
  });

  withLedger('seed sets the spend of a period and never lowers it', async ({ replicas: [ledger] }) => {
    const user = budget('user:u7', 10);
    await ledger.seed(user.budgetId, user.periodKey, 4, user.resetAtMs);
    assert.deepEqual(await ledger.read(user.budgetId, user.periodKey), { spentUsd: 4, reservedUsd: 0 });
    await ledger.seed(user.budgetId, user.periodKey, 1, user.resetAtMs);
    assert.equal((await ledger.read(user.budgetId, user.periodKey)).spentUsd, 4);
    await ledger.settle(reserved(await ledger.reserve([user], 1)), 1);
    await ledger.seed(user.budgetId, user.periodKey, 4.5, user.resetAtMs);
    assert.equal((await ledger.read(user.budgetId, user.periodKey)).spentUsd, 5);
    const refused = await ledger.reserve([user], 5.01);
    assert.equal(refused.ok, false);
  });

  withLedger('no float drift: twenty reservations of $0.10 fill a $2.00 budget exactly', async ({ replicas: [ledger] }) => {
    const key = budget('key:k8', 2);
    const reservations: BudgetReservation[] = [];
    for (let index = 0; index < 20; index += 1) reservations.push(reserved(await ledger.reserve([key], 0.1)));
    assert.equal((await ledger.reserve([key], 0.000001)).ok, false);
    for (const reservation of reservations) await ledger.settle(reservation, 0.1);
    assert.deepEqual(await ledger.read(key.budgetId, key.periodKey), { spentUsd: 2, reservedUsd: 0 });
  });

  withLedger('200 concurrent reservations of $0.10 from two replicas against $2.00: 20 succeed, overshoot within the bound', async ({ replicas }) => {
    const key = budget('key:shared', 2);
    const results = await Promise.all(Array.from({ length: 200 }, (_, index) => replicas[index % 2].reserve([key], 0.1)));
    const reservations = results.flatMap((result) => (result.ok ? [result.reservation] : []));
    assert.ok(reservations.length <= 20, `${reservations.length} reservations succeeded`);
    assert.equal(reservations.length, 20, 'every reservation that fits is granted');
    for (const result of results) if (!result.ok) assert.equal(result.spentUsd + result.reservedUsd <= 2, true);

    // Actual costs vary around the reservation; overshoot can come only from requests that cost more than they reserved.
    const actualCosts = reservations.map((_, index) => [0.05, 0.1, 0.15][index % 3]);
    await Promise.all(reservations.map((reservation, index) => replicas[(index + 1) % 2].settle(reservation, actualCosts[index])));
    const worstCaseOvershoot = actualCosts.reduce((sum, cost) => sum + Math.max(0, cost - 0.1), 0);
    const { spentUsd, reservedUsd } = await replicas[0].read(key.budgetId, key.periodKey);
    assert.equal(reservedUsd, 0);
    assert.ok(Math.abs(spentUsd - actualCosts.reduce((sum, cost) => sum + cost, 0)) < 1e-9, `spent ${spentUsd}`);
    assert.ok(spentUsd <= 2 + worstCaseOvershoot + 1e-9, `spent ${spentUsd} exceeds the bound`);
  });

  withLedger('200 concurrent requests that reserve, then settle below the reservation or fail and release, never pass the limit', async ({ replicas }) => {
    const key = budget('key:churn', 2);
    let granted = 0;
    await Promise.all(
      Array.from({ length: 200 }, async (_, index) => {
        const ledger = replicas[index % 2];
        const result = await ledger.reserve([key], 0.1);
        if (!result.ok) return;
        granted += 1;
        await new Promise((resolve) => setImmediate(resolve));
        if (index % 5 === 0) await ledger.release(result.reservation);
        else await ledger.settle(result.reservation, 0.08);
      }),
    );
    const { spentUsd, reservedUsd } = await replicas[1].read(key.budgetId, key.periodKey);
    assert.equal(reservedUsd, 0);
    assert.ok(granted >= 20, `granted ${granted}`);
    assert.ok(spentUsd <= 2, `spent ${spentUsd}`);
  });
}
