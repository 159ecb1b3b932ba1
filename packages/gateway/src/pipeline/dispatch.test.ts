import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GatewayError } from '../core/index.js';
import type { Deployment } from '../core/index.js';
import { dispatch } from './dispatch.js';
import { createRequestState } from './request-state.js';

const deployments = ['a', 'b', 'c'].map((id) => ({ id, weight: 1, model: id, defaultMaxTokens: 1, provider: { id } as Deployment['provider'] }));

function state() {
  return createRequestState({ requestId: 'r', protocol: 'openai', endpoint: 'chat' });
}

test('moves on after transient failures and counts each attempt', async () => {
  const requestState = state();
  const tried: string[] = [];
  const result = await dispatch({
    plan: deployments,
    state: requestState,
    signal: new AbortController().signal,
    call: async (deployment) => {
      tried.push(deployment.id);
      if (deployment.id === 'a') throw new GatewayError('SY_ERR_UPSTREAM_RATE_LIMITED', 'slow down');
      if (deployment.id === 'b') throw new GatewayError('SY_ERR_UPSTREAM_AUTH', 'bad credentials');
      return deployment.id;
    },
  });
  assert.equal(result, 'c');
  assert.deepEqual(tried, ['a', 'b', 'c']);
  assert.equal(requestState.attempts, 3);
  assert.equal(requestState.deployment?.id, 'c');
});

test("the client's own mistakes are not retried elsewhere", async () => {
  const requestState = state();
  await assert.rejects(
    dispatch({
      plan: deployments,
      state: requestState,
      signal: new AbortController().signal,
      call: async () => {
        throw new GatewayError('SY_ERR_CONTEXT_WINDOW_EXCEEDED', 'too long');
      },
    }),
    /too long/,
  );
  assert.equal(requestState.attempts, 1);
});

test('the last failure is reported when every deployment fails; an empty plan is a 503', async () => {
  const failing = dispatch({
    plan: deployments,
    state: state(),
    signal: new AbortController().signal,
    call: async (deployment) => {
      throw new GatewayError('SY_ERR_UPSTREAM_SERVER', `down ${deployment.id}`);
    },
  });
  await assert.rejects(failing, /down c/);
  await assert.rejects(dispatch({ plan: [], state: state(), signal: new AbortController().signal, call: async () => 1 }), (error: unknown) => error instanceof GatewayError && error.status === 503);
});

test('nothing is retried once the client has gone', async () => {
  const controller = new AbortController();
  const requestState = state();
  await assert.rejects(
    dispatch({
      plan: deployments,
      state: requestState,
      signal: controller.signal,
      call: async () => {
        controller.abort();
        throw new GatewayError('SY_ERR_UPSTREAM_TIMEOUT', 'timeout');
      },
    }),
  );
  assert.equal(requestState.attempts, 1);
});
