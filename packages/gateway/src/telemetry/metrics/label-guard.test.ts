/** The label guard: only configured names become label values, and a routing change is picked up. */

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Deployment } from '../../core/index.js';
import type { RoutingTable } from '../../routing/routing-table.js';
import { LabelGuard } from './label-guard.js';

function deployment(provider: string, model: string): Deployment {
  return { id: `${provider}/${model}`, provider: { id: provider, type: 'openai' }, model, weight: 1, defaultMaxTokens: 1024 } as Deployment;
}

function table(groups: Record<string, Deployment[]>): RoutingTable {
  return {
    strategy: 'round-robin',
    defaultModel: null,
    groups: Object.entries(groups).map(([name, deployments]) => ({
      name,
      origin: 'config' as const,
      enabled: true,
      deployments: deployments.map((item) => ({ deployment: item, enabled: true, origin: 'config' as const })),
    })),
  };
}

test('configured groups, providers and deployments pass; client-sent names become `unknown`', () => {
  const guard = new LabelGuard({ table: () => table({ 'gpt-4o': [deployment('openai', 'gpt-4o')] }), providerIds: ['openai', 'spare'] });
  assert.equal(guard.group('gpt-4o'), 'gpt-4o');
  assert.equal(guard.group('gpt-4o-attacker-1234'), 'unknown');
  assert.equal(guard.group(''), 'unknown');
  assert.equal(guard.group(null), 'unknown');
  assert.equal(guard.provider('openai'), 'openai');
  assert.equal(guard.provider('spare'), 'spare', 'a configured provider without deployments is still a configured name');
  assert.equal(guard.provider('evil.example.com'), 'unknown');
  assert.equal(guard.provider(null), 'none');
  assert.equal(guard.deployment('openai/gpt-4o'), 'openai/gpt-4o');
  assert.equal(guard.deployment('openai/gpt-5'), 'unknown');
  assert.equal(guard.deployment(null), 'none');
  assert.deepEqual(guard.deployments(), ['openai/gpt-4o']);
});

test('error codes and statuses are closed sets', () => {
  const guard = new LabelGuard({ table: () => table({}), providerIds: [] });
  assert.equal(guard.errorCode('SY_ERR_UPSTREAM_SERVER'), 'SY_ERR_UPSTREAM_SERVER');
  assert.equal(guard.errorCode('SY_ERR_MADE_UP'), 'other');
  assert.equal(guard.errorCode('toString'), 'other', 'inherited properties are not codes');
  assert.equal(guard.status(429), '429');
  assert.equal(guard.status(1234), 'other');
  assert.equal(guard.status(200.5), 'other');
});

test('a runtime routing change (a new table) adds and removes names; an unchanged table is not rebuilt', () => {
  let current = table({ alpha: [deployment('openai', 'a')] });
  const guard = new LabelGuard({ table: () => current, providerIds: ['openai'] });
  assert.equal(guard.group('beta'), 'unknown');
  const before = guard.deployments();
  assert.equal(guard.deployments(), before, 'the same names, not a rebuilt copy');
  current = table({ beta: [deployment('local', 'b')] });
  assert.equal(guard.group('beta'), 'beta');
  assert.equal(guard.group('alpha'), 'unknown', 'a removed group is no longer a label value');
  assert.equal(guard.provider('local'), 'local', 'a provider named by a runtime deployment');
  assert.equal(guard.deployment('local/b'), 'local/b');
  assert.notEqual(guard.deployments(), before);
});
