/**
 * Dispatch with per-deployment concurrency limits: a full deployment is passed over for a free
 * one, every deployment full means a bounded wait by priority (hint, else key tier), and each
 * slot is released exactly once however the attempt ends.
 */

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GatewayError } from '../core/index.js';
import type { Deployment, ModelGroup } from '../core/index.js';
import { createRetryPolicy } from '../routing/retry-policy.js';
import { Router } from '../routing/router.js';
import { dispatch, dispatchHeld } from './dispatch.js';
import { createRequestState } from './request-state.js';
import type { KeyRecord } from './ports.js';

function deployment(id: string, limit: number): Deployment {
  return { id, weight: 1, model: id, defaultMaxTokens: 1, provider: { id } as Deployment['provider'], maxConcurrentRequests: limit };
}

function setup(options: { limits?: [number, number]; maxQueue?: number; maxQueueWaitMs?: number } = {}) {
  const [limitA, limitB] = options.limits ?? [1, 1];
  const group: ModelGroup = { name: 'main', deployments: [deployment('a', limitA), deployment('b', limitB)], source: 'config' };
  const router = new Router({
    groups: [group],
    strategy: 'round-robin',
    fallbacks: { fallbacks: {} },
    slots: { maxQueue: options.maxQueue ?? 10, maxQueueWaitMs: options.maxQueueWaitMs ?? 60_000 },
  });
  const retryPolicy = createRetryPolicy({ maxRetriesPerDeployment: 0 });
  return { router, retryPolicy };
}

function request(router: Router, options: { tier?: string; priority?: 'high' | 'low'; signal?: AbortSignal; call?: (deployment: Deployment) => Promise<string> } = {}) {
  const state = createRequestState({ requestId: 'r', protocol: 'openai', endpoint: 'chat' });
  if (options.tier) state.principal = { kind: 'key', key: { tier: options.tier } as KeyRecord };
  return dispatchHeld({
    router,
    retryPolicy: createRetryPolicy({ maxRetriesPerDeployment: 0 }),
    groupName: 'main',
    route: { hints: options.priority ? { priority: options.priority } : {}, needs: null, request: null },
    state,
    signal: options.signal ?? new AbortController().signal,
    call: options.call ?? (async (target) => target.id),
  });
}

const inFlight = (router: Router, id: string) => router.slots.snapshot(id)?.inFlight;

test('a deployment at its limit is passed over for a free one; slots are held until released', async () => {
  const { router } = setup();
  const first = await request(router);
  const second = await request(router);
  assert.deepEqual([first.value, second.value].sort(), ['a', 'b']);
  assert.equal(inFlight(router, 'a'), 1);
  assert.equal(inFlight(router, 'b'), 1);
  first.release();
  first.release(); // a second call changes nothing
  assert.equal(inFlight(router, first.value), 0);
  assert.equal(inFlight(router, second.value), 1);
  second.release();
});

test('every deployment full: the request waits and takes the first slot that frees', async () => {
  const { router } = setup();
  const held = [await request(router), await request(router)];
  let settled = false;
  const waiting = request(router).then((result) => {
    settled = true;
    return result;
  });
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(settled, false);
  assert.equal(router.slots.snapshot('a')?.queued, 1);
  const freed = held.find((entry) => entry.value === 'b') as (typeof held)[number];
  freed.release();
  const served = await waiting;
  assert.equal(served.value, 'b');
  assert.equal(router.slots.snapshot('a')?.queued, 0, 'its wait on the other deployment was withdrawn');
  served.release();
  for (const entry of held) entry.release();
  assert.equal(inFlight(router, 'a'), 0);
  assert.equal(inFlight(router, 'b'), 0);
});

test('a full queue is a 429 with retry-after at once', async () => {
  const { router } = setup({ maxQueue: 0 });
  const held = [await request(router), await request(router)];
  await assert.rejects(request(router), (error: unknown) => error instanceof GatewayError && error.code === 'SY_ERR_CONCURRENCY_LIMITED' && error.status === 429 && (error.retryAfterMs ?? 0) >= 1000);
  for (const entry of held) entry.release();
});

