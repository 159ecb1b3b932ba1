/**
 * The multi-model endpoints through a real gateway and the fake upstreams (gpt-4o, claude and
 * gemini all answer "Echo: <text>", so they agree): consensus by each strategy, with one of three
 * models failing (quorum met) and two (quorum not met), a judge whose reply names no candidate;
 * several requests compared; one request; auth and validation errors in the OpenAI shape; a usage
 * row per model call and none for the HTTP request; and every answer valid against the document.
 */

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import type { Comparison } from '../../src/server/api/compare-results.js';
import type { ConsensusDecision } from '../../src/server/api/consensus/decide-consensus.js';
import type { ModelAnswer } from '../../src/server/api/model-answer.js';
import type { OpenApiDocument, ResponseObject } from '../../src/server/openapi/openapi-types.js';
import { startFakes, startGateway, standardConfig, usageRows } from '../support/gateway-harness.js';
import type { Fakes, RunningGateway } from '../support/gateway-harness.js';

let fakes: Fakes;
let running: RunningGateway;
let validator: FastifyInstance;

type Consensus = ConsensusDecision & { agreement: number };
interface ConsensusBody { id: string; strategy: string; consensus: Consensus | null; quorum: { required: number; succeeded: number; met: boolean }; responses: ModelAnswer[]; judge: ModelAnswer | null; totals: { costUsd: number } }
interface MultipleBody { id: string; results: ModelAnswer[]; comparison?: Comparison }
interface AnswerBody { model: string; provider: string; answer: string; finishReason: string; usage: { prompt: number; completion: number }; requestId: string }
interface ErrorBody { error: { message: string; type: string; param: string | null; code: string | null } }

/** Fastify's JSON Schema validator with one route per documented response of the multi-model operations. */
async function startValidator(document: OpenApiDocument): Promise<FastifyInstance> {
  const app = Fastify({ ajv: { customOptions: { strict: false, coerceTypes: false, removeAdditional: false, useDefaults: false, allErrors: true } } });
  app.addSchema({ $id: 'openapi', components: { schemas: document.components.schemas } });
  const absolute = (schema: unknown): unknown => JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi#/components/'));
  for (const [path, item] of Object.entries(document.paths)) {
    if (!path.startsWith('/api/ai/') && !path.startsWith('/api/v1/ai/')) continue;
    for (const [status, value] of Object.entries(item.post?.responses ?? {})) {
      const pointer = (value as { $ref?: string }).$ref;
      const response = (pointer ? document.components.responses[pointer.split('/').pop() ?? ''] : value) as ResponseObject;
      const schema = response.content?.['application/json']?.schema;
      if (schema === undefined) continue;
      app.post(`/check${path}/${status}`, { schema: { body: absolute(schema) }, attachValidation: true }, async (request) => ({ error: request.validationError?.message ?? null }));
    }
  }
  await app.ready();
  return app;
}

