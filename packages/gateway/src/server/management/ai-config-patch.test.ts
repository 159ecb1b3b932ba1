import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GatewayError } from '../../core/index.js';
import type { Deployment, ModelGroup, ProviderSettings } from '../../core/index.js';
import { emptyOverrides } from '../../routing/routing-overrides.js';
import type { RoutingOverrides } from '../../routing/routing-overrides.js';
import { parseWithSchema } from '../openai/codec/validation.js';
import { mergeConfigPatch } from './ai-config-patch.js';
import { configPatchSchema } from './ai-config-schemas.js';

const openai = { id: 'openai' } as ProviderSettings;
const deployment = (id: string): Deployment => ({ id, provider: openai, model: id, weight: 1, defaultMaxTokens: 4096 });
const groups: ModelGroup[] = [
  { name: 'gpt-4o', source: 'config', deployments: [deployment('a'), deployment('b')] },
  { name: 'claude', source: 'config', deployments: [deployment('c')] },
];
const context = { base: { groups, strategy: 'round-robin', rules: [] }, providers: [openai] };

function merge(body: unknown, current: RoutingOverrides = emptyOverrides()): RoutingOverrides {
  return mergeConfigPatch({ current, patch: parseWithSchema(configPatchSchema, body), context });
}

function refusal(body: unknown, current?: RoutingOverrides): { param: string | undefined; message: string } {
  try {
    merge(body, current);
  } catch (error) {
    assert.ok(error instanceof GatewayError && error.status === 400, String(error));
    return { param: error.param, message: error.message };
  }
  assert.fail(`accepted ${JSON.stringify(body)}`);
}

test('changes merge into the stored overrides; absent fields stay, null goes back to the configuration', () => {
  const first = merge({ strategy: 'weighted', models: { 'gpt-4o': { strategy: 'adaptive', deployments: { a: { weight: 3 } } } } });
  assert.deepEqual(first, { ...emptyOverrides(), strategy: 'weighted', groups: { 'gpt-4o': { strategy: 'adaptive', deployments: { a: { weight: 3 } } } } });
  const second = merge({ models: { 'gpt-4o': { strategy: null, deployments: { a: { enabled: false } } } }, defaultModel: 'claude' }, first);
  assert.deepEqual(second.groups, { 'gpt-4o': { deployments: { a: { weight: 3, enabled: false } } } });
  assert.equal(second.strategy, 'weighted');
  assert.equal(second.defaultModel, 'claude');
  const third = merge({ strategy: null, defaultModel: null }, second);
  assert.equal(third.strategy, undefined);
  assert.equal(third.defaultModel, undefined);
  assert.deepEqual(merge({ reset: true }, third), emptyOverrides());
});

test('models and deployments are added and removed; later changes can name them', () => {
  const added = merge({
    addModels: [{ name: 'cheap', deployments: [{ provider: 'openai', model: 'mini' }, { provider: 'openai', model: 'nano' }] }],
    addDeployments: [{ group: 'claude', provider: 'openai', model: 'gpt-4o', id: 'backup' }],
    models: { cheap: { deployments: { 'openai/mini': { weight: 4 } } }, claude: { deployments: { backup: { enabled: false } } } },
  });
  assert.equal(added.addedModels[0].deployments[0].weight, 1, 'defaults as in the config file');
  assert.equal(added.addedModels[0].deployments[0].maxTokens, 4096);
  assert.equal(added.addedDeployments[0].id, 'backup');
  const removed = merge({ removeDeployments: [{ group: 'claude', id: 'backup' }, { group: 'cheap', id: 'openai/nano' }] }, added);
  assert.deepEqual(removed.addedDeployments, []);
  assert.deepEqual(removed.addedModels[0].deployments.map((item) => item.model), ['mini']);
  assert.equal(removed.groups.claude, undefined, 'the override of a removed deployment goes with it');
  assert.deepEqual(merge({ removeModels: ['cheap'] }, removed), emptyOverrides());
});

test('faults are 400s naming the field', () => {
  const added = merge({ addModels: [{ name: 'cheap', deployments: [{ provider: 'openai', model: 'mini' }] }] });
  const cases: Array<[unknown, string, RegExp, RoutingOverrides?]> = [
    [{ strategy: 'fastest' }, 'strategy', /unknown routing strategy "fastest" \(known strategies: round-robin/],
    [{ models: { 'gpt4o': { enabled: false } } }, 'models.gpt4o', /did you mean "gpt-4o"/],
    [{ models: { 'gpt-4o': { deployments: { z: { weight: 1 } } } } }, 'models.gpt-4o.deployments.z', /has: a, b/],
    [{ models: { 'gpt-4o': { deployments: { a: { enabled: false }, b: { enabled: false } } } } }, 'models.gpt-4o.deployments', /disable the model group instead/],
    [{ addModels: [{ name: 'default', deployments: [{ provider: 'openai', model: 'x' }] }] }, 'addModels[0].name', /reserved/],
    [{ addModels: [{ name: 'new', deployments: [] }] }, 'addModels[0].deployments', /at least one deployment/],
    [{ addModels: [{ name: 'new', deployments: [{ provider: 'openai', model: 'x' }, { provider: 'openai', model: 'x' }] }] }, 'addModels[0].deployments[1]', /duplicate deployment id "openai\/x"/],
    [{ addDeployments: [{ group: 'gpt-4o', provider: 'openai', model: 'x', id: 'a' }] }, 'addDeployments[0].id', /duplicate deployment id "a"/],
    [{ addDeployments: [{ group: 'nope', provider: 'openai', model: 'x' }] }, 'addDeployments[0].group', /no model group "nope"/],
    [{ addDeployments: [{ group: 'gpt-4o', provider: 'openia', model: 'x' }] }, 'addDeployments[0].provider', /did you mean "openai"/],
    [{ addDeployments: [{ group: 'gpt-4o', provider: 'openai', model: 'x', weight: 'heavy' }] }, 'addDeployments[0].weight', /number/],
    [{ removeModels: ['gpt-4o'] }, 'removeModels[0]', /comes from the configuration/],
    [{ removeDeployments: [{ group: 'gpt-4o', id: 'a' }] }, 'removeDeployments[0]', /configured deployments can only be disabled/],
    [{ removeDeployments: [{ group: 'cheap', id: 'openai/mini' }] }, 'removeDeployments[0]', /last of model group "cheap"/, added],
    [{ defaultModel: 'nope' }, 'defaultModel', /no model group "nope"/],
    [{ defaultModel: 'claude', models: { claude: { enabled: false } } }, 'defaultModel', /would be disabled/],
    [{ rules: [{ when: {}, route: 'claude' }] }, 'rules[0].when', /at least one condition/],
    [{ rules: [{ when: { hasImages: true }, route: 'vision' }] }, 'rules[0].route', /unknown model group "vision"/],
    [{ models: { 'gpt-4o': { deployments: { a: { weight: -2 } } } } }, 'models.gpt-4o.deployments.a.weight', /weight of 0 or more/],
    [{ reset: false }, 'reset', /expected true/],
  ];
  for (const [body, param, message, current] of cases) {
    const error = refusal(body, current);
    assert.equal(error.param, param, `${JSON.stringify(body)}: ${error.message}`);
    assert.match(error.message, message, JSON.stringify(body));
  }
});
