import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { UpstreamResponse } from '../shared/http.js';
import { openaiHttpError, openaiInBandError } from './openai-errors.js';

function response(status: number, text: string, headers: UpstreamResponse['headers'] = {}): UpstreamResponse {
  const body = { text: async () => text } as unknown as UpstreamResponse['body'];
  return { status, headers, body };
}

test('OpenAI, Azure and vLLM error shapes keep the provider message', async () => {
  const openai = await openaiHttpError(response(400, '{"error":{"message":"bad arg","type":"invalid_request_error","param":"x","code":null}}'), { provider: 'p' });
  assert.deepEqual([openai.code, openai.message], ['SY_ERR_UPSTREAM_BAD_REQUEST', 'bad arg']);
  const azure = await openaiHttpError(response(401, '{"error":{"code":"401","message":"Access denied"}}'), { provider: 'az' });
  assert.equal(azure.code, 'SY_ERR_UPSTREAM_AUTH');
  assert.match(azure.message, /"az".*Access denied/);
  const vllm = await openaiHttpError(
    response(400, '{"object":"error","message":"This model\'s maximum context length is 4096 tokens.","type":"BadRequestError","code":400}'),
    { provider: 'p' },
  );
  assert.equal(vllm.code, 'SY_ERR_CONTEXT_WINDOW_EXCEEDED');
  const plain = await openaiHttpError(response(502, 'Bad Gateway'), { provider: 'p' });
  assert.deepEqual([plain.code, plain.upstreamStatus], ['SY_ERR_UPSTREAM_SERVER', 502]);
});

test('hints from the error code and retry-after', async () => {
  const filtered = await openaiHttpError(response(400, '{"error":{"message":"no","code":"content_policy_violation"}}'), { provider: 'p' });
  assert.equal(filtered.code, 'SY_ERR_CONTENT_FILTERED');
  const limited = await openaiHttpError(response(429, '{"error":{"message":"slow down"}}', { 'retry-after-ms': '250' }), { provider: 'p' });
  assert.deepEqual([limited.code, limited.retryAfterMs], ['SY_ERR_UPSTREAM_RATE_LIMITED', 250]);
});

test('in-band errors default to an upstream server failure', () => {
  assert.equal(openaiInBandError({ error: { message: 'x' } }, 'p').code, 'SY_ERR_UPSTREAM_SERVER');
  assert.equal(openaiInBandError({ error: { message: 'x', code: 'rate_limit_exceeded' } }, 'p').code, 'SY_ERR_UPSTREAM_RATE_LIMITED');
});
