/**
 * Per-deployment `maxConcurrentRequests` through the real gateway, with an upstream whose streams
 * stay open until the test ends them: a deployment at its limit is passed over for the free one; a
 * request that finds every deployment full waits and is served when a stream ends; a full queue is
 * a 429 with retry-after; a slot is released exactly once when its stream ends, when its client
 * disconnects, and when its attempt fails and the request moves on. The gateway-wide queue serves
 * the higher key tier first.
 */

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startGateway } from '../support/gateway-harness.js';
import type { RunningGateway } from '../support/gateway-harness.js';
import { startHeldStreamUpstream } from '../support/held-stream-upstream.js';
import type { HeldStreamUpstream } from '../support/held-stream-upstream.js';

let upstream: HeldStreamUpstream;
let running: RunningGateway;

const EAST = 'east/held-1';
const WEST = 'west/held-1';

before(async () => {
  upstream = await startHeldStreamUpstream();
  running = await startGateway({
    yaml: `
server: { host: 127.0.0.1, maxQueue: 10, maxQueueWaitMs: 10000 }
logging: { level: silent }
routing: { retries: { maxPerDeployment: 0 } }
providers:
  east: { type: openai, baseUrl: ${upstream.baseUrl}, apiKey: none }
  west: { type: openai, baseUrl: ${upstream.baseUrl}, apiKey: none }
models:
  - name: pair
    strategy: weighted
    deployments:
      - { provider: east, model: held-1, weight: 1000, maxConcurrentRequests: 1 }
      - { provider: west, model: held-1, weight: 1, maxConcurrentRequests: 1 }
  - name: tight
    deployments:
      - { provider: east, model: tight-1, id: tight, maxConcurrentRequests: 1, maxQueue: 0 }
`,
  });
});

after(async () => {
  await running.close();
  await upstream.close();
});

interface OpenStream {
  response: Response;
  provider: string | null;
  /** Reads the rest of the stream. */
  text(): Promise<string>;
  abort(): void;
}

function post(model: string, text: string, options: { stream?: boolean; signal?: AbortSignal; key?: string } = {}): Promise<Response> {
  return fetch(`${running.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${options.key ?? running.masterKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model, stream: options.stream ?? true, messages: [{ role: 'user', content: text }] }),
    signal: options.signal,
  });
}

async function open(model: string, text: string): Promise<OpenStream> {
  const controller = new AbortController();
  const response = await post(model, text, { signal: controller.signal });
  assert.equal(response.status, 200);
  return { response, provider: response.headers.get('x-switchyard-provider'), text: () => response.text(), abort: () => controller.abort() };
}

const slot = (id: string) => running.gateway.router.slots.snapshot(id);
const heldCall = (text: string) => upstream.held.find((call) => call.text === text);

async function finish(text: string): Promise<void> {
  await upstream.until(() => heldCall(text) !== undefined);
  heldCall(text)?.finish();
}

/** Polls the slot figures (the release runs just after the client sees the stream end). */
async function slotsSettle(id: string, inFlight: number): Promise<void> {
  for (let round = 0; round < 200 && slot(id)?.inFlight !== inFlight; round += 1) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.equal(slot(id)?.inFlight, inFlight, `${id} in flight`);
}

test('a full deployment is passed over; with both full the third request waits and takes the slot a finished stream frees', async () => {
  const first = await open('pair', 'one');
  assert.equal(first.provider, 'east');
  const second = await open('pair', 'two');
  assert.equal(second.provider, 'west', 'east is at its limit of 1');
  assert.deepEqual([slot(EAST)?.inFlight, slot(WEST)?.inFlight], [1, 1]);

  const third = post('pair', 'three');
  for (let round = 0; round < 200 && slot(EAST)?.queued !== 1; round += 1) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.equal(slot(EAST)?.queued, 1, 'waiting for east');
  assert.equal(slot(WEST)?.queued, 1, 'and for west, whichever frees first');
  assert.equal(upstream.received.includes('three'), false);

  await finish('two');
  assert.match(await second.text(), /\[DONE\]/);
  const thirdResponse = await third;
  assert.equal(thirdResponse.status, 200);
  assert.equal(thirdResponse.headers.get('x-switchyard-provider'), 'west', 'served by the deployment whose stream ended');
  assert.equal(slot(EAST)?.queued, 0, 'its wait for east was withdrawn');

  await finish('one');
  await finish('three');
  await Promise.all([first.text(), thirdResponse.text()]);
  await slotsSettle(EAST, 0);
  await slotsSettle(WEST, 0);
});

test('an attempt that fails releases its slot before the request moves to the other deployment', async () => {
  upstream.failNext(500);
  const moved = await open('pair', 'after-500');
  assert.equal(moved.provider, 'west');
  await slotsSettle(EAST, 0);
  assert.equal(slot(WEST)?.inFlight, 1);
  const next = await open('pair', 'east-is-free');
  assert.equal(next.provider, 'east');
  await finish('after-500');
  await finish('east-is-free');
  await Promise.all([moved.text(), next.text()]);
  await slotsSettle(EAST, 0);
  await slotsSettle(WEST, 0);
});

test('a full queue is a 429 with retry-after; a client that disconnects frees its slot, exactly once', async () => {
  const holder = await open('tight', 'hold');
  const refused = await post('tight', 'refused', { stream: false });
  assert.equal(refused.status, 429);
  assert.ok(Number(refused.headers.get('retry-after')) >= 1);
  assert.equal(((await refused.json()) as { error: { code: string } }).error.code, 'concurrency_limited');

  const abortedBefore = upstream.aborted;
  holder.abort();
  await upstream.until(() => upstream.aborted > abortedBefore);
  await slotsSettle('tight', 0);

  // Released once: the limit is still 1, so of two new streams one is served and one refused.
  const again = await open('tight', 'again');
  const second = await post('tight', 'second', { stream: false });
  assert.equal(second.status, 429);
  await second.arrayBuffer();
  await finish('again');
  await again.text();
  await slotsSettle('tight', 0);
});

test('the gateway-wide queue serves the higher key tier first (no priority hint sent)', async () => {
  const wide = await startGateway({
    yaml: `
server: { host: 127.0.0.1, maxConcurrentRequests: 1, maxQueue: 10, maxQueueWaitMs: 10000 }
logging: { level: silent }
providers:
  east: { type: openai, baseUrl: ${upstream.baseUrl}, apiKey: none }
models:
  - name: solo
    deployments: [{ provider: east, model: held-1 }]
`,
  });
  try {
    const premium = await wide.gateway.keys.create({ name: 'premium', tier: 'premium' });
    const enterprise = await wide.gateway.keys.create({ name: 'enterprise', tier: 'enterprise' });
    const send = (text: string, key?: string) =>
      fetch(`${wide.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key ?? wide.masterKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'solo', messages: [{ role: 'user', content: text }] }),
      });
    const holder = send('wide-holder');
    await upstream.until(() => heldCall('wide-holder') !== undefined);
    const low = send('wide-premium', premium.secret);
    // Sequencing only: let the premium request reach the queue before the enterprise one.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const high = send('wide-enterprise', enterprise.secret);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const start = upstream.received.length;
    await finish('wide-holder');
    await upstream.until(() => upstream.received.length > start);
    assert.equal(upstream.received[start], 'wide-enterprise', 'enterprise (high) before premium (normal)');
    await finish('wide-enterprise');
    await finish('wide-premium');
    for (const response of await Promise.all([holder, low, high])) assert.equal(response.status, 200);
  } finally {
    await wide.close();
  }
});
