/**
 * The built document says what was agreed: sound OpenAPI 3.1; keys as a bearer token or x-api-key
 * with only the public paths open; x-request-id on every operation; every data-plane error status
 * in its protocol's shape with retry headers on 429; Anthropic headers on /v1/messages; streams
 * described with their events and examples. (test/e2e/openapi.test.ts checks it against the routes.)
 */

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkOpenApiDocument, resolvePointer } from './check-document.js';
import { buildOpenApiDocument, documentedOperations } from './openapi-document.js';
import { HTTP_METHODS } from './openapi-types.js';
import type { MediaTypeObject, OperationObject, ResponseObject } from './openapi-types.js';

const document = buildOpenApiDocument({ version: '1.2.3' });
const resolve = (value: unknown): unknown => {
  const pointer = (value as { $ref?: unknown }).$ref;
  return typeof pointer === 'string' ? resolvePointer(document, pointer) : value;
};
const operations: Array<{ path: string; operation: OperationObject }> = Object.entries(document.paths).flatMap(([path, item]) =>
  HTTP_METHODS.map((method) => item[method]).filter((operation) => operation !== undefined).map((operation) => ({ path, operation })),
);

test('the document is structurally sound, as built and as JSON', () => {
  assert.deepEqual(checkOpenApiDocument(document), []);
  assert.deepEqual(checkOpenApiDocument(JSON.parse(JSON.stringify(document))), []);
  assert.equal(document.info.version, '1.2.3');
});

test('operations are named the way Fastify names routes', () => {
  const names = documentedOperations(document);
  for (const expected of ['POST /v1/chat/completions', 'POST /v1/embeddings', 'POST /v1/messages', 'GET /v1/models', 'GET /v1/models/*', 'GET /health', 'GET /ready', 'GET /api/openapi.json', 'GET /docs', 'GET /dashboard']) {
    assert.ok(names.includes(expected), expected);
  }
});

test('keys go as a bearer token or x-api-key, /api also takes a user token; only the public paths need none', () => {
  const { bearerAuth, apiKeyAuth, userToken } = document.components.securitySchemes;
  assert.deepEqual([bearerAuth.type, bearerAuth.scheme], ['http', 'bearer']);
  assert.deepEqual([apiKeyAuth.type, apiKeyAuth.in, apiKeyAuth.name], ['apiKey', 'header', 'x-api-key']);
  assert.deepEqual([userToken.type, userToken.scheme, userToken.bearerFormat], ['http', 'bearer', 'JWT']);
  for (const { path, operation } of operations) {
    const permission = operation['x-switchyard-permission'];
    if (path.startsWith('/api/') && path !== '/api/openapi.json') assert.ok(permission, `${path} states its permission`);
    if (path.startsWith('/v1/')) assert.deepEqual(operation.security, [{ bearerAuth: [] }, { apiKeyAuth: [] }], path);
    else if (permission !== undefined && permission !== 'public') {
      assert.deepEqual(operation.security, [{ bearerAuth: [] }, { apiKeyAuth: [] }, { userToken: [] }], path);
      assert.match(operation.description ?? '', new RegExp(`Requires the \`${permission.replace('.', '\\.')}\` permission`), path);
    } else assert.deepEqual(operation.security, [], `${path} is public`);
  }
});

test('every operation accepts x-request-id, and every response sends it', () => {
  for (const { path, operation } of operations) {
    assert.ok(operation.parameters?.some((parameter) => resolve(parameter) === document.components.parameters.RequestId), `${path} accepts x-request-id`);
    for (const [status, value] of Object.entries(operation.responses)) {
      assert.ok('x-request-id' in ((resolve(value) as ResponseObject).headers ?? {}), `${path} ${status} sends x-request-id`);
    }
  }
});

test('data-plane operations document every error status in their protocol shape', () => {
  for (const { path, operation } of operations.filter((entry) => entry.path.startsWith('/v1/'))) {
    const protocol = path === '/v1/messages' ? 'Anthropic' : 'OpenAI';
    const statuses = path.startsWith('/v1/models') ? ['401', '403', '500', '503'] : ['400', '401', '403', '404', '413', '415', '429', '500', '502', '503', '504'];
    for (const status of statuses) {
      assert.deepEqual(operation.responses[status], { $ref: `#/components/responses/${protocol}Error${status}` }, `${path} ${status}`);
      const media = (resolve(operation.responses[status]) as ResponseObject).content?.['application/json'] as MediaTypeObject;
      assert.deepEqual(media.schema, { $ref: `#/components/schemas/${protocol}Error` });
    }
  }
  assert.ok(document.paths['/v1/models/{model}'].get?.responses['404']);
  for (const limited of [document.components.responses.OpenAIError429, document.components.responses.AnthropicError429]) {
    assert.ok(limited.headers && 'retry-after' in limited.headers && 'x-should-retry' in limited.headers);
  }
  assert.ok(document.components.responses.AnthropicError400.headers?.['request-id']);
});

test('answers name their provider, /v1/messages takes the Anthropic headers, and streams are described', () => {
  const messages = document.paths['/v1/messages'].post;
  const names = (messages?.parameters ?? []).map((parameter) => (resolve(parameter) as { name: string }).name);
  assert.ok(names.includes('anthropic-version') && names.includes('anthropic-beta'));
  for (const path of ['/v1/chat/completions', '/v1/messages', '/v1/embeddings']) {
    const ok = resolve(document.paths[path].post?.responses['200']) as ResponseObject;
    assert.ok(ok.headers && 'x-switchyard-provider' in ok.headers, path);
    if (path === '/v1/embeddings') continue;
    const stream = ok.content?.['text/event-stream'];
    assert.ok(stream && (stream['x-sse-events']?.length ?? 0) > 0, `${path} lists its stream events`);
    const examples = Object.values(stream.examples ?? {}).map((example) => String(example.value));
    assert.ok(examples.length >= 3 && examples.every((text) => text.startsWith('data: ') || text.startsWith('event: ')), `${path} has SSE examples`);
  }
});

test('the models list documents the simulator notice', () => {
  const list = document.components.schemas.OpenAIModelList.properties?.switchyard;
  assert.deepEqual(list, { $ref: '#/components/schemas/SimulatorNotice' });
  assert.deepEqual(document.components.schemas.OpenAIModel.properties?.switchyard, list);
});
