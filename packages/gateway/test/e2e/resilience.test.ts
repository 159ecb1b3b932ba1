/**
 * The retry and fallback matrix through the real gateway and fake upstreams: 429 with retry-after,
 * 500, 503, connection refused, timeout before the first byte, a stream that dies after its first
 * chunk (clean error, no retry), fallbacks by failure class and per request, and the attempts
 * recorded on the usage row.
 */

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import OpenAI from 'openai';
import { startFakeOpenAI } from '../support/fake-openai.js';
import type { FakeUpstream } from '../support/fake-types.js';
import { startFakes, startGateway, usageRows } from '../support/gateway-harness.js';
import type { Fakes, RunningGateway } from '../support/gateway-harness.js';

let fakes: Fakes;
let second: FakeUpstream;
let running: RunningGateway;
let client: OpenAI;

before(async () => {
  fakes = await startFakes();
  second = await startFakeOpenAI();
  running = await startGateway({
    yaml: `
server: { host: 127.0.0.1 }
logging: { level: silent }
usage: { flushIntervalMs: 20 }
providers:
  primary: { type: openai, baseUrl: ${fakes.openai.baseUrl}, apiKey: ${fakes.openai.apiKey}, timeouts: { firstByteMs: 300 } }
  secondary: { type: openai, baseUrl: ${second.baseUrl}, apiKey: ${second.apiKey} }
  dead: { type: openai, baseUrl: "http://127.0.0.1:9/v1", apiKey: none, timeouts: { connectMs: 500 } }
  anthropic: { type: anthropic, baseUrl: ${fakes.anthropic.baseUrl}, apiKey: ${fakes.anthropic.apiKey} }
models:
  - name: solo
    deployments: [{ provider: primary, model: gpt-4o }]
  - name: pair
    strategy: weighted
    deployments: [{ provider: primary, model: gpt-4o, weight: 1000 }, { provider: secondary, model: gpt-4o, weight: 1 }]
  - name: dead-first
    strategy: weighted
    deployments: [{ provider: dead, model: gpt-4o, weight: 1000 }, { provider: secondary, model: gpt-4o, weight: 1 }]
  - name: claude
    deployments: [{ provider: anthropic, model: claude-sonnet-4-5 }]
  - name: long-context
    deployments: [{ provider: secondary, model: gpt-4.1 }]
routing:
  retries: { maxPerDeployment: 1, baseDelayMs: 10, maxDelayMs: 20, maxRetryAfterMs: 2000 }
  # This file is about retries and fallbacks; keep the breaker out of the way (it has its own tests).
  breaker: { failureThreshold: 100, minimumRequests: 100 }
  fallbacksByClass:
    context_window: { solo: [long-context] }
`,
  });
  client = new OpenAI({ apiKey: running.masterKey, baseURL: `${running.url}/v1`, maxRetries: 0 });
});

after(async () => {
  await running.close();
  await fakes.close();
  await second.close();
});

const ask = (model: string, extra: Record<string, unknown> = {}) =>
  client.chat.completions.create({ model, messages: [{ role: 'user', content: 'hi' }], ...extra } as OpenAI.ChatCompletionCreateParamsNonStreaming);

async function rowFor(requestId: string) {
  const rows = await usageRows(running);
  return rows.find((row) => row.requestId === requestId);
}

test('429 with retry-after: retried on the same deployment after the wait, two attempts recorded', async () => {
  fakes.openai.failNext({ kind: 'http', status: 429, message: 'slow down', headers: { 'retry-after': '0.2' } });
  const before = fakes.openai.requests.length;
  const { data, response } = await ask('solo').withResponse();
  assert.equal(data.choices[0].message.content, 'Echo: hi');
  assert.equal(fakes.openai.requests.length - before, 2);
  const row = await rowFor(response.headers.get('x-request-id') ?? '');
  assert.equal(row?.attempts, 2);
  assert.equal(row?.outcome, 'success');
});

test('500 twice on one deployment: retried once, then the next deployment answers', async () => {
  fakes.openai.failNext({ kind: 'http', status: 500 });
  fakes.openai.failNext({ kind: 'http', status: 500 });
  const { response } = await ask('pair').withResponse();
  assert.equal(response.headers.get('x-switchyard-provider'), 'secondary');
  const row = await rowFor(response.headers.get('x-request-id') ?? '');
  assert.equal(row?.attempts, 3);
});

test('503 then success on retry', async () => {
  fakes.openai.failNext({ kind: 'http', status: 503 });
  const { response } = await ask('solo').withResponse();
  assert.equal(response.headers.get('x-switchyard-provider'), 'primary');
});

test('connection refused: the next deployment answers', async () => {
  const { response } = await ask('dead-first').withResponse();
  assert.equal(response.headers.get('x-switchyard-provider'), 'secondary');
});

test('timeout before the first byte: retried, then a clean 504 when it keeps timing out', async () => {
  fakes.openai.failNext({ kind: 'delay', ms: 1000 });
  fakes.openai.failNext({ kind: 'delay', ms: 1000 });
  const error = await ask('solo').catch((caught: unknown) => caught);
  assert.ok(error instanceof OpenAI.APIError);
  assert.equal(error.status, 504);
});

test('a stream that dies after its first chunk: the client gets a clean error and nothing is retried', async () => {
  fakes.openai.failNext({ kind: 'mid-stream', afterEvents: 1, cut: true });
  const before = fakes.openai.requests.length;
  await assert.rejects(async () => {
    const stream = await client.chat.completions.create({ model: 'solo', stream: true, messages: [{ role: 'user', content: 'a longer question' }] });
    for await (const chunk of stream) void chunk;
  });
  assert.equal(fakes.openai.requests.length - before, 1, 'no retry after the first byte');
});

test('context window exceeded: the request goes to the larger-context fallback group', async () => {
  fakes.openai.failNext({
    kind: 'http',
    status: 400,
    body: { error: { message: "This model's maximum context length is 128000 tokens.", type: 'invalid_request_error', param: 'messages', code: 'context_length_exceeded' } },
  });
  const { data, response } = await ask('solo').withResponse();
  assert.equal(data.choices[0].message.content, 'Echo: hi');
  assert.equal(response.headers.get('x-switchyard-provider'), 'secondary');
});

test('a plain 400 from the upstream is not retried or fallen back', async () => {
  fakes.openai.failNext({ kind: 'http', status: 400, message: 'bad thing' });
  const before = fakes.openai.requests.length;
  await assert.rejects(ask('solo', { fallbacks: ['claude'] }), OpenAI.BadRequestError);
  assert.equal(fakes.openai.requests.length - before, 1);
});

test('per-request fallbacks, by header and by body; the body field never reaches the upstream', async () => {
  fakes.openai.failNext({ kind: 'http', status: 500 });
  fakes.openai.failNext({ kind: 'http', status: 500 });
  const byHeader = await client.chat.completions
    .create({ model: 'solo', messages: [{ role: 'user', content: 'hi' }] }, { headers: { 'x-switchyard-fallbacks': 'claude' } })
    .withResponse();
  assert.equal(byHeader.response.headers.get('x-switchyard-provider'), 'anthropic');

  fakes.openai.failNext({ kind: 'http', status: 500 });
  fakes.openai.failNext({ kind: 'http', status: 500 });
  const before = fakes.openai.requests.length;
  const byBody = await ask('solo', { fallbacks: ['claude'] }).withResponse();
  assert.equal(byBody.response.headers.get('x-switchyard-provider'), 'anthropic');
  for (const request of fakes.openai.requests.slice(before)) assert.equal((request.body as Record<string, unknown>).fallbacks, undefined);
});
