import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Deployment, ModelGroup, ProviderSettings } from '../core/index.js';
import { applyRoutingOverrides } from './apply-overrides.js';
import { emptyOverrides } from './routing-overrides.js';
import type { RoutingOverrides } from './routing-overrides.js';
import { servedGroups } from './routing-table.js';

const openai = { id: 'openai' } as ProviderSettings;
const local = { id: 'local' } as ProviderSettings;
const deployment = (id: string, provider: ProviderSettings): Deployment => ({ id, provider, model: id, weight: 1, defaultMaxTokens: 4096 });
const groups: ModelGroup[] = [
  { name: 'gpt-4o', source: 'config', strategy: 'round-robin', deployments: [deployment('openai/gpt-4o', openai), deployment('local/qwen', local)] },
  { name: 'claude', source: 'environment', deployments: [deployment('anthropic/claude', openai)] },
];
const base = { groups, strategy: 'round-robin', rules: [{ when: { promptTokensAbove: 100 }, route: 'claude' }] };

function apply(overrides: Partial<RoutingOverrides>) {
  return applyRoutingOverrides({ base, providers: [openai, local], overrides: { ...emptyOverrides(), ...overrides } });
}

test('no overrides: the configuration as it is', () => {
  const { table, rules, problems } = apply({});
  assert.deepEqual(problems, []);
  assert.equal(table.strategy, 'round-robin');
  assert.equal(table.defaultModel, null);
  assert.deepEqual(servedGroups(table), groups);
  assert.equal(rules, base.rules);
});

test('enabled flags, weights, strategies, the default model and rules apply on top', () => {
  const { table, rules, problems } = apply({
    strategy: 'weighted',
    defaultModel: 'claude',
    groups: { 'gpt-4o': { strategy: 'least-connections', deployments: { 'openai/gpt-4o': { weight: 5 }, 'local/qwen': { enabled: false } } }, claude: { enabled: false } },
    rules: [],
  });
  assert.deepEqual(problems, []);
  assert.equal(table.strategy, 'weighted');
  assert.equal(table.defaultModel, 'claude');
  const served = servedGroups(table);
  assert.deepEqual(served.map((group) => group.name), ['gpt-4o']);
  assert.deepEqual(served[0].deployments.map((item) => [item.id, item.weight]), [['openai/gpt-4o', 5]]);
  assert.equal(served[0].strategy, 'least-connections');
  assert.equal(groups[0].deployments[0].weight, 1, 'the configuration itself is untouched');
  assert.deepEqual(rules, []);
});

test('added models and deployments are built on the configured provider objects', () => {
  const { table, problems } = apply({
    addedModels: [{ name: 'cheap', deployments: [{ provider: 'local', model: 'llama', weight: 2, maxTokens: 512, price: { inputPerMTok: 0, outputPerMTok: 0 } }] }],
    addedDeployments: [{ group: 'gpt-4o', provider: 'local', model: 'gpt-4o-mini', id: 'mini', weight: 1, maxTokens: 4096 }],
  });
  assert.deepEqual(problems, []);
  const cheap = table.groups.find((group) => group.name === 'cheap');
  assert.equal(cheap?.origin, 'runtime');
  assert.deepEqual(cheap?.deployments.map((entry) => [entry.deployment.id, entry.deployment.weight, entry.deployment.defaultMaxTokens, entry.origin]), [['local/llama', 2, 512, 'runtime']]);
  assert.equal(cheap?.deployments[0].deployment.provider, local);
  assert.deepEqual(table.groups[0].deployments.map((entry) => entry.deployment.id), ['openai/gpt-4o', 'local/qwen', 'mini']);
});

test('stale overrides are skipped with a problem each, and the rest still applies', () => {
  const { table, problems } = apply({
    defaultModel: 'gone',
    groups: { gone: { enabled: false }, 'gpt-4o': { deployments: { vanished: { weight: 2 }, 'local/qwen': { weight: 7 } } } },
    addedModels: [{ name: 'claude', deployments: [{ provider: 'openai', model: 'x', weight: 1, maxTokens: 1 }] }],
    addedDeployments: [
      { group: 'missing', provider: 'openai', model: 'x', weight: 1, maxTokens: 1 },
      { group: 'gpt-4o', provider: 'removed-provider', model: 'x', weight: 1, maxTokens: 1 },
      { group: 'gpt-4o', provider: 'openai', model: 'gpt-4o', weight: 1, maxTokens: 1 },
    ],
  });
  assert.equal(problems.length, 7, problems.join('\n'));
  assert.equal(table.defaultModel, null);
  assert.equal(table.groups[0].deployments[1].deployment.weight, 7);
  assert.equal(table.groups.length, 2);
});
