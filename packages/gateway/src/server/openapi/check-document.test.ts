/** The structural check finds what a broken document gets wrong, and passes a sound one. */

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkOpenApiDocument, resolvePointer } from './check-document.js';

const sound = {
  openapi: '3.1.0',
  info: { title: 't', version: '1' },
  tags: [{ name: 'A', description: '' }],
  paths: {
    '/items/{id}': {
      get: {
        operationId: 'getItem',
        tags: ['A'],
        security: [{ bearer: [] }],
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } } } },
      },
    },
  },
  components: { schemas: { Item: { type: 'object' } }, securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
};

test('a sound document has no problems', () => {
  assert.deepEqual(checkOpenApiDocument(sound), []);
});

test('each kind of mistake is reported', () => {
  const broken = structuredClone(sound) as Record<string, unknown> & typeof sound;
  broken.openapi = '3.0.3';
  const operation = broken.paths['/items/{id}'].get as Record<string, unknown>;
  operation.tags = ['B'];
  operation.security = [{ apiKey: [] }];
  operation.parameters = [];
  operation.responses = { '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Missing' } } } }, ok: { description: 'x' } };
  const problems = checkOpenApiDocument(broken);
  for (const expected of [/openapi must be 3\.1/, /\$ref #\/components\/schemas\/Missing does not resolve/, /tag B/, /security scheme apiKey/, /path parameter id is not declared/, /without a description/, /ok is not a status/]) {
    assert.ok(problems.some((problem) => expected.test(problem)), `${expected} in ${problems.join('; ')}`);
  }
});

test('operation ids must be unique', () => {
  const twice = structuredClone(sound) as typeof sound & { paths: Record<string, unknown> };
  twice.paths['/other'] = { get: { ...sound.paths['/items/{id}'].get, parameters: [] } };
  assert.ok(checkOpenApiDocument(twice).some((problem) => /used twice/.test(problem)));
});

test('pointers resolve with JSON pointer escapes', () => {
  assert.deepEqual(resolvePointer({ a: { 'b/c': 1 } }, '#/a/b~1c'), 1);
  assert.equal(resolvePointer({ a: {} }, '#/a/missing'), undefined);
  assert.equal(resolvePointer({}, 'other.json#/a'), undefined);
});
