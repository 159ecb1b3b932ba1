/**
 * OpenTelemetry tracing, end to end: the real gateway exports over OTLP/HTTP (JSON) to an
 * in-process receiver. A request gives one server span and one client span per upstream attempt
 * (retries included), with the GenAI attributes and token counts, for chat (plain and streamed),
 * Anthropic messages, embeddings and /api/ai/request; a client's traceparent is continued and each
 * attempt's traceparent reaches the upstream; with tracing off nothing is sent and the shared no-op
 * tracer is in place; with sampleRatio 0 only traces a client sampled are exported.
 */

import assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';
import { after, before, test } from 'node:test';
import { NOOP_REQUEST_TRACER } from '../../src/pipeline/noop-tracer.js';
import { MASTER_KEY, startFakes, startGateway } from '../support/gateway-harness.js';
import type { Fakes, RunningGateway } from '../support/gateway-harness.js';
import { startOtlpReceiver } from '../support/otlp-receiver.js';
import type { OtlpReceiver, ReceivedSpan } from '../support/otlp-receiver.js';

const INTERNAL = 1;
const SERVER = 2;
const CLIENT = 3;
const ERROR = 2;

let fakes: Fakes;
let receiver: OtlpReceiver;
let running: RunningGateway;
let keySecret: string;
let keyId: string;

function config(options: { endpoint?: string; sampleRatio?: number } = {}): string {
  const tracing = options.endpoint
    ? `observability: { tracing: { endpoint: ${options.endpoint}, serviceName: switchyard-test, sampleRatio: ${options.sampleRatio ?? 1}, headers: { x-collector-token: t0ken } } }`
    : '';
  return `
server: { port: 0, host: 127.0.0.1, shutdownGraceMs: 5000 }
logging: { level: silent }
usage: { batchSize: 50, flushIntervalMs: 20 }
routing: { retries: { maxPerDeployment: 1, baseDelayMs: 1, maxDelayMs: 5 } }
${tracing}
providers:
  openai:    { type: openai,    baseUrl: ${fakes.openai.baseUrl}, apiKey: ${fakes.openai.apiKey} }
  anthropic: { type: anthropic, baseUrl: ${fakes.anthropic.baseUrl}, apiKey: ${fakes.anthropic.apiKey} }
models:
  - name: gpt-4o
    deployments: [{ provider: openai, model: gpt-4o }]
  - name: claude
    deployments: [{ provider: anthropic, model: claude-sonnet-4-5 }]
  - name: embed-openai
    deployments: [{ provider: openai, model: text-embedding-3-small }]
`;
}

