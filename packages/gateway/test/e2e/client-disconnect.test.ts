/**
 * DESIGN.md decision: when a client disconnects mid-stream, the upstream call is aborted at once
 * and the usage row is written with outcome client_disconnected and the tokens known so far.
 * Proven with a slow OpenAI-format upstream that notices when its connection closes, for both a
 * pass-through (OpenAI client) and a translation (Anthropic client); and for the multi-model
 * endpoints (/api/ai/request, /consensus, /multiple), where every sub-call's upstream is aborted,
 * its gateway and deployment slots are released, and its own usage row says client_disconnected.
 */

import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { startGateway, usageRows } from '../support/gateway-harness.js';
import type { RunningGateway } from '../support/gateway-harness.js';

let upstream: Server;
let upstreamClosed: Array<() => void> = [];
/** Upstream calls received and closed so far (every call here ends by its connection closing). */
const upstreamCalls = { opened: 0, closed: 0 };
let running: RunningGateway;

/**
 * Streams one chat chunk every 40 ms until the connection closes. Under /throttled it answers 429
 * with a retry-after of 30 s instead, which the gateway waits for before its retry.
 */
function slowOpenAI(): Promise<Server> {
  const server = createServer((request, response) => {
    upstreamCalls.opened += 1;
    request.resume();
    if (request.url?.startsWith('/throttled/')) {
      response.on('close', () => (upstreamCalls.closed += 1));
      response.writeHead(429, { 'content-type': 'application/json', 'retry-after': '30' });
      response.end(JSON.stringify({ error: { message: 'slow down', type: 'requests', param: null, code: 'rate_limit_exceeded' } }));
      return;
    }
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    let index = 0;
    const timer = setInterval(() => {
      const chunk = { id: 'chatcmpl-slow', object: 'chat.completion.chunk', created: 1, model: 'slow-1', choices: [{ index: 0, delta: { content: `word${index} ` }, finish_reason: null }] };
      response.write(`data: ${JSON.stringify(chunk)}\n\n`);
      index += 1;
    }, 40);
    response.on('close', () => {
      upstreamCalls.closed += 1;
      clearInterval(timer);
      const waiters = upstreamClosed;
      upstreamClosed = [];
      for (const waiter of waiters) waiter();
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

before(async () => {
  upstream = await slowOpenAI();
  const port = (upstream.address() as AddressInfo).port;
  running = await startGateway({
    yaml: `
# No queue: a slot leaked by one test would make the next one's calls fail with 429.
server: { host: 127.0.0.1, maxConcurrentRequests: 2, maxQueue: 0 }
logging: { level: silent }
usage: { flushIntervalMs: 20 }
providers:
  slow: { type: openai, baseUrl: http://127.0.0.1:${port}/v1, apiKey: none }
  throttled: { type: openai, baseUrl: http://127.0.0.1:${port}/throttled/v1, apiKey: none }
models:
  - name: slow
    deployments: [{ provider: slow, model: slow-1, maxConcurrentRequests: 2, maxQueue: 0 }]
  - name: slow-b
    deployments: [{ provider: slow, model: slow-1, id: slow-b, maxConcurrentRequests: 1, maxQueue: 0 }]
  - name: throttled
    deployments: [{ provider: throttled, model: slow-1 }]
routing: { retries: { maxPerDeployment: 1, maxRetryAfterMs: 60000 } }
`,
  });
});

after(async () => {
  await running.close();
  await new Promise((resolve) => upstream.close(resolve));
});

async function disconnectMidStream(path: string, body: unknown): Promise<void> {
  const controller = new AbortController();
  const closed = new Promise<void>((resolve) => upstreamClosed.push(resolve));
  const response = await fetch(`${running.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${running.masterKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: controller.signal,
  });
  assert.equal(response.status, 200);
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  let received = '';
  while (!received.includes('word2')) {
    const { value } = await reader.read();
    received += new TextDecoder().decode(value);
  }
  controller.abort();
  await closed;
}

test('pass-through stream: client gone → upstream aborted, row says client_disconnected', async () => {
  await disconnectMidStream('/v1/chat/completions', { model: 'slow', stream: true, messages: [{ role: 'user', content: 'go on forever' }] });
  await new Promise((resolve) => setTimeout(resolve, 50));
  const row = (await usageRows(running)).find((candidate) => candidate.endpoint === 'chat');
  assert.ok(row);
  assert.equal(row.outcome, 'client_disconnected');
  assert.equal(row.status, 499);
  assert.ok(row.promptTokens > 0, 'prompt tokens estimated');
  assert.equal(row.tokensEstimated, true);
});

test('translated stream (Anthropic client → OpenAI upstream): client gone → upstream aborted, row keeps the tokens so far', async () => {
  await disconnectMidStream('/v1/messages', { model: 'slow', max_tokens: 500, stream: true, messages: [{ role: 'user', content: 'go on forever' }] });
  await new Promise((resolve) => setTimeout(resolve, 50));
  const row = (await usageRows(running)).find((candidate) => candidate.endpoint === 'messages');
  assert.ok(row);
  assert.equal(row.outcome, 'client_disconnected');
  assert.ok(row.completionTokens > 0, 'output tokens estimated from what was sent');
  assert.equal(row.tokensEstimated, true);
});

async function until(condition: () => boolean): Promise<void> {
  for (let round = 0; round < 500 && !condition(); round += 1) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.ok(condition());
}

/**
 * POSTs `body` to a multi-model endpoint, aborts once the upstream has received `calls` calls, and
 * returns the usage rows written for them (found as the rows that did not exist before).
 */
async function disconnectMultiModel(path: string, body: unknown, calls: number) {
  const known = new Set((await usageRows(running)).map((row) => row.requestId));
  const opened = upstreamCalls.opened;
  const closed = upstreamCalls.closed;
  const controller = new AbortController();
  const answer = fetch(`${running.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${running.masterKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: controller.signal,
  }).catch((error: unknown) => error);
  await until(() => upstreamCalls.opened - opened === calls);
  controller.abort();
  assert.ok((await answer) instanceof Error, 'the client gave up');
  await until(() => upstreamCalls.closed - closed === calls);
  // Each call writes its row once its abort has unwound; poll for them (bounded).
  let rows: Awaited<ReturnType<typeof usageRows>> = [];
  for (let round = 0; round < 500 && rows.length < calls; round += 1) {
    rows = (await usageRows(running)).filter((row) => !known.has(row.requestId));
    if (rows.length < calls) await new Promise((resolve) => setTimeout(resolve, 10));
  }
  for (const id of ['slow/slow-1', 'slow-b']) {
    await until(() => (running.gateway.router.slots.snapshot(id)?.inFlight ?? 0) === 0);
  }
  return rows;
}

function assertDisconnected(rows: Awaited<ReturnType<typeof usageRows>>): void {
  for (const row of rows) {
    assert.equal(row.outcome, 'client_disconnected', row.requestId);
    assert.equal(row.errorCode, 'SY_ERR_CLIENT_DISCONNECTED');
    assert.equal(row.status, 499);
  }
}

test('/api/ai/request: client gone → upstream aborted, slots released, row says client_disconnected', async () => {
  const rows = await disconnectMultiModel('/api/ai/request', { model: 'slow', prompt: 'go on forever' }, 1);
  assert.equal(rows.length, 1);
  assertDisconnected(rows);
});

test('/api/ai/consensus: client gone → every model call aborted, each with its own client_disconnected row', async () => {
  const rows = await disconnectMultiModel('/api/ai/consensus', { models: ['slow', 'slow-b'], prompt: 'go on forever' }, 2);
  assert.deepEqual(rows.map((row) => row.requestId.split('.').pop()).sort(), ['0', '1']);
  assert.deepEqual(rows.map((row) => row.modelGroup).sort(), ['slow', 'slow-b']);
  assertDisconnected(rows);
});

test('/api/ai/multiple: client gone → every request aborted, each with its own client_disconnected row', async () => {
  const rows = await disconnectMultiModel('/api/ai/multiple', { requests: [{ model: 'slow', prompt: 'one' }, { model: 'slow', prompt: 'two' }] }, 2);
  assert.equal(rows.length, 2);
  assertDisconnected(rows);
});

test('a client that leaves while the gateway waits out a retry-after is recorded as client_disconnected, not as the 429', async () => {
  const rows = await disconnectMultiModel('/api/ai/request', { model: 'throttled', prompt: 'hi' }, 1);
  assert.equal(rows.length, 1);
  assertDisconnected(rows);
  assert.equal(rows[0].attempts, 1, 'the retry never happened');
});
