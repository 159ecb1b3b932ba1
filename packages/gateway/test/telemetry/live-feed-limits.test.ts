/**
 * The live feed's limits through the real gateway and a real `ws` client: no credential within
 * the time allowed closes with 4401; connections past maxConnections close with 1013; a client
 * flooding messages closes with 1008, one sending too large a message with 1009; one that stops
 * answering pings is dropped, and so is one whose key is revoked meanwhile (4401); one that stops
 * reading is dropped with 1013 while the gateway's buffer for it stays bounded; the feed also
 * listens on WEBSOCKET_PORT; shutdown closes every client with 1001; a feed turned off is not
 * served.
 */

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startFakes, startGateway, standardConfig } from '../support/gateway-harness.js';
import type { Fakes, RunningGateway } from '../support/gateway-harness.js';
import { authenticatedClient, connectLive, eventually, subscribe } from '../support/live-feed-client.js';
import type { LiveTestClient } from '../support/live-feed-client.js';
import { managementClient } from '../support/management-client.js';

let fakes: Fakes;

before(async () => {
  fakes = await startFakes();
});

after(async () => {
  await fakes.close();
});

async function closeAll(clients: LiveTestClient[]): Promise<void> {
  await Promise.all(clients.map((client) => client.close()));
}

describe('a gateway with tight limits and WEBSOCKET_PORT', () => {
  let running: RunningGateway;

  before(async () => {
    const yaml = `${standardConfig(fakes)}
observability:
  liveFeed: { maxConnections: 3, maxMessagesPerSecond: 5, heartbeatMs: 500, authTimeoutMs: 300 }
`;
    running = await startGateway({ yaml, env: { WEBSOCKET_PORT: '0' } });
  });

  after(async () => {
    await running?.close();
  });

  test('no credential within authTimeoutMs closes with 4401', async () => {
    const client = await connectLive(running.url);
    const told = await client.next((message) => message.type === 'error', 'error');
    assert.equal(told.data.code, 'SY_ERR_UNAUTHENTICATED');
    assert.deepEqual(await client.closed, { code: 4401, reason: 'authentication timed out' });
  });

  test('connections past maxConnections close with 1013; a freed place can be taken again', async () => {
    const feed = running.gateway.liveFeed;
    assert.ok(feed);
    // The gateway may see the previous test's connection close just after its client did.
    await eventually(() => feed.stats().connections === 0, 'no connection left from before');
    const admitted = await Promise.all([0, 1, 2].map(() => authenticatedClient(running.url, running.masterKey)));
    const refused = await connectLive(running.url, { headers: { authorization: `Bearer ${running.masterKey}` } });
    assert.deepEqual(await refused.closed, { code: 1013, reason: 'too many connections' });
    assert.equal(feed.stats().closed.capacity, 1);
    await admitted[0].close();
    await eventually(() => feed.stats().connections === 2, 'the place freed');
    const again = await authenticatedClient(running.url, running.masterKey);
    await closeAll([...admitted.slice(1), again]);
  });

  test('a client sending faster than maxMessagesPerSecond closes with 1008', async () => {
    const client = await authenticatedClient(running.url, running.masterKey);
    for (let index = 0; index < 50; index += 1) client.send('ping');
    assert.deepEqual(await client.closed, { code: 1008, reason: 'message rate exceeded' });
    assert.ok(client.messages.filter((message) => message.type === 'pong').length < 50, 'not every ping was answered');
  });

  test('a message larger than 16 KiB closes with 1009', async () => {
    const client = await authenticatedClient(running.url, running.masterKey);
    client.send('subscribe', { subscriptionType: 'requests', model: 'x'.repeat(20_000) });
    assert.equal((await client.closed).code, 1009);
  });

  test('a client that does not answer pings is dropped; one that does stays', async () => {
    const silent = await authenticatedClient(running.url, running.masterKey, { autoPong: false });
    const answering = await authenticatedClient(running.url, running.masterKey);
    const closed = await silent.closed;
    assert.equal(closed.code, 1006, 'terminated without a closing handshake');
    assert.equal(running.gateway.liveFeed?.stats().closed.heartbeat, 1);
    // The same heartbeats reached the answering client: it is still here and served.
    answering.send('ping');
    await answering.next((message) => message.type === 'pong', 'pong');
    await answering.close();
  });

  test('a key revoked while connected is closed with 4401 at the next heartbeat', async () => {
    const api = managementClient(running);
    const { key, secret } = await api.expect<{ key: { id: string }; secret: string }>(201, 'POST', '/api/keys', { body: { name: 'soon revoked' } });
    const client = await authenticatedClient(running.url, secret);
    await subscribe(client, 'requests');
    await api.expect(200, 'POST', `/api/keys/${key.id}/revoke`);
    const told = await client.next((message) => message.type === 'error', 'error');
    assert.equal(told.data.code, 'SY_ERR_KEY_REVOKED');
    assert.equal((await client.closed).code, 4401);
  });

  test('the feed listens on WEBSOCKET_PORT too, serving /ws only', async () => {
    const port = running.gateway.liveFeed?.port();
    assert.ok(typeof port === 'number' && port > 0);
    const url = `http://127.0.0.1:${port}`;
    const client = await authenticatedClient(url, running.masterKey);
    await subscribe(client, 'ai_metrics');
    await client.next((message) => message.type === 'ai_metrics', 'an ai_metrics message');
    const plain = await fetch(`${url}/v1/models`);
    assert.equal(plain.status, 404);
    await client.close();
  });

  test('shutdown closes every client with 1001', async () => {
    const client = await authenticatedClient(running.url, running.masterKey);
    await subscribe(client, 'ai_metrics');
    const closing = running.close();
    assert.deepEqual(await client.closed, { code: 1001, reason: 'gateway shutting down' });
    await closing;
  });
});

