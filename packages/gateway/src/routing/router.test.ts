import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Deployment, ModelGroup } from '../core/index.js';
import { Router } from './router.js';

function group(name: string, ids: string[]): ModelGroup {
  const deployments = ids.map((id) => ({ id, weight: 1, model: id, defaultMaxTokens: 4096, provider: {} as Deployment['provider'] }));
  return { name, deployments, source: 'config' };
}

test('a plan is the group (by strategy) then its fallback groups, without duplicates, capped', () => {
  const router = new Router({
    groups: [group('main', ['a', 'b']), group('backup', ['b', 'c']), group('last', ['d', 'e'])],
    strategy: 'round-robin',
    fallbacks: { main: ['backup', 'last'] },
    maxAttempts: 4,
  });
  assert.deepEqual(router.plan('main').map((item) => item.id), ['a', 'b', 'c', 'd']);
  // Fallback groups rotate by their own strategy too.
  assert.deepEqual(router.plan('main').map((item) => item.id), ['b', 'a', 'c', 'e']);
  assert.deepEqual(router.plan('unknown'), []);
  assert.deepEqual(router.plan('backup', ['last']).map((item) => item.id).slice(2), ['d', 'e']);
});
