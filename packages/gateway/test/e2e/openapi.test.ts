/**
 * The OpenAPI document (GET /api/openapi.json) and its page (GET /docs) kept in step with the
 * gateway: every route registered on the running server has an operation and every operation a
 * route; the served document is sound OpenAPI 3.1 (its security, headers and error responses are
 * checked in src/server/openapi/openapi-document.test.ts); and real answers — JSON, streams and errors of both protocols — have a documented status,
 * content type and headers, and bodies that validate against the documented schemas (checked by
 * Fastify's own JSON Schema validator).
 */

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { checkOpenApiDocument, resolvePointer } from '../../src/server/openapi/check-document.js';
import { SIMULATOR_NOTICE_EXAMPLE } from '../../src/server/openapi/models.js';
import { buildOpenApiDocument, documentedOperations } from '../../src/server/openapi/openapi-document.js';
import { HTTP_METHODS } from '../../src/server/openapi/openapi-types.js';
import type { HttpMethod, OpenApiDocument, OperationObject, ResponseObject } from '../../src/server/openapi/openapi-types.js';
import { comparableRoute, registeredRoutes } from '../../src/server/openapi/registered-routes.js';
import { startFakes, startGateway, standardConfig } from '../support/gateway-harness.js';
import type { Fakes, RunningGateway } from '../support/gateway-harness.js';

let fakes: Fakes;
let running: RunningGateway;
let document: OpenApiDocument;
let validator: FastifyInstance;

/** Fastify's validator, one route per documented JSON body and per component schema. */
async function startValidator(spec: OpenApiDocument): Promise<FastifyInstance> {
  const app = Fastify({ ajv: { customOptions: { strict: false, coerceTypes: false, removeAdditional: false, useDefaults: false, allErrors: true } } });
  app.addSchema({ $id: 'openapi', components: { schemas: spec.components.schemas } });
  const absolute = (schema: unknown): unknown => JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi#/components/'));
  const route = (url: string, schema: unknown): void => {
    app.post(url, { schema: { body: absolute(schema) }, attachValidation: true }, async (request) => ({ error: request.validationError?.message ?? null }));
  };
  for (const name of Object.keys(spec.components.schemas)) route(`/schema/${name}`, { $ref: `#/components/schemas/${name}` });
  for (const item of Object.values(spec.paths)) {
    for (const operation of HTTP_METHODS.map((method) => item[method]).filter((candidate) => candidate !== undefined)) {
      for (const [status, value] of Object.entries(operation.responses)) {
        const media = (resolve(value) as ResponseObject).content?.['application/json'];
        if (media) route(`/response/${operation.operationId}/${status}`, media.schema);
      }
    }
  }
  await app.ready();
  return app;
}

function resolve(value: unknown): unknown {
  const pointer = (value as { $ref?: unknown }).$ref;
  return typeof pointer === 'string' ? resolvePointer(document, pointer) : value;
}

async function validate(url: string, value: unknown): Promise<void> {
  const answer = await validator.inject({ method: 'POST', url, payload: JSON.stringify(value), headers: { 'content-type': 'application/json' } });
  assert.equal(answer.json<{ error: string | null }>().error, null, `${url}: ${JSON.stringify(value).slice(0, 400)}`);
}

function operation(method: HttpMethod, path: string): OperationObject {
  const found = document.paths[path]?.[method];
  assert.ok(found, `${method.toUpperCase()} ${path} is documented`);
  return found;
}

/** The response must be documented (status, content type, headers) and its JSON body valid. */
async function expectDocumented(input: { method: HttpMethod; path: string; response: Response }): Promise<string> {
  const { method, path, response } = input;
  const documented = operation(method, path);
  const answer = resolve(documented.responses[String(response.status)]) as ResponseObject | undefined;
  assert.ok(answer, `${method.toUpperCase()} ${path} documents status ${response.status}`);
  const text = await response.text();
  const type = (response.headers.get('content-type') ?? '').split(';')[0].trim();
  if (answer.content !== undefined) assert.ok(type in answer.content, `${path} ${response.status}: ${type} documented in ${Object.keys(answer.content)}`);
  const headers = answer.headers ?? {};
  for (const name of ['x-request-id', 'x-switchyard-provider', 'retry-after', 'x-should-retry', 'request-id']) {
    if (response.headers.has(name)) assert.ok(name in headers, `${path} ${response.status}: header ${name} is documented`);
  }
  assert.ok(response.headers.has('x-request-id'));
  if (type === 'application/json') await validate(`/response/${documented.operationId}/${response.status}`, JSON.parse(text));
  return text;
}

