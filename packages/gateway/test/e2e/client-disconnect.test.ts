/**
 * DESIGN.md decision: when a client disconnects mid-stream, the upstream call is aborted at once
 * and the usage row is written with outcome client_disconnected and the tokens known so far.
 * Proven with a slow OpenAI-format upstream that notices when its connection closes, for both a
 * pass-through (OpenAI client) and a translation (Anthropic client).
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
let running: RunningGateway;

/** Streams one chat chunk every 40 ms until the connection closes. */
function slowOpenAI(): Promise<Server> {
  const server = createServer((request, response) => {
    request.resume();
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    let index = 0;
    const timer = setInterval(() => {
      const chunk = { id: 'chatcmpl-slow', object: 'chat.completion.chunk', created: 1, model: 'slow-1', choices: [{ index: 0, delta: { content: `word${index} ` }, finish_reason: null }] };
      response.write(`data: ${JSON.stringify(chunk)}\n\n`);
      index += 1;
    }, 40);
    response.on('close', () => {
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
server: { host: 127.0.0.1 }
logging: { level: silent }
usage: { flushIntervalMs: 20 }
providers:
  slow: { type: openai, baseUrl: http://127.0.0.1:${port}/v1, apiKey: none }
models:
  - name: slow
    deployments: [{ provider: slow, model: slow-1 }]
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
