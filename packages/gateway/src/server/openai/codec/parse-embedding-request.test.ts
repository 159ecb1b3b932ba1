import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseEmbeddingRequest } from './parse-embedding-request.js';

describe('parseEmbeddingRequest', () => {
  it('parses a single string with defaults', () => {
    assert.deepEqual(parseEmbeddingRequest({ model: 'emb', input: 'hello' }), {
      request: { model: 'emb', input: ['hello'], encodingFormat: 'float' },
      tokenInput: false,
    });
  });

  it('parses an array of strings with every option', () => {
    assert.deepEqual(
      parseEmbeddingRequest({ model: 'emb', input: ['a', 'b'], encoding_format: 'base64', dimensions: 256, user: 'u' }),
      { request: { model: 'emb', input: ['a', 'b'], encodingFormat: 'base64', dimensions: 256, user: 'u' }, tokenInput: false },
    );
  });

  it('treats null options as unset', () => {
    assert.deepEqual(parseEmbeddingRequest({ model: 'emb', input: 'x', encoding_format: null, dimensions: null, user: null }), {
      request: { model: 'emb', input: ['x'], encodingFormat: 'float' },
      tokenInput: false,
    });
  });

  it('marks token arrays as pass-through only', () => {
    assert.deepEqual(parseEmbeddingRequest({ model: 'emb', input: [1, 2, 3] }), { request: null, tokenInput: true });
    assert.deepEqual(parseEmbeddingRequest({ model: 'emb', input: [[1, 2], [3]] }), { request: null, tokenInput: true });
  });

  it('accepts 2048 inputs', () => {
    const parsed = parseEmbeddingRequest({ model: 'emb', input: new Array(2048).fill('a') });
    assert.equal(parsed.request?.input.length, 2048);
  });

  const rejected: Array<{ name: string; body: unknown; message: string }> = [
    { name: 'missing model', body: { input: 'x' }, message: "Missing required parameter: 'model'." },
    { name: 'missing input', body: { model: 'emb' }, message: "Missing required parameter: 'input'." },
    { name: 'empty string', body: { model: 'emb', input: '' }, message: 'input: expected a non-empty string' },
    {
      name: 'empty array',
      body: { model: 'emb', input: [] },
      message: 'input: expected a non-empty string, an array of up to 2048 non-empty strings, or token arrays',
    },
    { name: 'empty string item', body: { model: 'emb', input: ['a', ''] }, message: 'input[1]: expected a non-empty string' },
    { name: 'mixed strings and numbers', body: { model: 'emb', input: ['a', 1] }, message: 'input[1]: expected a non-empty string' },
    { name: 'negative token', body: { model: 'emb', input: [1, -2] }, message: 'input[1]: expected a token id (a non-negative integer)' },
    { name: 'empty token array', body: { model: 'emb', input: [[1], []] }, message: 'input[1]: expected a non-empty array of token ids' },
    { name: 'too many inputs', body: { model: 'emb', input: new Array(2049).fill('a') }, message: 'input: expected at most 2048 items' },
    { name: 'input as an object', body: { model: 'emb', input: { text: 'a' } }, message: 'input: expected a non-empty string, an array of up to 2048 non-empty strings, or token arrays' },
    { name: 'bad encoding_format', body: { model: 'emb', input: 'x', encoding_format: 'int8' }, message: "encoding_format: expected 'float' or 'base64'" },
    { name: 'zero dimensions', body: { model: 'emb', input: 'x', dimensions: 0 }, message: 'dimensions: expected a positive integer' },
    { name: 'user as a number', body: { model: 'emb', input: 'x', user: 1 }, message: 'user: expected a string' },
  ];
  for (const { name, body, message } of rejected) {
    it(`rejects ${name}`, () => {
      assert.throws(() => parseEmbeddingRequest(body), { code: 'SY_ERR_INVALID_REQUEST', message });
    });
  }
});
