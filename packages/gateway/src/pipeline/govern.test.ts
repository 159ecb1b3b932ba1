import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PriceCatalog } from '../accounting/price-catalog.js';
import { GatewayError } from '../core/index.js';
import { MemoryBudgetLedger } from '../governance/limits/memory-budget-ledger.js';
import { MemoryCounterStore } from '../governance/limits/memory-counter-store.js';
import { govern } from './govern.js';
import type { Governance } from './govern.js';
import type { Awaitable, CounterStore, GovernancePolicy, KeyRecord } from './ports.js';
import { createRequestState, responseHeadersOf } from './request-state.js';

const key: KeyRecord = {
  id: 'key_1', name: 'k', prefix: 'sy-abc', models: null, scopes: ['data'], tier: 'standard', teamId: null, userId: null,
  createdAt: new Date(0), expiresAt: null, revokedAt: null,
};

const policy: GovernancePolicy = {
  limitsFor: () => [{ counterKey: 'rl:key_1', label: 'two a minute', metric: 'requests', limit: 2, windowMs: 60_000 }],
  budgetsFor: () => [{ budgetId: 'bud', label: 'daily key budget', limitUsd: 10, periodKey: 'p1', resetAtMs: Date.now() + 60_000 }],
  modelDenied: () => null,
};

function governed(counters: CounterStore): { result: Awaitable<void>; state: ReturnType<typeof createRequestState> } {
  const governance: Governance = { policy, counters, ledger: new MemoryBudgetLedger(), prices: new PriceCatalog() };
  const state = createRequestState({ requestId: 'req_1', protocol: 'openai', endpoint: 'chat' });
  state.principal = { kind: 'key', key };
  const result = govern({ governance, state, ip: '127.0.0.1', model: 'm', deployments: [], promptTokens: () => 10, maxOutputTokens: 10 });
  return { result, state };
}

test('with the in-process counters and ledger, govern admits at once: no promise; headers left for later, settlements kept', () => {
  const counters = new MemoryCounterStore();
  const { result, state } = governed(counters);
  assert.equal(result, undefined);
  assert.equal(state.responseHeaders, null, 'the headers are made later, once the upstream call is out');
  assert.equal(responseHeadersOf(state)?.['x-ratelimit-remaining-requests'], '1');
  assert.equal(state.afterRecord?.length, 1, 'the budget settlement (a request limit has no token settlement)');
  governed(counters);
  assert.throws(() => governed(counters), (error: unknown) => error instanceof GatewayError && error.code === 'SY_ERR_RATE_LIMITED');
});

test('with counters that answer later (Redis), govern is a promise with the same outcome', async () => {
  const memory = new MemoryCounterStore();
  const later: CounterStore = {
    take: async (counters, nowMs) => memory.take(counters, nowMs),
    add: async (counters, nowMs) => memory.add(counters, nowMs),
  };
  const { result, state } = governed(later);
  assert.ok(result instanceof Promise);
  await result;
  assert.equal(responseHeadersOf(state)?.['x-ratelimit-remaining-requests'], '1');
  assert.equal(state.afterRecord?.length, 1);
  await governed(later).result;
  await assert.rejects(async () => governed(later).result, (error: unknown) => error instanceof GatewayError && error.code === 'SY_ERR_RATE_LIMITED');
});