describe('a slow consumer', () => {
  let running: RunningGateway;
  const MAX_BUFFERED = 64 * 1024;

  before(async () => {
    // Many deployments make each load_balancer message large (about 100 KB), so a few dozen fill the socket buffers.
    const groups = Array.from({ length: 150 }, (_, index) => `  - name: group-${index}\n    deployments: [{ provider: openai, model: gpt-4o }, { provider: anthropic, model: claude-sonnet-4-5 }]`).join('\n');
    const yaml = `${standardConfig(fakes)}${groups}
observability:
  liveFeed: { maxMessagesPerSecond: 100000, maxBufferedBytes: ${MAX_BUFFERED} }
`;
    running = await startGateway({ yaml });
  });

  after(async () => {
    await running?.close();
  });

  test('one that stops reading is dropped with 1013 instead of queueing without bound', async () => {
    const feed = running.gateway.liveFeed;
    assert.ok(feed);
    const client = await authenticatedClient(running.url, running.masterKey);
    await subscribe(client, 'load_balancer');
    client.tcp().pause();
    // Each subscribe answers with the current load_balancer message; the client reads none of them.
    for (let index = 0; index < 400 && feed.stats().closed.slow_consumer === 0; index += 1) {
      client.send('subscribe', { subscriptionType: 'load_balancer' });
      if (index % 20 === 19) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await eventually(() => feed.stats().closed.slow_consumer === 1, 'the slow consumer dropped');
    client.tcp().resume();
    assert.deepEqual(await client.closed, { code: 1013, reason: 'slow consumer' });
    // What it did receive before the close frame is bounded by the kernel's buffers plus one message past the limit, not by what was produced.
    assert.ok(client.messages.filter((message) => message.type === 'load_balancer').length < 400);
  });
});

test('with liveFeed.enabled false there is no feed: /ws is a plain 404', async () => {
  const running = await startGateway({ yaml: `${standardConfig(fakes)}\nobservability:\n  liveFeed: { enabled: false }\n` });
  try {
    assert.equal(running.gateway.liveFeed, null);
    await assert.rejects(connectLive(running.url, { headers: { authorization: `Bearer ${running.masterKey}` } }), /upgrade refused: 404/);
  } finally {
    await running.close();
  }
});