test('a wait past maxQueueWaitMs is a 429 too', async () => {
  const { router } = setup({ maxQueueWaitMs: 20 });
  const held = [await request(router), await request(router)];
  await assert.rejects(request(router), (error: unknown) => error instanceof GatewayError && error.code === 'SY_ERR_CONCURRENCY_LIMITED');
  assert.equal(router.slots.snapshot('a')?.queued, 0);
  for (const entry of held) entry.release();
});

test('a failed attempt releases its slot before the next deployment is tried; the answer keeps only its own', async () => {
  const { router } = setup();
  const result = await request(router, {
    call: async (target) => {
      if (target.id === 'a') throw new GatewayError('SY_ERR_UPSTREAM_SERVER', 'down');
      assert.equal(inFlight(router, 'a'), 0, 'released before b was called');
      return target.id;
    },
  });
  assert.equal(result.value, 'b');
  assert.equal(inFlight(router, 'a'), 0);
  assert.equal(inFlight(router, 'b'), 1);
  result.release();
  await assert.rejects(
    request(router, { call: async () => { throw new GatewayError('SY_ERR_UPSTREAM_BAD_REQUEST', 'bad'); } }),
    /bad/,
  );
  assert.equal(inFlight(router, 'a'), 0);
  assert.equal(inFlight(router, 'b'), 0);
});

test('plain dispatch releases the slot as soon as the answer is in', async () => {
  const { router, retryPolicy } = setup();
  const state = createRequestState({ requestId: 'r', protocol: 'openai', endpoint: 'chat' });
  const value = await dispatch({ router, retryPolicy, groupName: 'main', route: { hints: {}, needs: null, request: null }, state, signal: new AbortController().signal, call: async (target) => target.id });
  assert.equal(inFlight(router, value), 0);
});

test('a client leaving while queued gets SY_ERR_CLIENT_DISCONNECTED and leaves no waiter behind', async () => {
  const { router } = setup();
  const held = [await request(router), await request(router)];
  const controller = new AbortController();
  const waiting = request(router, { signal: controller.signal });
  await new Promise((resolve) => setImmediate(resolve));
  controller.abort();
  await assert.rejects(waiting, (error: unknown) => error instanceof GatewayError && error.code === 'SY_ERR_CLIENT_DISCONNECTED');
  assert.equal(router.slots.snapshot('a')?.queued, 0);
  assert.equal(router.slots.snapshot('b')?.queued, 0);
  for (const entry of held) entry.release();
  assert.equal(inFlight(router, 'a'), 0);
});

test('queued requests are served by priority: hint first, else key tier (enterprise before standard)', async () => {
  const { router } = setup({ limits: [1, 0] });
  // Only 'a' is limited; take it out of the plan's free path by holding its slot and making 'b' fail.
  const failB = async (target: Deployment): Promise<string> => {
    if (target.id === 'b') throw new GatewayError('SY_ERR_UPSTREAM_AUTH', 'b refuses');
    return target.id;
  };
  const holder = await request(router, { call: failB });
  const order: string[] = [];
  const served = (label: string) => (result: { release: () => void }) => {
    order.push(label);
    result.release();
  };
  const queued = [
    request(router, { tier: 'standard', call: failB }).then(served('standard')),
    request(router, { tier: 'premium', call: failB }).then(served('premium')),
    request(router, { tier: 'enterprise', call: failB }).then(served('enterprise')),
    request(router, { tier: 'standard', priority: 'high', call: failB }).then(served('hinted-high')),
  ];
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(router.slots.snapshot('a')?.queued, 4);
  holder.release();
  await Promise.all(queued);
  assert.deepEqual(order, ['enterprise', 'hinted-high', 'premium', 'standard']);
});