/** POSTs to the gateway; checks the answer's status and body against the document; returns the body. */
async function call<Body>(path: string, body: unknown, options: { key?: string | null; status?: number } = {}): Promise<Body> {
  const key = options.key === undefined ? running.masterKey : options.key;
  const response = await fetch(`${running.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key === null ? {} : { authorization: `Bearer ${key}` }) },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as Body & { id?: string; requestId?: string };
  assert.equal(response.status, options.status ?? 200, JSON.stringify(json));
  const check = await validator.inject({ method: 'POST', url: `/check${path}/${response.status}`, payload: json });
  assert.equal(check.statusCode, 200, `${path} ${response.status} is documented`);
  assert.equal(check.json<{ error: string | null }>().error, null, `${path} ${response.status}: ${JSON.stringify(json).slice(0, 300)}`);
  assert.equal(json.requestId ?? json.id ?? response.headers.get('x-request-id'), response.headers.get('x-request-id'));
  return json;
}

function present<Value>(value: Value | null | undefined): Value {
  assert.ok(value !== null && value !== undefined);
  return value;
}

before(async () => {
  fakes = await startFakes();
  running = await startGateway({ yaml: standardConfig(fakes) });
  const document = (await (await fetch(`${running.url}/api/openapi.json`)).json()) as OpenApiDocument;
  validator = await startValidator(document);
});

after(async () => {
  await validator.close();
  await running.close();
  await fakes.close();
});

const THREE = ['gpt-4o', 'claude', 'gemini'];

describe('consensus', () => {
  test('three agreeing models: agreement 1, the echoed answer, each call listed with its cost and tokens', async () => {
    for (const path of ['/api/ai/consensus', '/api/v1/ai/consensus']) {
      const body = await call<ConsensusBody>(path, { prompt: 'What is the capital of France?', models: THREE });
      assert.equal(body.strategy, 'agreement');
      assert.deepEqual(body.quorum, { required: 2, succeeded: 3, met: true });
      assert.equal(present(body.consensus).answer, 'Echo: What is the capital of France?');
      assert.equal(present(body.consensus).model, 'gpt-4o');
      assert.equal(present(body.consensus).agreement, 1);
      assert.deepEqual(body.responses.map((response) => [response.model, response.provider, response.error]), [
        ['gpt-4o', 'openai', null],
        ['claude', 'anthropic', null],
        ['gemini', 'gemini', null],
      ]);
      assert.deepEqual(body.responses.map((response) => response.requestId), [0, 1, 2].map((index) => `${body.id}.${index}`));
      for (const response of body.responses) assert.ok(response.tokens.prompt > 0 && response.tokens.completion > 0);
      assert.equal(body.judge, null);
    }
  });

  test('majority over messages: votes counted on normalised answers', async () => {
    const messages = [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Say yes' }];
    const body = await call<ConsensusBody>('/api/ai/consensus', { messages, models: THREE, strategy: 'majority', maxTokens: 20, temperature: 0 });
    assert.deepEqual([present(body.consensus).answer, present(body.consensus).method, present(body.consensus).votes], ['Echo: Say yes', 'majority', 3]);
  });

  test('one of three failing: quorum met with two, the failed model listed with its error', async () => {
    fakes.anthropic.failNext({ kind: 'http', status: 500, message: 'anthropic is down' });
    const body = await call<ConsensusBody>('/api/ai/consensus', { prompt: 'hello', models: THREE, strategy: 'majority' });
    assert.deepEqual(body.quorum, { required: 2, succeeded: 2, met: true });
    assert.equal(present(body.consensus).answer, 'Echo: hello');
    assert.equal(present(body.consensus).votes, 2);
    const failed = body.responses[1];
    assert.deepEqual([failed.model, failed.answer, present(failed.error).code, present(failed.error).status], ['claude', null, 'SY_ERR_UPSTREAM_SERVER', 502]);
    assert.match(present(failed.error).message, /anthropic is down/);
    assert.deepEqual([failed.tokens, failed.costUsd], [{ prompt: 0, completion: 0 }, 0]);
  });

  test('two of three failing with quorum 3: 200 with quorum not met, no consensus, every response listed', async () => {
    fakes.openai.failNext({ kind: 'http', status: 500, message: 'openai is down' });
    fakes.gemini.failNext({ kind: 'http', status: 503, message: 'gemini is down' });
    const body = await call<ConsensusBody>('/api/ai/consensus', { prompt: 'hello', models: THREE, quorum: 3 });
    assert.deepEqual(body.quorum, { required: 3, succeeded: 1, met: false });
    assert.equal(body.consensus, null);
    assert.deepEqual(body.responses.map((response) => response.answer === null), [true, false, true]);
  });

  test('judge: a reply that names no candidate is taken as the judge’s own answer; its call is listed', async () => {
    const before = fakes.openai.requests.length;
    const body = await call<ConsensusBody>('/api/ai/consensus', { prompt: 'Capital of France?', models: ['claude', 'gemini'], strategy: 'judge', judge: 'gpt-4o' });
    assert.equal(fakes.openai.requests.length - before, 1, 'the judge was asked once');
    assert.equal(present(body.consensus).method, 'judge-synthesis');
    assert.equal(present(body.consensus).model, null);
    // The fake judge echoes its prompt, which lists the candidates: no verdict, so a synthesis.
    assert.match(present(body.consensus).answer, /^Echo: Question:\nCapital of France\?\n\nAnswers:\n\n\[1\]\nEcho: Capital of France\?/);
    assert.equal(present(body.consensus).agreement, 1);
    assert.deepEqual([present(body.judge).model, present(body.judge).requestId, present(body.judge).error], ['gpt-4o', `${body.id}.judge`, null]);
    const cost = body.responses.reduce((sum, response) => sum + response.costUsd, present(body.judge).costUsd);
    assert.ok(Math.abs(body.totals.costUsd - cost) < 1e-9);
  });

  test('judge failing: the most agreeing answer is taken, and the note says why', async () => {
    fakes.openai.failNext({ kind: 'http', status: 500, message: 'judge is down' });
    const body = await call<ConsensusBody>('/api/ai/consensus', { prompt: 'hi', models: ['claude', 'gemini'], strategy: 'judge', judge: 'gpt-4o' });
    const consensus = present(body.consensus);
    assert.deepEqual([consensus.method, consensus.model, consensus.answer], ['judge-fallback', 'claude', 'Echo: hi']);
    assert.match(consensus.note ?? '', /the judge 'gpt-4o' failed \(SY_ERR_UPSTREAM_SERVER\)/);
    assert.equal(present(present(body.judge).error).code, 'SY_ERR_UPSTREAM_SERVER');
  });

  test('bad requests are 400s naming the field; unknown models 404 before any call', async () => {
    const cases: Array<[unknown, RegExp, string | null]> = [
      [{ prompt: 'hi', models: ['gpt-4o'] }, /^models: expected an array of 2 to 8/, 'models'],
      [{ models: THREE }, /^prompt: required/, 'prompt'],
      [{ prompt: 'hi', messages: [{ role: 'user', content: 'hi' }], models: THREE }, /not both/, 'prompt'],
      [{ prompt: 'hi', models: THREE, strategy: 'judge' }, /^judge: required with strategy 'judge'/, 'judge'],
      [{ prompt: 'hi', models: THREE, judge: 'gpt-4o' }, /^judge: only used with strategy 'judge'/, 'judge'],
      [{ prompt: 'hi', models: THREE, quorum: 4 }, /^quorum: expected at most 3/, 'quorum'],
      [{ prompt: 'hi', models: THREE, stream: true }, /unknown field 'stream'/, null],
      [{ messages: [{ role: 'user' }], models: THREE }, /messages\[0\]\.content/, 'messages[0].content'],
    ];
    for (const [body, message, param] of cases) {
      const error = (await call<ErrorBody>('/api/ai/consensus', body, { status: 400 })).error;
      assert.match(error.message, message);
      assert.equal(error.param, param);
    }
    const before = fakes.openai.requests.length;
    const unknown = (await call<ErrorBody>('/api/ai/consensus', { prompt: 'hi', models: ['gpt-4o', 'nope'] }, { status: 404 })).error;
    assert.deepEqual([unknown.code, unknown.param], ['model_not_found', 'models[1]']);
    assert.equal(fakes.openai.requests.length, before, 'no model was called');
  });
});

describe('multiple', () => {
  test('several requests in parallel, compared side by side; a failing one reported in its result', async () => {
    fakes.gemini.failNext({ kind: 'http', status: 500, message: 'gemini is down' });
    const body = await call<MultipleBody>('/api/ai/multiple', {
      requests: [{ model: 'gpt-4o', prompt: 'short' }, { model: 'claude', prompt: 'a much longer question' }, { model: 'gemini', prompt: 'x' }, { model: 'nope', prompt: 'y' }],
      compareResults: true,
    });
    assert.deepEqual(body.results.map((result) => result.answer), ['Echo: short', 'Echo: a much longer question', null, null]);
    assert.deepEqual(body.results.map((result) => result.error?.code ?? null), [null, null, 'SY_ERR_UPSTREAM_SERVER', 'SY_ERR_MODEL_NOT_FOUND']);
    const comparison = present(body.comparison);
    assert.deepEqual([comparison.longest, comparison.shortest], ['claude', 'gpt-4o']);
    assert.ok([comparison.fastest, comparison.cheapest].every((model) => model === 'gpt-4o' || model === 'claude'));
    assert.equal(comparison.agreement, 0.1667, 'echo short vs echo a much longer question: 1 word shared of 6');
    const table = comparison.table.map((row) => [row.index, row.model, row.answerLength, row.error]);
    assert.deepEqual(table, [[0, 'gpt-4o', 11, null], [1, 'claude', 28, null], [2, 'gemini', null, 'SY_ERR_UPSTREAM_SERVER'], [3, 'nope', null, 'SY_ERR_MODEL_NOT_FOUND']]);
  });

  test('without compareResults there is no comparison; a fault deep in one request is named in full', async () => {
    const body = await call<MultipleBody>('/api/ai/multiple', { requests: [{ model: 'gpt-4o', prompt: 'hi' }] });
    assert.equal(body.comparison, undefined);
    const error = (await call<ErrorBody>('/api/ai/multiple', { requests: [{ model: 'gpt-4o', prompt: 'hi' }, { model: 'claude', messages: [{ role: 'user', content: 5 }] }] }, { status: 400 })).error;
    assert.equal(error.param, 'requests[1].messages[0].content');
    assert.match(error.message, /^requests\[1\]\.messages\[0\]\.content: /);
    const tooMany = (await call<ErrorBody>('/api/ai/multiple', { requests: Array.from({ length: 11 }, () => ({ model: 'gpt-4o', prompt: 'hi' })) }, { status: 400 })).error;
    assert.match(tooMany.message, /^requests: expected an array of 1 to 10 requests/);
  });
});

describe('request', () => {
  test('one request through the pipeline, at both paths', async () => {
    for (const path of ['/api/ai/request', '/api/v1/ai/process']) {
      const body = await call<AnswerBody>(path, { model: 'claude', prompt: 'hello', maxTokens: 30 });
      assert.deepEqual([body.model, body.provider, body.answer, body.finishReason], ['claude', 'anthropic', 'Echo: hello', 'stop']);
      assert.deepEqual(body.usage, { prompt: 1, completion: 2 });
    }
  });

  test('an unknown model is a 404, an upstream failure its 5xx, in the OpenAI shape', async () => {
    const unknown = (await call<ErrorBody>('/api/ai/request', { model: 'nope', prompt: 'hello' }, { status: 404 })).error;
    assert.deepEqual([unknown.type, unknown.code, unknown.param], ['invalid_request_error', 'model_not_found', 'model']);
    fakes.openai.failNext({ kind: 'http', status: 500, message: 'openai is down' });
    const failed = (await call<ErrorBody>('/api/ai/request', { model: 'gpt-4o', prompt: 'hello' }, { status: 502 })).error;
    assert.match(failed.message, /openai is down/);
  });
});

describe('keys and usage', () => {
  test('no key is a 401; a key limited to some models is refused the others', async () => {
    for (const path of ['/api/ai/consensus', '/api/ai/multiple', '/api/ai/request']) {
      const error = (await call<ErrorBody>(path, {}, { key: null, status: 401 })).error;
      assert.equal(error.type, 'authentication_error');
    }
    const limited = await running.gateway.keys.create({ name: 'limited', models: ['gpt-4o', 'claude'] });
    const refused = (await call<ErrorBody>('/api/ai/consensus', { prompt: 'hi', models: ['gpt-4o', 'gemini'] }, { key: limited.secret, status: 403 })).error;
    assert.deepEqual([refused.type, refused.param], ['permission_error', 'models[1]']);
    const body = await call<ConsensusBody>('/api/ai/consensus', { prompt: 'hi', models: ['gpt-4o', 'claude'] }, { key: limited.secret });
    assert.equal(present(body.consensus).agreement, 1);
  });

  test('each model call leaves its own usage row; the HTTP request none of its own', async () => {
    const body = await call<ConsensusBody>('/api/ai/consensus', { prompt: 'count me', models: THREE, strategy: 'judge', judge: 'claude' });
    const single = await call<AnswerBody>('/api/ai/request', { model: 'gemini', prompt: 'count me too' });
    const rows = await usageRows(running);
    const mine = rows.filter((row) => row.requestId === body.id || row.requestId.startsWith(`${body.id}.`));
    const expected = [['0', 'gpt-4o'], ['1', 'claude'], ['2', 'gemini'], ['judge', 'claude']].map(([suffix, model]) => [`${body.id}.${suffix}`, model, 'success']);
    assert.deepEqual(mine.map((row) => [row.requestId, row.modelGroup, row.outcome]).sort(), expected);
    const singleRows = rows.filter((row) => row.requestId === single.requestId);
    assert.deepEqual(singleRows.map((row) => [row.modelGroup, row.outcome]), [['gemini', 'success']]);
  });
});
