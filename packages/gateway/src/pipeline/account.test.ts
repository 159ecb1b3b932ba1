import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PriceCatalog } from '../accounting/price-catalog.js';
import type { Deployment } from '../core/index.js';
import { createAccountant } from './account.js';
import { MemoryUsageRecorder } from './memory-ports.js';
import type { KeyRecord } from './ports.js';
import { createRequestState } from './request-state.js';

const deployment = {
  id: 'p/m',
  weight: 1,
  model: 'm',
  defaultMaxTokens: 1,
  provider: { id: 'p', preset: 'openai', type: 'openai' } as Deployment['provider'],
  price: { inputPerMTok: 2, outputPerMTok: 10, cachedInputPerMTok: 1 },
} satisfies Deployment;

function setup() {
  const recorder = new MemoryUsageRecorder();
  const accountant = createAccountant({ prices: new PriceCatalog(), recorder });
  const state = createRequestState({ requestId: 'req_1', protocol: 'openai', endpoint: 'chat' });
  state.principal = { kind: 'master' };
  state.modelGroup = 'group';
  state.deployment = deployment;
  state.attempts = 1;
  return { recorder, accountant, state };
}

test('provider usage is used as given and priced, once per request', () => {
  const { recorder, accountant, state } = setup();
  state.usage = { promptTokens: 1_000_000, completionTokens: 100_000, cachedTokens: 500_000, cacheWriteTokens: 0, estimated: false };
  accountant.finish(state, { status: 200, outcome: 'success', errorCode: null });
  accountant.finish(state, { status: 500, outcome: 'error', errorCode: 'X' });
  assert.equal(recorder.rows.length, 1);
  const [row] = recorder.rows;
  assert.equal(row.tokensEstimated, false);
  assert.equal(row.costUsd, 0.5 * 2 + 0.5 * 1 + 0.1 * 10);
  assert.equal(row.provider, 'p');
  assert.equal(row.keyId, null);
});

test('without provider usage the tokens are estimated and marked so', () => {
  const { recorder, accountant, state } = setup();
  state.estimatePromptTokens = () => 42;
  state.outputText = 'hello there, general kenobi';
  state.firstByteAt = performance.now();
  accountant.finish(state, { status: 499, outcome: 'client_disconnected', errorCode: 'SY_ERR_CLIENT_DISCONNECTED' });
  const [row] = recorder.rows;
  assert.equal(row.promptTokens, 42);
  assert.ok(row.completionTokens > 0);
  assert.equal(row.tokensEstimated, true);
  assert.equal(row.outcome, 'client_disconnected');
});

test('a request that failed before any upstream answered costs nothing; unauthenticated requests get no row', () => {
  const { recorder, accountant, state } = setup();
  state.deployment = null;
  accountant.finish(state, { status: 400, outcome: 'error', errorCode: 'SY_ERR_INVALID_REQUEST' });
  assert.equal(recorder.rows[0].costUsd, 0);
  assert.equal(recorder.rows[0].promptTokens, 0);
  const anonymous = createRequestState({ requestId: 'req_2', protocol: 'openai', endpoint: 'chat' });
  assert.equal(accountant.finish(anonymous, { status: 401, outcome: 'error', errorCode: 'SY_ERR_UNAUTHENTICATED' }), null);
  assert.equal(recorder.rows.length, 1);
});

test('the row names the key, user and team behind the request (a key, or a signed-in user); the master key has none', () => {
  const { recorder, accountant, state } = setup();
  const key: KeyRecord = {
    id: 'key_1',
    name: 'research bot',
    prefix: 'sy-abc',
    models: null,
    scopes: ['data'],
    tier: 'standard',
    teamId: 'team_research',
    userId: 'user_ada',
    createdAt: new Date(0),
    expiresAt: null,
    revokedAt: null,
  };
  state.principal = { kind: 'key', key };
  accountant.finish(state, { status: 200, outcome: 'success', errorCode: null });
  const unowned = createRequestState({ requestId: 'req_2', protocol: 'openai', endpoint: 'chat' });
  unowned.principal = { kind: 'key', key: { ...key, id: 'key_2', teamId: null, userId: null } };
  accountant.finish(unowned, { status: 200, outcome: 'success', errorCode: null });
  const master = createRequestState({ requestId: 'req_3', protocol: 'openai', endpoint: 'chat' });
  master.principal = { kind: 'master' };
  accountant.finish(master, { status: 200, outcome: 'success', errorCode: null });
  const dashboardUser = createRequestState({ requestId: 'req_4', protocol: 'openai', endpoint: 'chat' });
  dashboardUser.principal = { kind: 'user', user: { id: 'user_bob', email: 'bob@example.com', role: 'developer', teamId: 'team_ops', sessionId: 's1' } };
  accountant.finish(dashboardUser, { status: 200, outcome: 'success', errorCode: null });
  assert.deepEqual(
    recorder.rows.map((row) => [row.keyId, row.userId, row.teamId]),
    [
      ['key_1', 'user_ada', 'team_research'],
      ['key_2', null, null],
      [null, null, null],
      [null, 'user_bob', 'team_ops'],
    ],
  );
});
