import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GatewayError } from '../core/index.js';
import type { Deployment, ModelGroup } from '../core/index.js';
import { createRetryPolicy } from '../routing/retry-policy.js';
import { Router } from '../routing/router.js';
import type { FallbackPolicyConfig } from '../routing/fallback-policy.js';
import { dispatch } from './dispatch.js';
import { createRequestState } from './request-state.js';

function group(name: string, ids: string[]): ModelGroup {
  const deployments = ids.map((id) => ({ id, weight: 1, model: id, defaultMaxTokens: 1, provider: { id } as Deployment['provider'] }));
  return { name, deployments, source: 'config' };
}

function setup(options: { fallbacks?: FallbackPolicyConfig; maxAttempts?: number; retries?: number } = {}) {
  const router = new Router({
    groups: [group('main', ['a', 'b', 'c']), group('big', ['big-1']), group('backup', ['z'])],
    strategy: 'round-robin',
    fallbacks: options.fallbacks ?? { fallbacks: {} },
    maxAttempts: options.maxAttempts ?? 6,
  });
  const retryPolicy = createRetryPolicy({ maxRetriesPerDeployment: options.retries ?? 0, baseDelayMs: 1, maxDelayMs: 2, random: () => 0.5 });
  const state = createRequestState({ requestId: 'r', protocol: 'openai', endpoint: 'chat' });
  const route = { hints: {}, needs: null, request: null };
  return { router, retryPolicy, state, route };
}

test('moves on after transient and deployment-specific failures, counting each attempt', async () => {
  const { router, retryPolicy, state, route } = setup();
  const tried: string[] = [];
  const result = await dispatch({
    router, retryPolicy, state, route, groupName: 'main', signal: new AbortController().signal,
    call: async (deployment) => {
      tried.push(deployment.id);
      if (deployment.id === 'a') throw new GatewayError('SY_ERR_UPSTREAM_SERVER', 'down');
      if (deployment.id === 'b') throw new GatewayError('SY_ERR_UPSTREAM_AUTH', 'bad credentials');
      return deployment.id;
    },
  });
  assert.equal(result, 'c');
  assert.deepEqual(tried, ['a', 'b', 'c']);
  assert.equal(state.attempts, 3);
});

test('a transient failure is retried on the same deployment first, honouring retry-after', async () => {
  const { router, retryPolicy, state, route } = setup({ retries: 1 });
  const tried: string[] = [];
  const result = await dispatch({
    router, retryPolicy, state, route, groupName: 'main', signal: new AbortController().signal,
    call: async (deployment) => {
      tried.push(deployment.id);
      if (tried.length === 1) throw new GatewayError('SY_ERR_UPSTREAM_RATE_LIMITED', 'slow down', { retryAfterMs: 5 });
      return deployment.id;
    },
  });
  assert.equal(result, 'a');
  assert.deepEqual(tried, ['a', 'a']);
});

test("the client's own mistakes are not retried anywhere", async () => {
  const { router, retryPolicy, state, route } = setup({ fallbacks: { fallbacks: { main: ['backup'] } } });
  await assert.rejects(
    dispatch({ router, retryPolicy, state, route, groupName: 'main', signal: new AbortController().signal, call: async () => {
      throw new GatewayError('SY_ERR_UPSTREAM_BAD_REQUEST', 'bad field');
    } }),
    /bad field/,
  );
  assert.equal(state.attempts, 1);
});

test('a context-window failure goes straight to the larger-context fallback', async () => {
  const { router, retryPolicy, state, route } = setup({ fallbacks: { fallbacks: { main: ['backup'] }, byClass: { context_window: { main: ['big'] } } } });
  const tried: string[] = [];
  const result = await dispatch({
    router, retryPolicy, state, route, groupName: 'main', signal: new AbortController().signal,
    call: async (deployment) => {
      tried.push(deployment.id);
      if (deployment.id !== 'big-1') throw new GatewayError('SY_ERR_CONTEXT_WINDOW_EXCEEDED', 'too long');
      return deployment.id;
    },
  });
  assert.equal(result, 'big-1');
  assert.deepEqual(tried, ['a', 'big-1']);
});

test('when the whole group fails, its fallbacks are tried; the last failure is reported when all fail', async () => {
  const { router, retryPolicy, state, route } = setup({ fallbacks: { fallbacks: { main: ['backup'] } } });
  const tried: string[] = [];
  await assert.rejects(
    dispatch({ router, retryPolicy, state, route, groupName: 'main', signal: new AbortController().signal, call: async (deployment) => {
      tried.push(deployment.id);
      throw new GatewayError('SY_ERR_UPSTREAM_SERVER', `down ${deployment.id}`);
    } }),
    /down z/,
  );
  assert.deepEqual(tried, ['a', 'b', 'c', 'z']);
});

test('a per-request fallback list is used; max attempts caps everything', async () => {
  const { router, retryPolicy, state, route } = setup({ maxAttempts: 2 });
  const tried: string[] = [];
  await assert.rejects(dispatch({
    router, retryPolicy, state, route, groupName: 'main', fallbackOverride: ['backup'], signal: new AbortController().signal,
    call: async (deployment) => {
      tried.push(deployment.id);
      throw new GatewayError('SY_ERR_UPSTREAM_SERVER', 'down');
    },
  }));
  assert.deepEqual(tried, ['a', 'b']);
  const second = setup();
  const result = await dispatch({
    ...second, groupName: 'main', fallbackOverride: ['backup'], signal: new AbortController().signal,
    call: async (deployment) => {
      if (deployment.id !== 'z') throw new GatewayError('SY_ERR_UPSTREAM_TIMEOUT', 'slow');
      return deployment.id;
    },
  });
  assert.equal(result, 'z');
});

test('nothing is retried once the client has gone', async () => {
  const { router, retryPolicy, state, route } = setup({ retries: 2 });
  const controller = new AbortController();
  await assert.rejects(dispatch({
    router, retryPolicy, state, route, groupName: 'main', signal: controller.signal,
    call: async () => {
      controller.abort();
      throw new GatewayError('SY_ERR_UPSTREAM_TIMEOUT', 'timeout');
    },
  }));
  assert.equal(state.attempts, 1);
});

test('open breakers take deployments out of the plan; none left is a 503', async () => {
  const { router, retryPolicy, state, route } = setup();
  for (let index = 0; index < 5; index += 1) {
    for (const id of ['a', 'b', 'c']) {
      const deployment = router.group('main')?.deployments.find((candidate) => candidate.id === id) as Deployment;
      router.begin(deployment);
      router.failed('main', deployment, new GatewayError('SY_ERR_UPSTREAM_SERVER', 'down'), { latencyMs: 1 });
    }
  }
  assert.equal(router.breakers.state('a'), 'open');
  await assert.rejects(
    dispatch({ router, retryPolicy, state, route, groupName: 'main', signal: new AbortController().signal, call: async () => 'never' }),
    (error: unknown) => error instanceof GatewayError && error.code === 'SY_ERR_NO_DEPLOYMENT_AVAILABLE' && error.status === 503,
  );
});
