import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { GatewayError } from '../../../core/index.js';
import { formatPath, invalidRequest, missingParameter, parseWithSchema } from './validation.js';

describe('formatPath', () => {
  it('writes indexes in brackets and keys with dots', () => {
    assert.equal(formatPath(['messages', 0, 'content', 2, 'image_url', 'url']), 'messages[0].content[2].image_url.url');
    assert.equal(formatPath(['model']), 'model');
    assert.equal(formatPath([]), '');
  });
});

describe('invalidRequest and missingParameter', () => {
  it('names the field in the message and in param', () => {
    const error = invalidRequest(['tools', 1, 'type'], "expected 'function'");
    assert.equal(error.code, 'SY_ERR_INVALID_REQUEST');
    assert.equal(error.message, "tools[1].type: expected 'function'");
    assert.equal(error.param, 'tools[1].type');
  });

  it('speaks of the request body when the path is empty', () => {
    const error = invalidRequest([], 'expected a JSON object');
    assert.equal(error.message, 'Request body: expected a JSON object');
    assert.equal(error.param, undefined);
  });

  it('words a missing field as OpenAI does', () => {
    assert.equal(missingParameter(['model']).message, "Missing required parameter: 'model'.");
  });
});

describe('parseWithSchema', () => {
  const schema = z.object({
    name: z.string({ error: 'expected a string' }),
    value: z.union([z.string(), z.array(z.number({ error: 'expected a number' }))], { error: 'expected a string or numbers' }),
  });

  it('returns the parsed value', () => {
    assert.deepEqual(parseWithSchema(schema, { name: 'a', value: [1] }), { name: 'a', value: [1] });
  });

  for (const body of [null, [], 'text', 3]) {
    it(`rejects a body that is not an object: ${JSON.stringify(body)}`, () => {
      assert.throws(() => parseWithSchema(schema, body), { message: 'Request body: expected a JSON object' });
    });
  }

  it('reports a missing field as missing', () => {
    assert.throws(() => parseWithSchema(schema, { value: 'x' }), (error: unknown) => {
      assert.ok(error instanceof GatewayError);
      assert.equal(error.message, "Missing required parameter: 'name'.");
      assert.equal(error.param, 'name');
      return true;
    });
  });

  it("follows the union branch that got furthest (the array's bad item, not 'not a string')", () => {
    assert.throws(() => parseWithSchema(schema, { name: 'a', value: [1, 'x'] }), { message: 'value[1]: expected a number' });
  });

  it("uses the union's own message when no branch fits the value's type", () => {
    assert.throws(() => parseWithSchema(schema, { name: 'a', value: true }), { message: 'value: expected a string or numbers' });
  });
});