const key = (): Record<string, string> => ({ authorization: `Bearer ${running.masterKey}`, 'content-type': 'application/json' });
const post = (path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> =>
  fetch(`${running.url}${path}`, { method: 'POST', headers: { ...key(), ...headers }, body: JSON.stringify(body) });
const sseFrames = (text: string): Array<{ event: string | null; data: string }> =>
  text.split('\n\n').filter((frame) => frame.trim() !== '').map((frame) => ({ event: /^event: (.*)$/m.exec(frame)?.[1] ?? null, data: /^data: (.*)$/m.exec(frame)?.[1] ?? '' }));

before(async () => {
  fakes = await startFakes();
  running = await startGateway({ yaml: standardConfig(fakes) });
  document = (await (await fetch(`${running.url}/api/openapi.json`)).json()) as OpenApiDocument;
  validator = await startValidator(document);
});

after(async () => {
  await validator.close();
  await running.close();
  await fakes.close();
});

describe('the document and the routes', () => {
  test('every registered route has an operation, and every operation a route', () => {
    const server = running.gateway.server;
    const routes = new Set(registeredRoutes(server).map(comparableRoute));
    const operations = new Set(documentedOperations(document).map(comparableRoute));
    const undocumentedRoutes = [...routes].filter((route) => !operations.has(route));
    const operationsWithoutRoute = [...operations].filter((entry) => !routes.has(entry));
    assert.deepEqual({ undocumentedRoutes, operationsWithoutRoute }, { undocumentedRoutes: [], operationsWithoutRoute: [] });
    for (const entry of documentedOperations(document)) {
      const [method, url] = entry.split(' ');
      assert.ok(server.hasRoute({ method: method as 'GET' | 'POST', url }), `${entry} is registered exactly so`);
    }
  });

  test('is structurally sound OpenAPI 3.1, and the one the code builds', () => {
    assert.deepEqual(checkOpenApiDocument(document), []);
    assert.deepEqual(document, JSON.parse(JSON.stringify(buildOpenApiDocument({ version: document.info.version }))));
  });
});

describe('real answers match the document', () => {
  test('public routes: health, readiness, the document, the page and the dashboard files', async () => {
    for (const path of ['/health', '/ready', '/api/openapi.json', '/docs', '/dashboard']) {
      await expectDocumented({ method: 'get', path, response: await fetch(`${running.url}${path}`) });
    }
    const files = (resolve(operation('get', '/dashboard/{file}').parameters?.[0]) as { schema: { enum: string[] } }).schema.enum;
    for (const file of files) await expectDocumented({ method: 'get', path: '/dashboard/{file}', response: await fetch(`${running.url}/dashboard/${file}`) });
    await expectDocumented({ method: 'get', path: '/dashboard/', response: await fetch(`${running.url}/dashboard/`, { redirect: 'manual' }) });
  });

  test('the /docs page is self-contained, renders /api/openapi.json, and its policy allows only its own inline code', async () => {
    const response = await fetch(`${running.url}/docs`);
    const page = await response.text();
    assert.match(page, /fetch\('\/api\/openapi\.json'/);
    assert.doesNotMatch(page, /(src|href)="(https?:)?\/\//, 'nothing is loaded from another host');
    const policy = response.headers.get('content-security-policy') ?? '';
    assert.match(policy, /script-src 'sha256-[A-Za-z0-9+/=]+'/);
    assert.match(policy, /connect-src 'self'/);
  });

  test('chat completions: translated and passed through, JSON and stream, and errors', async () => {
    const messages = [{ role: 'user', content: 'hello there' }];
    const chat = (body: unknown, headers?: Record<string, string>): Promise<Response> => post('/v1/chat/completions', body, headers);
    const documented = async (response: Response): Promise<string> => expectDocumented({ method: 'post', path: '/v1/chat/completions', response });
    for (const model of ['gpt-4o', 'claude', 'gemini']) {
      await documented(await chat({ model, messages }));
      const frames = sseFrames(await documented(await chat({ model, messages, stream: true, stream_options: { include_usage: true } })));
      assert.equal(frames.at(-1)?.data, '[DONE]');
      for (const frame of frames.slice(0, -1)) await validate('/schema/ChatCompletionChunk', JSON.parse(frame.data));
    }
    fakes.anthropic.failNext({ kind: 'mid-stream', afterEvents: 2, message: 'upstream broke' });
    const broken = sseFrames(await documented(await chat({ model: 'claude', messages, stream: true })));
    await validate('/schema/OpenAIStreamError', JSON.parse(broken.at(-1)?.data ?? '{}'));
    fakes.openai.failNext({ kind: 'http', status: 429, message: 'slow down', headers: { 'retry-after': '3' } });
    // One at a time: the scripted 429 is for the next call the fake receives.
    const failures: Array<[number, () => Promise<Response>]> = [
      [429, () => chat({ model: 'gpt-4o', messages })],
      [404, () => chat({ model: 'nope', messages })],
      [400, () => chat({ model: 'gpt-4o', messages: [] })],
      [502, () => chat({ model: 'badkey', messages })],
      [401, () => chat({ model: 'gpt-4o', messages }, { authorization: 'Bearer wrong' })],
      [415, () => fetch(`${running.url}/v1/chat/completions`, { method: 'POST', headers: { ...key(), 'content-type': 'text/plain' }, body: 'hi' })],
      [413, () => chat({ model: 'gpt-4o', messages: [{ role: 'user', content: 'x'.repeat(70_000) }] })],
    ];
    for (const [status, send] of failures) {
      const response = await send();
      assert.equal(response.status, status);
      await documented(response);
    }
  });

  test('messages: translated and passed through, JSON and stream, and errors in the Anthropic shape', async () => {
    const body = { max_tokens: 50, messages: [{ role: 'user', content: 'hello there' }] };
    const send = (extra: Record<string, unknown>): Promise<Response> => post('/v1/messages', { ...body, ...extra }, { 'anthropic-version': '2023-06-01' });
    const documented = async (response: Response): Promise<string> => expectDocumented({ method: 'post', path: '/v1/messages', response });
    const events = (resolve(operation('post', '/v1/messages').responses['200']) as ResponseObject).content?.['text/event-stream']['x-sse-events'] ?? [];
    const schemaOf = new Map(events.map((event) => [event.event, event.data.$ref?.split('/').pop()]));
    const checkFrames = async (text: string): Promise<void> => {
      for (const frame of sseFrames(text)) {
        assert.ok(schemaOf.has(frame.event), `event ${frame.event} is documented`);
        await validate(`/schema/${schemaOf.get(frame.event)}`, JSON.parse(frame.data));
      }
    };
    for (const model of ['claude', 'gpt-4o', 'gemini']) {
      await documented(await send({ model }));
      await checkFrames(await documented(await send({ model, stream: true })));
    }
    fakes.openai.failNext({ kind: 'mid-stream', afterEvents: 2, message: 'upstream broke' });
    const broken = await documented(await send({ model: 'gpt-4o', stream: true }));
    assert.equal(sseFrames(broken).at(-1)?.event, 'error');
    await checkFrames(broken);
    fakes.anthropic.failNext({ kind: 'http', status: 429, message: 'slow down', headers: { 'retry-after': '3' } });
    for (const [status, extra] of [[429, { model: 'claude' }], [404, { model: 'nope' }], [400, { model: 'claude', max_tokens: 0 }]] as const) {
      const response = await send(extra);
      assert.equal(response.status, status);
      await documented(response);
    }
  });

  test('embeddings, and the models list and model in both shapes', async () => {
    for (const model of ['embed-openai', 'embed-gemini']) {
      await expectDocumented({ method: 'post', path: '/v1/embeddings', response: await post('/v1/embeddings', { model, input: ['one', 'two'] }) });
    }
    for (const headers of [key(), { ...key(), 'anthropic-version': '2023-06-01' }]) {
      await expectDocumented({ method: 'get', path: '/v1/models', response: await fetch(`${running.url}/v1/models`, { headers }) });
      await expectDocumented({ method: 'get', path: '/v1/models/{model}', response: await fetch(`${running.url}/v1/models/gpt-4o`, { headers }) });
    }
    await expectDocumented({ method: 'get', path: '/v1/models/{model}', response: await fetch(`${running.url}/v1/models/nope`, { headers: key() }) });
    await expectDocumented({ method: 'get', path: '/v1/models', response: await fetch(`${running.url}/v1/models`) });
  });

  test('with no provider configured, the models carry the documented simulator notice', async () => {
    const simulator = await startGateway({ yaml: 'server: { port: 0, host: 127.0.0.1 }\nlogging: { level: silent }\n' });
    try {
      const response = await fetch(`${simulator.url}/v1/models`, { headers: { authorization: `Bearer ${simulator.masterKey}` } });
      const list = JSON.parse(await expectDocumented({ method: 'get', path: '/v1/models', response })) as { switchyard?: { notice: string }; data: Array<{ switchyard?: unknown }> };
      assert.equal(list.switchyard?.notice, SIMULATOR_NOTICE_EXAMPLE);
      assert.ok(list.data.length > 0 && list.data.every((model) => JSON.stringify(model.switchyard) === JSON.stringify({ source: 'simulator', notice: SIMULATOR_NOTICE_EXAMPLE })));
    } finally {
      await simulator.close();
    }
  });
});

describe('management answers match the document', () => {
  /** Calls `METHOD template` (path parameters filled in) and checks the answer against the document; returns its JSON. */
  const api = async (input: { method: HttpMethod; path: string; id?: string; query?: string; body?: unknown; token?: string | null; status: number }): Promise<Record<string, unknown>> => {
    const headers: Record<string, string> = {};
    if (input.token !== null) headers.authorization = `Bearer ${input.token ?? running.masterKey}`;
    if (input.body !== undefined) headers['content-type'] = 'application/json';
    const url = `${running.url}${input.path.replace('{id}', encodeURIComponent(input.id ?? ''))}${input.query === undefined ? '' : `?${input.query}`}`;
    const response = await fetch(url, { method: input.method.toUpperCase(), headers, body: input.body === undefined ? undefined : JSON.stringify(input.body) });
    assert.equal(response.status, input.status, `${input.method.toUpperCase()} ${input.path}`);
    const text = await expectDocumented({ method: input.method, path: input.path, response });
    return text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
  };
  const idOf = (record: Record<string, unknown>, field?: string): string => String((field === undefined ? record : (record[field] as Record<string, unknown>)).id);

  test('users, teams, sign-in and the account', async () => {
    const team = await api({ method: 'post', path: '/api/teams', body: { name: 'documented team' }, status: 201 });
    await api({ method: 'get', path: '/api/teams', status: 200 });
    await api({ method: 'patch', path: '/api/teams/{id}', id: idOf(team), body: { name: 'documented team 2' }, status: 200 });
    const created = await api({ method: 'post', path: '/api/users', body: { email: 'doc@example.com', role: 'developer', teamId: idOf(team) }, status: 201 });
    await api({ method: 'get', path: '/api/teams/{id}', id: idOf(team), status: 200 });
    await api({ method: 'get', path: '/api/users', status: 200 });
    await api({ method: 'get', path: '/api/users/{id}', id: idOf(created, 'user'), status: 200 });
    await api({ method: 'patch', path: '/api/users/{id}', id: idOf(created, 'user'), body: { name: 'Doc' }, status: 200 });
    const tokens = await api({ method: 'post', path: '/api/auth/login', body: { email: 'doc@example.com', password: created.password }, token: null, status: 200 });
    const refreshed = await api({ method: 'post', path: '/api/auth/refresh', body: { refreshToken: tokens.refreshToken }, token: null, status: 200 });
    const token = String(refreshed.accessToken);
    await api({ method: 'get', path: '/api/auth/me', token, status: 200 });
    await api({ method: 'get', path: '/api/v1/account', token, status: 200 });
    await api({ method: 'post', path: '/api/users', body: {}, status: 400 });
    await api({ method: 'post', path: '/api/users', body: { email: 'x@example.com', role: 'viewer' }, token, status: 403 });
    await api({ method: 'get', path: '/api/users', token: null, status: 401 });
    await api({ method: 'get', path: '/api/users/{id}', id: 'usr_none', status: 404 });
    await api({ method: 'post', path: '/api/teams', body: { name: 'documented team 2' }, status: 409 });
    await api({ method: 'post', path: '/api/auth/logout', token, status: 204 });
    await api({ method: 'post', path: '/api/auth/login', body: { email: 'doc@example.com', password: 'not the password' }, token: null, status: 401 });
    await api({ method: 'delete', path: '/api/users/{id}', id: idOf(created, 'user'), status: 204 });
    await api({ method: 'delete', path: '/api/teams/{id}', id: idOf(team), status: 204 });
  });

  test('keys, usage and the account of a key', async () => {
    const created = await api({ method: 'post', path: '/api/keys', body: { name: 'documented', models: ['gpt-4o'] }, status: 201 });
    const id = idOf(created, 'key');
    await api({ method: 'get', path: '/api/keys', status: 200 });
    await api({ method: 'get', path: '/api/keys/{id}', id, status: 200 });
    await api({ method: 'patch', path: '/api/keys/{id}', id, body: { description: 'for the document' }, status: 200 });
    await api({ method: 'get', path: '/api/v1/account', token: String(created.secret), status: 200 });
    await api({ method: 'get', path: '/api/ai/usage', status: 200 });
    const rotated = await api({ method: 'post', path: '/api/keys/{id}/rotate', id, body: { graceMs: 0 }, status: 200 });
    await api({ method: 'post', path: '/api/keys/{id}/rotate', id, body: {}, status: 409 });
    await api({ method: 'post', path: '/api/keys/{id}/revoke', id: idOf(rotated, 'key'), status: 200 });
    await api({ method: 'delete', path: '/api/keys/{id}', id: idOf(rotated, 'key'), status: 200 });
  });

  test('component health and readiness', async () => {
    await api({ method: 'get', path: '/api/health', status: 200 });
    await api({ method: 'get', path: '/api/ai/health', status: 200 });
    await api({ method: 'get', path: '/api/health', token: null, status: 401 });
  });

  test('analytics: usage, performance and costs, as JSON and as CSV', async () => {
    for (const endpoint of ['usage', 'performance', 'costs']) {
      const path = `/api/ai/analytics/${endpoint}`;
      await api({ method: 'get', path, status: 200 });
      await api({ method: 'get', path, query: 'granularity=minute&groupBy=model&top=1', status: 200 });
      await api({ method: 'get', path, query: 'granularity=week', status: 400 });
      const csv = await fetch(`${running.url}${path}?format=csv&groupBy=provider`, { headers: key() });
      assert.equal(csv.status, 200);
      assert.match(await expectDocumented({ method: 'get', path, response: csv }), /^start,group,/);
    }
  });

  test('budgets, rate limits, credentials and the audit log', async () => {
    const budget = await api({ method: 'post', path: '/api/budgets', body: { name: 'documented', scope: 'global', limitUsd: 10, period: 'daily' }, status: 201 });
    await api({ method: 'get', path: '/api/budgets', status: 200 });
    await api({ method: 'get', path: '/api/budgets/{id}', id: idOf(budget), status: 200 });
    await api({ method: 'patch', path: '/api/budgets/{id}', id: idOf(budget), body: { limitUsd: 20 }, status: 200 });
    await api({ method: 'post', path: '/api/budgets/{id}/reset', id: idOf(budget), status: 200 });
    await api({ method: 'delete', path: '/api/budgets/{id}', id: idOf(budget), status: 204 });
    const limit = await api({ method: 'post', path: '/api/rate-limits', body: { scope: 'ip', scopeId: '203.0.113.9', requests: 100, per: '1m' }, status: 201 });
    await api({ method: 'get', path: '/api/rate-limits', status: 200 });
    await api({ method: 'get', path: '/api/rate-limits/{id}', id: idOf(limit), status: 200 });
    await api({ method: 'patch', path: '/api/rate-limits/{id}', id: idOf(limit), body: { per: 120_000 }, status: 200 });
    await api({ method: 'delete', path: '/api/rate-limits/{id}', id: idOf(limit), status: 204 });
    const credential = await api({ method: 'post', path: '/api/providers/credentials', body: { provider: 'openai-badkey', secret: 'sk-documented-0123456789' }, status: 201 });
    await api({ method: 'get', path: '/api/providers/credentials', status: 200 });
    await api({ method: 'put', path: '/api/providers/credentials/{id}', id: idOf(credential), body: { secret: 'sk-documented-9876543210' }, status: 200 });
    await api({ method: 'delete', path: '/api/providers/credentials/{id}', id: idOf(credential), status: 200 });
    const page = await api({ method: 'get', path: '/api/audit', query: 'limit=2', status: 200 });
    await api({ method: 'get', path: '/api/audit', query: `cursor=${String(page.nextCursor)}`, status: 200 });
    await api({ method: 'get', path: '/api/audit', query: 'actorType=robot', status: 400 });
  });
});
