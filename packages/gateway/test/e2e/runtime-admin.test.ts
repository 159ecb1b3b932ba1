/**
 * Runtime routing administration through the real gateway and fake upstreams: disabling a
 * deployment takes it out of traffic, weights and strategies change the distribution at once, a
 * deployment or model added at run time gets traffic, the default model answers for `default`,
 * /api/ai/routing shows in-flight requests, breaker states and traffic shares, a second replica on
 * the same database picks up a change, and a restart on the same database keeps every override.
 * A viewer may read but not change; every change is in the audit log.
 */

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { OpenApiDocument } from '../../src/server/openapi/openapi-types.js';
import { startFakeOpenAI } from '../support/fake-openai.js';
import type { FakeUpstream } from '../support/fake-types.js';
import { startGateway } from '../support/gateway-harness.js';
import type { RunningGateway } from '../support/gateway-harness.js';
import { startAnswerValidator } from '../support/openapi-answers.js';

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

interface DeploymentView {
  id: string;
  enabled: boolean;
  weight: number;
  breaker: string;
  inFlight: number;
  origin: string;
}

interface ModelView {
  name: string;
  enabled: boolean;
  strategy: string;
  strategySource: string;
  deployments: DeploymentView[];
}

interface RoutingEntry extends DeploymentView {
  group: string;
  share: number;
  recentRequests: number;
}

let alpha: FakeUpstream;
let beta: FakeUpstream;
let gamma: FakeUpstream;
let running: RunningGateway;
let dataDir: string;
let databaseUrl: string;

function yaml(): string {
  return `
server: { host: 127.0.0.1 }
logging: { level: silent }
routing:
  retries: { maxPerDeployment: 0 }
  breaker: { failureThreshold: 2, cooldownMs: 600000 }
providers:
  alpha: { type: openai, baseUrl: ${alpha.baseUrl}, apiKey: ${alpha.apiKey} }
  beta:  { type: openai, baseUrl: ${beta.baseUrl}, apiKey: ${beta.apiKey} }
  gamma: { type: openai, baseUrl: ${gamma.baseUrl}, apiKey: ${gamma.apiKey} }
models:
  - name: pool
    strategy: round-robin
    deployments:
      - { provider: alpha, model: gpt-4o }
      - { provider: beta, model: gpt-4o }
  - name: solo
    deployments: [{ provider: gamma, model: gpt-4o }]
  - name: flaky
    deployments: [{ provider: gamma, model: flaky-model, id: flaky }]
`;
}