before(async () => {
  fakes = await startFakes();
  receiver = await startOtlpReceiver();
  running = await startGateway({ yaml: config({ endpoint: receiver.tracesUrl }) });
  const created = await fetch(`${running.url}/api/keys`, {
    method: 'POST',
    headers: { authorization: `Bearer ${MASTER_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'traced' }),
  });
  assert.equal(created.status, 201);
  const body = (await created.json()) as { secret: string; key: { id: string } };
  keySecret = body.secret;
  keyId = body.key.id;
});

after(async () => {
  await running?.close();
  await receiver?.close();
  await fakes?.close();
});

async function chat(body: Record<string, unknown>, headers: Record<string, string> = {}, target: RunningGateway = running): Promise<{ requestId: string; json: Record<string, unknown> | null; text: string }> {
  // The virtual key lives in the main gateway's database; the other gateways take the master key.
  const credential = target === running ? keySecret : MASTER_KEY;
  const response = await fetch(`${target.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${credential}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hello there' }], ...body }),
  });
  const text = await response.text();
  assert.equal(response.status, 200, text);
  const requestId = response.headers.get('x-request-id') ?? '';
  return { requestId, text, json: body.stream ? null : (JSON.parse(text) as Record<string, unknown>) };
}

/** The request's spans once its server span arrived (the span ends just after the answer is sent). */
async function spansOf(requestId: string, expectedAttempts: number, kind = SERVER): Promise<{ request: ReceivedSpan; attempts: ReceivedSpan[] }> {
  for (let round = 0; round < 250; round += 1) {
    await running.gateway.tracing.flush();
    const mine = receiver.spans.filter((span) => span.attributes['switchyard.request_id'] === requestId);
    const request = mine.find((span) => span.kind === kind);
    const attempts = mine.filter((span) => span.kind === CLIENT).sort((a, b) => Number(a.attributes['switchyard.attempt']) - Number(b.attributes['switchyard.attempt']));
    if (request && attempts.length >= expectedAttempts) return { request, attempts };
    await delay(20);
  }
  assert.fail(`the spans of ${requestId} never arrived`);
}

function upstreamTraceparent(index: number): string {
  const value = fakes.openai.requests.at(index)?.headers.traceparent;
  assert.equal(typeof value, 'string', 'the upstream received a traceparent');
  return value as string;
}

test('a chat request gives a server span and a client span with the GenAI attributes and token counts', async () => {
  const { requestId, json } = await chat({ max_tokens: 50, temperature: 0.3 });
  const usage = json?.usage as { prompt_tokens: number; completion_tokens: number };
  const { request, attempts } = await spansOf(requestId, 1);
  assert.equal(attempts.length, 1);
  const [attempt] = attempts;

  assert.equal(request.name, 'chat gpt-4o');
  assert.equal(request.parentSpanId, '');
  assert.equal(request.resource['service.name'], 'switchyard-test');
  assert.deepEqual(
    {
      operation: request.attributes['gen_ai.operation.name'],
      requestModel: request.attributes['gen_ai.request.model'],
      system: request.attributes['gen_ai.system'],
      provider: request.attributes['gen_ai.provider.name'],
      responseModel: request.attributes['gen_ai.response.model'],
      input: request.attributes['gen_ai.usage.input_tokens'],
      output: request.attributes['gen_ai.usage.output_tokens'],
      finish: request.attributes['gen_ai.response.finish_reasons'],
      maxTokens: request.attributes['gen_ai.request.max_tokens'],
      temperature: request.attributes['gen_ai.request.temperature'],
      status: request.attributes['http.response.status_code'],
      outcome: request.attributes['switchyard.outcome'],
      key: request.attributes['switchyard.key_id'],
      deployment: request.attributes['switchyard.deployment'],
      attempts: request.attributes['switchyard.attempts'],
    },
    {
      operation: 'chat',
      requestModel: 'gpt-4o',
      system: 'openai',
      provider: 'openai',
      responseModel: json?.model,
      input: usage.prompt_tokens,
      output: usage.completion_tokens,
      finish: ['stop'],
      maxTokens: 50,
      temperature: 0.3,
      status: 200,
      outcome: 'success',
      key: keyId,
      deployment: 'openai/gpt-4o',
      attempts: 1,
    },
  );
  assert.notEqual(request.statusCode, ERROR);

  assert.equal(attempt.traceId, request.traceId);
  assert.equal(attempt.parentSpanId, request.spanId);
  assert.equal(attempt.name, 'chat gpt-4o');
  assert.equal(attempt.attributes['gen_ai.request.model'], 'gpt-4o');
  assert.equal(attempt.attributes['gen_ai.usage.input_tokens'], usage.prompt_tokens);
  assert.equal(attempt.attributes['gen_ai.usage.output_tokens'], usage.completion_tokens);
  assert.equal(attempt.attributes['server.address'], '127.0.0.1');
  assert.equal(attempt.attributes['server.port'], Number(new URL(fakes.openai.baseUrl).port));
  assert.equal(attempt.attributes['http.response.status_code'], 200);
  assert.equal(attempt.attributes['switchyard.attempt'], 1);
  assert.equal(upstreamTraceparent(-1), `00-${request.traceId}-${attempt.spanId}-01`);
  assert.equal(receiver.exports.at(-1)?.['x-collector-token'], 't0ken', 'the configured collector headers are sent');
});

test('a retried request gives two attempt spans, the first one an error', async () => {
  fakes.openai.failNext({ kind: 'http', status: 500, message: 'upstream exploded' });
  const { requestId } = await chat({});
  const { request, attempts } = await spansOf(requestId, 2);
  assert.equal(attempts.length, 2);
  const [failed, answered] = attempts;
  assert.equal(failed.statusCode, ERROR);
  assert.equal(failed.attributes['http.response.status_code'], 500);
  assert.match(String(failed.attributes['error.type']), /^SY_ERR_/);
  assert.equal(failed.attributes['switchyard.outcome'], 'error');
  assert.notEqual(answered.statusCode, ERROR);
  assert.equal(answered.attributes['switchyard.attempt'], 2);
  for (const attempt of attempts) assert.equal(attempt.parentSpanId, request.spanId);
  assert.equal(request.attributes['switchyard.attempts'], 2);
  assert.equal(request.attributes['switchyard.outcome'], 'success');
  assert.notEqual(request.statusCode, ERROR);
  // Each attempt sent its own span's context upstream.
  assert.equal(upstreamTraceparent(-2), `00-${request.traceId}-${failed.spanId}-01`);
  assert.equal(upstreamTraceparent(-1), `00-${request.traceId}-${answered.spanId}-01`);
});

test('a streamed request is traced with its usage, finish reason and time to first chunk', async () => {
  const { requestId, text } = await chat({ stream: true, stream_options: { include_usage: true } });
  assert.match(text, /data: \[DONE\]/);
  const { request, attempts } = await spansOf(requestId, 1);
  assert.equal(request.attributes['gen_ai.request.stream'], true);
  assert.ok(Number(request.attributes['gen_ai.usage.output_tokens']) > 0);
  assert.deepEqual(request.attributes['gen_ai.response.finish_reasons'], ['stop']);
  assert.equal(typeof request.attributes['gen_ai.response.time_to_first_chunk'], 'number');
  assert.equal(attempts[0].parentSpanId, request.spanId);
  assert.equal(attempts[0].attributes['gen_ai.usage.output_tokens'], request.attributes['gen_ai.usage.output_tokens']);
});

test("a client's traceparent is continued, and the attempt's reaches the upstream", async () => {
  const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
  const parentId = '00f067aa0ba902b7';
  const { requestId } = await chat({}, { traceparent: `00-${traceId}-${parentId}-01`, tracestate: 'vendor=abc' });
  const { request, attempts } = await spansOf(requestId, 1);
  assert.equal(request.traceId, traceId);
  assert.equal(request.parentSpanId, parentId);
  assert.equal(upstreamTraceparent(-1), `00-${traceId}-${attempts[0].spanId}-01`);
  assert.equal(fakes.openai.requests.at(-1)?.headers.tracestate, 'vendor=abc');
});

test('Anthropic messages and embeddings are traced too', async () => {
  const messages = await fetch(`${running.url}/v1/messages`, {
    method: 'POST',
    headers: { 'x-api-key': keySecret, 'anthropic-version': '2023-06-01', 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'claude', max_tokens: 20, messages: [{ role: 'user', content: 'hi' }] }),
  });
  assert.equal(messages.status, 200);
  await messages.text();
  const traced = await spansOf(messages.headers.get('x-request-id') ?? '', 1);
  assert.equal(traced.request.name, 'chat claude');
  assert.equal(traced.request.attributes['gen_ai.system'], 'anthropic');
  assert.equal(traced.attempts[0].name, 'chat claude-sonnet-4-5');
  assert.deepEqual(traced.request.attributes['gen_ai.response.finish_reasons'], ['stop']);
  assert.equal(fakes.anthropic.requests.at(-1)?.headers.traceparent, `00-${traced.request.traceId}-${traced.attempts[0].spanId}-01`);

  const embeddings = await fetch(`${running.url}/v1/embeddings`, {
    method: 'POST',
    headers: { authorization: `Bearer ${keySecret}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'embed-openai', input: 'some text' }),
  });
  assert.equal(embeddings.status, 200);
  await embeddings.text();
  const embedded = await spansOf(embeddings.headers.get('x-request-id') ?? '', 1);
  assert.equal(embedded.request.name, 'embeddings embed-openai');
  assert.equal(embedded.request.attributes['gen_ai.operation.name'], 'embeddings');
  assert.equal(embedded.attempts[0].name, 'embeddings text-embedding-3-small');
  assert.ok(Number(embedded.request.attributes['gen_ai.usage.input_tokens']) > 0);
});

test('a call of /api/ai/request is an internal span with its attempt', async () => {
  const response = await fetch(`${running.url}/api/ai/request`, {
    method: 'POST',
    headers: { authorization: `Bearer ${MASTER_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'gpt-4o', prompt: 'hello' }),
  });
  assert.equal(response.status, 200, await response.clone().text());
  await response.text();
  const { request, attempts } = await spansOf(response.headers.get('x-request-id') ?? '', 1, INTERNAL);
  assert.equal(request.name, 'chat gpt-4o');
  assert.equal(attempts[0].parentSpanId, request.spanId);
  assert.equal(upstreamTraceparent(-1), `00-${request.traceId}-${attempts[0].spanId}-01`);
});

test('tracing off: the no-op tracer is in place, nothing is exported and no traceparent goes upstream', async () => {
  const idle = await startOtlpReceiver();
  const untraced = await startGateway({ yaml: config() });
  try {
    assert.equal(untraced.gateway.tracing.enabled, false);
    assert.equal(untraced.gateway.tracing.tracer, NOOP_REQUEST_TRACER);
    await chat({}, {}, untraced);
    assert.equal(fakes.openai.requests.at(-1)?.headers.traceparent, undefined);
  } finally {
    await untraced.close();
  }
  assert.equal(idle.exports.length, 0);
  await idle.close();
});

test('sampleRatio 0: new traces are not exported, but a trace the client sampled is', async () => {
  const sampled = await startOtlpReceiver();
  const gateway = await startGateway({ yaml: config({ endpoint: sampled.tracesUrl, sampleRatio: 0 }) });
  const traceId = '0af7651916cd43dd8448eb211c80319c';
  try {
    await chat({}, {}, gateway);
    assert.match(String(fakes.openai.requests.at(-1)?.headers.traceparent), /^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/, 'an unsampled context still goes upstream');
    await chat({}, { traceparent: `00-${traceId}-b7ad6b7169203331-01` }, gateway);
  } finally {
    await gateway.close();
  }
  assert.ok(sampled.spans.length > 0);
  assert.ok(sampled.spans.every((span) => span.traceId === traceId), 'only the client-sampled trace was exported');
  await sampled.close();
});
