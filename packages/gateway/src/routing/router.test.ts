import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GatewayError } from '../core/index.js';
import type { Deployment, ModelGroup } from '../core/index.js';
import { Router } from './router.js';

function group(name: string, ids: string[]): ModelGroup {
  const deployments = ids.map((id) => ({ id, weight: 1, model: id, defaultMaxTokens: 4096, provider: {} as Deployment['provider'] }));
  return { name, deployments, source: 'config' };
}

const route = { hints: {}, needs: null, request: null };

test('the order follows the group strategy; unknown groups have none', () => {
  const router = new Router({ groups: [group('main', ['a', 'b'])], strategy: 'round-robin', fallbacks: { fallbacks: {} } });
  assert.deepEqual(router.order('main', route).map((item) => item.id), ['a', 'b']);
  assert.deepEqual(router.order('main', route).map((item) => item.id), ['b', 'a']);
  assert.deepEqual(router.order('unknown', route), []);
});

test('fallbacks name only existing groups and follow the failure class', () => {
  const router = new Router({
    groups: [group('main', ['a']), group('backup', ['b']), group('long', ['c'])],
    strategy: 'round-robin',
    fallbacks: { fallbacks: { main: ['backup', 'gone'] }, byClass: { context_window: { main: ['long'] } } },
  });
  assert.deepEqual(router.fallbacksFor('main', new GatewayError('SY_ERR_UPSTREAM_SERVER', 'x')), ['backup']);
  assert.deepEqual(router.fallbacksFor('main', new GatewayError('SY_ERR_CONTEXT_WINDOW_EXCEEDED', 'x')), ['long']);
});

test("only the deployment's own faults count against it", () => {
  const router = new Router({ groups: [group('main', ['a'])], strategy: 'round-robin', fallbacks: { fallbacks: {} } });
  const [deployment] = router.group('main')?.deployments ?? [];
  router.begin(deployment);
  router.failed('main', deployment, new GatewayError('SY_ERR_INVALID_REQUEST', 'client'), { latencyMs: 1 });
  assert.equal(router.stats.snapshot('a').failures, 0);
  assert.equal(router.stats.snapshot('a').inFlight, 0);
  router.begin(deployment);
  router.failed('main', deployment, new GatewayError('SY_ERR_UPSTREAM_SERVER', 'down'), { latencyMs: 1 });
  assert.equal(router.stats.snapshot('a').failures, 1);
});

test('a stream that breaks after it was accepted counts against the deployment', () => {
  const router = new Router({ groups: [group('main', ['a'])], strategy: 'round-robin', fallbacks: { fallbacks: {} } });
  const [deployment] = router.group('main')?.deployments ?? [];
  router.begin(deployment);
  router.succeeded('main', deployment, { latencyMs: 5 });
  router.failedMidStream('main', deployment, new GatewayError('SY_ERR_UPSTREAM_UNREACHABLE', 'cut'));
  const snapshot = router.stats.snapshot('a');
  assert.equal(snapshot.successes, 1);
  assert.equal(snapshot.failures, 1);
  assert.equal(snapshot.inFlight, 0);
  router.failedMidStream('main', deployment, new GatewayError('SY_ERR_CLIENT_DISCONNECTED', 'left'));
  assert.equal(router.stats.snapshot('a').failures, 1, 'a client leaving is not the deployment failing');
});