async function call(target: RunningGateway, method: string, path: string, options: { body?: unknown; key?: string } = {}): Promise<Answer> {
  const headers: Record<string, string> = { authorization: `Bearer ${options.key ?? target.masterKey}` };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${target.url}${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  const text = await response.text();
  return { status: response.status, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
}

async function change(body: unknown, target = running): Promise<Record<string, unknown>> {
  const answer = await call(target, 'PUT', '/api/ai/config', { body });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return answer.body;
}

/** One chat; the provider that answered (null on failure) and the status. */
async function chat(model: string, target = running): Promise<{ status: number; provider: string | null; body: Record<string, unknown> }> {
  const response = await fetch(`${target.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${target.masterKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model, messages: [{ role: 'user', content: 'hello' }] }),
  });
  return { status: response.status, provider: response.headers.get('x-switchyard-provider'), body: (await response.json()) as Record<string, unknown> };
}

async function providersOf(model: string, count: number): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (let index = 0; index < count; index += 1) {
    const { status, provider } = await chat(model);
    assert.equal(status, 200);
    counts[provider ?? 'none'] = (counts[provider ?? 'none'] ?? 0) + 1;
  }
  return counts;
}

async function models(target = running): Promise<ModelView[]> {
  return (await call(target, 'GET', '/api/ai/models')).body.models as ModelView[];
}

async function routing(): Promise<RoutingEntry[]> {
  return (await call(running, 'GET', '/api/ai/routing')).body.deployments as RoutingEntry[];
}

before(async () => {
  [alpha, beta, gamma] = await Promise.all([startFakeOpenAI(), startFakeOpenAI(), startFakeOpenAI()]);
  dataDir = mkdtempSync(join(tmpdir(), 'switchyard-runtime-admin-'));
  databaseUrl = `sqlite:${join(dataDir, 'switchyard.db')}`;
  running = await startGateway({ yaml: yaml(), databaseUrl });
});

after(async () => {
  await running?.close();
  await Promise.all([alpha?.close(), beta?.close(), gamma?.close()]);
  rmSync(dataDir, { recursive: true, force: true });
});

test('GET /api/ai/models (and /api/v1/ai/models) lists every group with its deployments and live state', async () => {
  const list = await call(running, 'GET', '/api/ai/models');
  assert.equal(list.status, 200);
  assert.equal(list.body.defaultModel, null);
  assert.equal(list.body.strategy, 'round-robin');
  const pool = (list.body.models as ModelView[]).find((model) => model.name === 'pool');
  assert.deepEqual(pool?.deployments.map((deployment) => [deployment.id, deployment.enabled, deployment.weight, deployment.breaker, deployment.inFlight]), [
    ['alpha/gpt-4o', true, 1, 'closed', 0],
    ['beta/gpt-4o', true, 1, 'closed', 0],
  ]);
  assert.deepEqual((await call(running, 'GET', '/api/v1/ai/models')).body, list.body);
});

test('a disabled deployment gets no traffic, and gets it again once enabled', async () => {
  await change({ models: { pool: { deployments: { 'beta/gpt-4o': { enabled: false } } } } });
  const betaBefore = beta.requests.length;
  assert.deepEqual(await providersOf('pool', 6), { alpha: 6 });
  assert.equal(beta.requests.length, betaBefore, 'no request reached the disabled deployment');
  assert.equal((await models()).find((model) => model.name === 'pool')?.deployments[1].enabled, false);
  await change({ models: { pool: { deployments: { 'beta/gpt-4o': { enabled: true } } } } });
  assert.deepEqual(await providersOf('pool', 4), { alpha: 2, beta: 2 });
});

test('weights change the distribution at once', async () => {
  await change({ models: { pool: { strategy: 'weighted', deployments: { 'alpha/gpt-4o': { weight: 3 }, 'beta/gpt-4o': { weight: 1 } } } } });
  const counts = await providersOf('pool', 40);
  assert.ok(counts.alpha >= 28 && counts.alpha <= 32 && counts.alpha + counts.beta === 40, JSON.stringify(counts));
});

test('strategies switch at once, per group and globally', async () => {
  await change({ models: { pool: { strategy: 'round-robin' } } });
  assert.deepEqual(await providersOf('pool', 10), { alpha: 5, beta: 5 });
  // The global strategy applies to groups without their own; null takes a group back to its configured one.
  const config = await change({ strategy: 'least-connections', models: { pool: { strategy: null } } });
  assert.equal(config.strategy, 'least-connections');
  const strategyOf = (name: string): [string, string] | undefined => {
    const model = (config.models as ModelView[]).find((candidate) => candidate.name === name);
    return model && [model.strategy, model.strategySource];
  };
  assert.deepEqual(strategyOf('solo'), ['least-connections', 'global']);
  assert.deepEqual(strategyOf('pool'), ['round-robin', 'group']);
  const overrides = config.overrides as { strategy?: string; groups: Record<string, { strategy?: string }> };
  assert.deepEqual([overrides.strategy, overrides.groups.pool?.strategy], ['least-connections', undefined]);
  await change({ strategy: null });
});

test('a deployment and a model added at run time get traffic', async () => {
  const config = await change({
    addDeployments: [{ group: 'pool', provider: 'gamma', model: 'gpt-4o', id: 'gamma-pool' }],
    addModels: [{ name: 'extra', deployments: [{ provider: 'gamma', model: 'gpt-4o-mini', price: { inputPerMTok: 0.15, outputPerMTok: 0.6 } }] }],
  });
  const pool = (config.models as ModelView[]).find((model) => model.name === 'pool');
  assert.deepEqual(pool?.deployments.map((deployment) => [deployment.id, deployment.origin]), [['alpha/gpt-4o', 'config'], ['beta/gpt-4o', 'config'], ['gamma-pool', 'runtime']]);
  assert.deepEqual(await providersOf('pool', 9), { alpha: 3, beta: 3, gamma: 3 });
  const extra = await chat('extra');
  assert.equal(extra.provider, 'gamma');
  assert.equal((gamma.requests.at(-1)?.body as { model?: string }).model, 'gpt-4o-mini');
  const listed = await (await fetch(`${running.url}/v1/models`, { headers: { authorization: `Bearer ${running.masterKey}` } })).json() as { data: Array<{ id: string }> };
  assert.ok(listed.data.some((model) => model.id === 'extra'));
});

test('the default model answers for the model name `default`', async () => {
  assert.equal((await chat('default')).status, 404, 'no default model yet');
  const set = await call(running, 'POST', '/api/ai/config/default-model', { body: { model: 'solo' } });
  assert.deepEqual([set.status, set.body], [200, { defaultModel: 'solo', previous: null }]);
  assert.equal((await chat('default')).provider, 'gamma');
  const unknown = await call(running, 'POST', '/api/ai/config/default-model', { body: { model: 'nope' } });
  assert.equal(unknown.status, 400);
  assert.equal((unknown.body.error as { param: string }).param, 'model');
});

test('a disabled model answers 404 saying so and leaves /v1/models; bad changes are 400s naming the field', async () => {
  await change({ models: { extra: { enabled: false } } });
  const refused = await chat('extra');
  assert.equal(refused.status, 404);
  assert.match((refused.body.error as { message: string }).message, /disabled/);
  const listed = await (await fetch(`${running.url}/v1/models`, { headers: { authorization: `Bearer ${running.masterKey}` } })).json() as { data: Array<{ id: string }> };
  assert.ok(!listed.data.some((model) => model.id === 'extra'));
  await change({ models: { extra: { enabled: true } } });

  const faults: Array<[unknown, string, RegExp]> = [
    [{ addDeployments: [{ group: 'pool', provider: 'gama', model: 'x' }] }, 'addDeployments[0].provider', /did you mean "gamma"/],
    [{ strategy: 'wieghted' }, 'strategy', /did you mean "weighted"/],
    [{ models: { pool: { deployments: { nope: { weight: 2 } } } } }, 'models.pool.deployments.nope', /no deployment "nope"/],
    [{ models: { solo: { enabled: false } } }, 'defaultModel', /default model "solo" would be disabled/],
    [{ models: { flaky: { deployments: { flaky: { enabled: false } } } } }, 'models.flaky.deployments', /disable the model group instead/],
    [{ addModels: [{ name: 'pool', deployments: [{ provider: 'alpha', model: 'x' }] }] }, 'addModels[0].name', /already exists/],
    [{ removeModels: ['pool'] }, 'removeModels[0]', /disable it instead/],
    [{ models: { pool: { deployments: { 'alpha/gpt-4o': { weight: -1 } } } } }, 'models.pool.deployments.alpha/gpt-4o.weight', /weight/],
    [{ rules: [{ when: { promptTokensAbove: 10 }, route: 'nowhere' }] }, 'rules[0].route', /unknown model group/],
    [{ colour: 'blue' }, '', /unknown field 'colour'/],
  ];
  const revision = (await call(running, 'GET', '/api/ai/config')).body.revision;
  for (const [body, param, message] of faults) {
    const answer = await call(running, 'PUT', '/api/ai/config', { body });
    const error = answer.body.error as { param?: string | null; message: string; code: string };
    assert.equal(answer.status, 400, JSON.stringify(body));
    assert.equal(error.param ?? '', param, error.message);
    assert.match(error.message, message);
  }
  assert.equal((await call(running, 'GET', '/api/ai/config')).body.revision, revision, 'a refused change stores nothing');
});

test('/api/ai/routing shows requests in flight, breaker states and traffic shares', async () => {
  gamma.failNext({ kind: 'http', status: 500 });
  gamma.failNext({ kind: 'http', status: 500 });
  assert.equal((await chat('flaky')).status, 502);
  assert.equal((await chat('flaky')).status, 502);
  const flaky = (await routing()).find((entry) => entry.group === 'flaky');
  assert.equal(flaky?.breaker, 'open');

  gamma.failNext({ kind: 'delay', ms: 1_500 });
  const slow = chat('solo');
  let seen: RoutingEntry | undefined;
  for (let poll = 0; poll < 500 && seen === undefined; poll += 1) {
    seen = (await routing()).find((entry) => entry.group === 'solo' && entry.inFlight === 1);
    if (seen === undefined) await new Promise((resolve) => setTimeout(resolve, 5));
  }
  assert.ok(seen, 'the slow request was seen in flight');
  assert.equal((await slow).status, 200);
  assert.equal((await routing()).find((entry) => entry.group === 'solo')?.inFlight, 0);

  const pool = (await routing()).filter((entry) => entry.group === 'pool');
  const total = pool.reduce((sum, entry) => sum + entry.recentRequests, 0);
  assert.ok(total > 0);
  for (const entry of pool) assert.equal(entry.share, Math.round((entry.recentRequests / total) * 10_000) / 10_000);
  assert.ok(Math.abs(pool.reduce((sum, entry) => sum + entry.share, 0) - 1) < 0.001);
  assert.deepEqual(pool.map((entry) => entry.weight), [3, 1, 1], 'current weights');
});

test('POST /api/ai/test answers each model with its answer or error and latency', async () => {
  const answer = await call(running, 'POST', '/api/ai/test', { body: { prompt: 'ping', models: ['pool', 'default', 'nope'] } });
  assert.equal(answer.status, 200);
  const results = answer.body.results as Array<{ model: string; ok: boolean; answer: string | null; servedBy: string | null; latencyMs: number; error: { code: string } | null }>;
  assert.deepEqual(results.map((result) => [result.model, result.ok, result.servedBy]), [['pool', true, 'pool'], ['default', true, 'solo'], ['nope', false, null]]);
  assert.equal(results[0].answer, 'Echo: ping');
  assert.equal(results[2].error?.code, 'SY_ERR_MODEL_NOT_FOUND');
  assert.ok(results.every((result) => result.latencyMs >= 0));
});

test('a viewer may read the models and the routing, but not change them', async () => {
  const { secret } = await running.gateway.keys.create({ name: 'viewer', scopes: ['management'], role: 'viewer' });
  for (const path of ['/api/ai/models', '/api/v1/ai/models', '/api/ai/routing']) assert.equal((await call(running, 'GET', path, { key: secret })).status, 200, path);
  const refused: Array<[string, string, unknown]> = [
    ['GET', '/api/ai/config', undefined],
    ['PUT', '/api/ai/config', { strategy: 'weighted' }],
    ['POST', '/api/ai/config/default-model', { model: 'pool' }],
    ['POST', '/api/ai/test', { prompt: 'x', models: ['pool'] }],
  ];
  for (const [method, path, body] of refused) {
    const answer = await call(running, method, path, { key: secret, body });
    assert.equal(answer.status, 403, `${method} ${path}`);
    assert.equal((answer.body.error as { code: string }).code, 'permission_denied');
  }
  assert.equal((await call(running, 'GET', '/api/ai/config')).body.strategy, 'round-robin', 'nothing changed');
});

test('every change is in the audit log with the overrides before and after', async () => {
  const page = await call(running, 'GET', '/api/audit?action=ai.config&limit=1000');
  const entries = page.body.data as Array<{ action: string; actorLabel: string; before: unknown; after: { defaultModel?: unknown } }>;
  assert.ok(entries.filter((entry) => entry.action === 'ai.config.update').length >= 8);
  const defaultChange = entries.find((entry) => entry.action === 'ai.config.default_model');
  assert.deepEqual([defaultChange?.before, defaultChange?.after], [{ defaultModel: null }, { defaultModel: 'solo' }]);
  assert.equal(defaultChange?.actorLabel, 'master key');
});

test('the answers match the OpenAPI document', async () => {
  const document = (await (await fetch(`${running.url}/api/openapi.json`)).json()) as OpenApiDocument;
  const validator = await startAnswerValidator(document);
  try {
    const calls: Array<['get' | 'put' | 'post', string, unknown]> = [
      ['get', '/api/ai/models', undefined],
      ['get', '/api/v1/ai/models', undefined],
      ['get', '/api/ai/routing', undefined],
      ['get', '/api/ai/config', undefined],
      ['put', '/api/ai/config', { models: { pool: { deployments: { 'beta/gpt-4o': { weight: 1 } } } } }],
      ['put', '/api/ai/config', { strategy: 'nope' }],
      ['post', '/api/ai/config/default-model', { model: 'solo' }],
      ['post', '/api/ai/config/default-model', {}],
      ['post', '/api/ai/test', { prompt: 'ping', models: ['pool', 'nope'] }],
      ['post', '/api/ai/test', { models: ['pool'] }],
    ];
    const problems: string[] = [];
    for (const [method, path, body] of calls) {
      const answer = await call(running, method.toUpperCase(), path, { body });
      const problem = await validator.check({ method, path, status: answer.status, body: answer.body });
      if (problem !== null) problems.push(problem);
    }
    assert.deepEqual(problems, []);
  } finally {
    await validator.close();
  }
});

test('a second replica on the same database picks up a change when it re-reads', async () => {
  const replica = await startGateway({ yaml: yaml(), databaseUrl });
  try {
    assert.deepEqual((await models(replica)).find((model) => model.name === 'pool')?.deployments.map((deployment) => deployment.id), ['alpha/gpt-4o', 'beta/gpt-4o', 'gamma-pool'], 'loaded at start');
    await change({ models: { pool: { deployments: { 'alpha/gpt-4o': { enabled: false } } } } });
    assert.equal(await replica.gateway.routingAdmin.refresh(), true);
    assert.equal(await replica.gateway.routingAdmin.refresh(), false, 'nothing new the second time');
    assert.equal((await models(replica)).find((model) => model.name === 'pool')?.deployments[0].enabled, false);
    const counts: Record<string, number> = {};
    for (let index = 0; index < 4; index += 1) {
      const { provider } = await chat('pool', replica);
      counts[provider ?? 'none'] = (counts[provider ?? 'none'] ?? 0) + 1;
    }
    assert.equal(counts.alpha, undefined, JSON.stringify(counts));
  } finally {
    await replica.close();
  }
});

test('after a restart on the same database every override is still in effect', async () => {
  await running.close();
  running = await startGateway({ yaml: yaml(), databaseUrl });
  const config = (await call(running, 'GET', '/api/ai/config')).body;
  assert.equal(config.defaultModel, 'solo');
  const pool = (config.models as ModelView[]).find((model) => model.name === 'pool');
  assert.deepEqual(pool?.deployments.map((deployment) => [deployment.id, deployment.enabled, deployment.weight]), [
    ['alpha/gpt-4o', false, 3],
    ['beta/gpt-4o', true, 1],
    ['gamma-pool', true, 1],
  ]);
  assert.equal((await chat('default')).provider, 'gamma');
  assert.equal((await chat('extra')).provider, 'gamma');
  const alphaBefore = alpha.requests.length;
  assert.deepEqual(await providersOf('pool', 4), { beta: 2, gamma: 2 });
  assert.equal(alpha.requests.length, alphaBefore);
});
