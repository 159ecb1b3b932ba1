import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PriceCatalog } from '../accounting/price-catalog.js';
import type { Deployment } from '../core/index.js';
import { MemoryBudgetLedger } from '../governance/limits/memory-budget-ledger.js';
import { PolicyStore } from '../governance/policy.js';
import { admitBudgets, worstCaseCostUsd } from './budget.js';

const subject = { keyId: 'k', userId: null, teamId: null, tier: null, ip: '', model: 'm' };
const policy = new PolicyStore({
  tiers: {},
  premiumModels: [],
  rateLimits: [],
  stored: [],
  budgets: [{ id: 'bud_day', name: 'day', scope: 'global', scopeId: null, limitUsd: 1, period: 'daily', thresholds: [100], resetAtMs: null }],
});
const settled = () => new Promise((resolve) => setImmediate(resolve));

test('worst case: the dearest deployment, prompt at input price plus the output cap at output price', () => {
  const deployment = (id: string, input: number, output: number) =>
    ({ id, model: id, defaultMaxTokens: 100, price: { inputPerMTok: input, outputPerMTok: output }, provider: { preset: 'openai' } }) as unknown as Deployment;
  const cost = worstCaseCostUsd({ deployments: [deployment('a', 1, 2), deployment('b', 10, 1)], prices: new PriceCatalog(), promptTokens: 1_000, maxOutputTokens: null });
  assert.ok(Math.abs(cost - Math.max(1_000 * 1e-6 + 100 * 2e-6, 1_000 * 10e-6 + 100 * 1e-6)) < 1e-12);
});

test('a budget refuses what would overshoot, settles to real cost, releases on failure, and starts again next period', async () => {
  const ledger = new MemoryBudgetLedger();
  const day1 = Date.parse('2026-11-22T10:00:00Z');
  const admit = (nowMs: number, worstCaseUsd: number) => admitBudgets({ policy, ledger, budgets: policy.budgetsFor(subject, nowMs), worstCaseUsd });
  const first = await admit(day1, 0.6);
  await assert.rejects(async () => admit(day1, 0.6), (error: { code: string; message: string }) => {
    assert.equal(error.code, 'SY_ERR_BUDGET_EXCEEDED');
    assert.match(error.message, /daily global budget "day".*resets at 2026-11-23T00:00:00\.000Z/);
    return true;
  });
  first.settle(0); // failed before anything was billed: the reservation comes back
  await settled();
  const second = await admit(day1, 0.6);
  second.settle(0.9);
  second.settle(0.9); // only the first settle counts
  await settled();
  const periodKey = policy.budgetsFor(subject, day1)[0].periodKey;
  assert.deepEqual(await ledger.read('bud_day', periodKey), { spentUsd: 0.9, reservedUsd: 0 });
  await assert.rejects(async () => admit(day1, 0.2));
  const day2 = Date.parse('2026-11-23T00:00:01Z');
  (await admit(day2, 0.6)).settle(0.1);
});
