/**
 * The live feed through the real gateway, a real `ws` client and the fake upstreams:
 * authentication by header and by message (keys and a user's token), bad and missing
 * credentials closing with 4401; `ai_metrics` ticks that reflect requests just sent; the
 * `requests` tail with a model filter and, for a developer, only its own key's rows; channels a
 * caller may not read refused; a breaker opening pushed on `alerts`; `load_balancer` and
 * `performance` samples; unsubscribe stopping the channel.
 */

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startFakes, startGateway, standardConfig, usageRows } from '../support/gateway-harness.js';
import type { Fakes, RunningGateway } from '../support/gateway-harness.js';
import { authenticatedClient, connectLive, eventually, subscribe } from '../support/live-feed-client.js';
import type { LiveMessage, LiveTestClient } from '../support/live-feed-client.js';
import { managementClient } from '../support/management-client.js';
import type { ManagementClient } from '../support/management-client.js';

let fakes: Fakes;
let running: RunningGateway;
let api: ManagementClient;
const clients: LiveTestClient[] = [];

async function open(credential: string): Promise<LiveTestClient> {
  const client = await authenticatedClient(running.url, credential);
  clients.push(client);
  return client;
}

function isRow(message: LiveMessage, model?: string): boolean {
  return message.type === 'requests' && (model === undefined || message.data.model === model);
}

before(async () => {
  fakes = await startFakes();
  const yaml = standardConfig(fakes).replace(
    'routing: { retries: { maxPerDeployment: 0 } }',
    'routing: { retries: { maxPerDeployment: 0 }, breaker: { failureThreshold: 2, minimumRequests: 100, cooldownMs: 600000 } }',
  );
  running = await startGateway({ yaml });
  api = managementClient(running);
});

after(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await running.close();
  await fakes.close();
});

describe('authentication', () => {
  test('by header (Authorization or x-api-key): the gateway says who it is and which channels it may read', async () => {
    const client = await open(running.masterKey);
    const hello = client.messages.find((message) => message.type === 'authenticated');
    assert.deepEqual(hello?.data, { role: 'admin', channels: ['ai_metrics', 'performance', 'load_balancer', 'alerts', 'requests'] });
    const byApiKey = await connectLive(running.url, { headers: { 'x-api-key': running.masterKey } });
    clients.push(byApiKey);
    await byApiKey.next((message) => message.type === 'authenticated', 'authenticated');
  });

  test("by an auth message with a user's access token (browsers cannot set headers)", async () => {
    const viewer = await api.user({ email: 'watcher@example.com', role: 'viewer' });
    const client = await connectLive(running.url);
    clients.push(client);
    client.send('auth', { token: viewer.token });
    const hello = await client.next((message) => message.type === 'authenticated', 'authenticated');
    assert.equal(hello.data.role, 'viewer');
    await subscribe(client, 'ai_metrics');
  });

  test('a bad token closes with 4401, by header and by message; so does a subscribe before authenticating', async () => {
    const byHeader = await connectLive(running.url, { headers: { authorization: 'Bearer sy-not-a-real-key' } });
    const error = await byHeader.next((message) => message.type === 'error', 'error');
    assert.equal(error.data.code, 'SY_ERR_UNAUTHENTICATED');
    assert.equal((await byHeader.closed).code, 4401);

    const byMessage = await connectLive(running.url);
    byMessage.send('auth', { token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl' });
    assert.equal((await byMessage.closed).code, 4401);

    const tooEarly = await connectLive(running.url);
    tooEarly.send('subscribe', { subscriptionType: 'ai_metrics' });
    const told = await tooEarly.next((message) => message.type === 'error', 'error');
    assert.equal(told.data.code, 'SY_ERR_UNAUTHENTICATED');
    assert.equal((await tooEarly.closed).code, 4401);
  });

  test('bad messages get an error and the connection stays; pings get pongs; other paths are not upgraded', async () => {
    const client = await open(running.masterKey);
    client.socket.send('not json');
    client.send('subscribe', { subscriptionType: 'everything' });
    client.send('dance');
    for (let index = 0; index < 3; index += 1) {
      const error = await client.next((message) => message.type === 'error', 'error');
      assert.equal(error.data.code, 'SY_ERR_INVALID_REQUEST');
    }
    client.send('ping');
    await client.next((message) => message.type === 'pong', 'pong');
    await assert.rejects(connectLive(running.url, { path: '/elsewhere', headers: { authorization: `Bearer ${running.masterKey}` } }), /upgrade refused: 404/);
  });
});

describe('channels', () => {
  test('ai_metrics ticks reflect the requests just sent: rate, latency, tokens, models, cost', async () => {
    const client = await open(running.masterKey);
    await subscribe(client, 'ai_metrics');
    const first = await client.next((message) => message.type === 'ai_metrics', 'an ai_metrics message');
    const before = Number(first.data.requestsInWindow);
    for (let index = 0; index < 4; index += 1) assert.equal((await api.chat(running.masterKey, 'gpt-4o')).status, 200);
    const tick = await client.next((message) => message.type === 'ai_metrics' && Number(message.data.requestsInWindow) >= before + 4, 'a tick counting the four requests');
    const rows = (await usageRows(running)).filter((row) => row.modelGroup === 'gpt-4o');
    const latencies = rows.map((row) => row.latencyMs);
    assert.ok(Number(tick.data.requestsPerSecond) > 0);
    assert.ok(Number(tick.data.tokensPerSecond) > 0);
    const p50 = Number(tick.data.latencyP50Ms);
    const p95 = Number(tick.data.latencyP95Ms);
    // Percentiles come from log-spaced buckets (within 5 %), the stored latencies are whole milliseconds.
    assert.ok(p50 >= Math.min(...latencies) * 0.95 - 1 && p50 <= Math.max(...latencies) * 1.05 + 1, `p50 ${p50} within ${latencies}`);
    assert.ok(p95 >= p50);
    assert.ok(Number(tick.data.modelsActive) >= 1);
    assert.equal(tick.data.cacheHitRate, 0);
    assert.ok(Number(tick.data.costToday) >= 0);
    for (const field of ['errorRate', 'activeRequests', 'tokensInWindow', 'windowSeconds', 'at']) assert.ok(field in tick.data, field);
  });

  test('requests: one message per finished request, filtered by model, without prompt or answer text', async () => {
    const client = await open(running.masterKey);
    await subscribe(client, 'requests', { model: 'claude' });
    assert.equal((await api.chat(running.masterKey, 'gpt-4o')).status, 200);
    assert.equal((await api.chat(running.masterKey, 'claude')).status, 200);
    const row = await client.next((message) => isRow(message), 'a requests message');
    assert.equal(row.data.model, 'claude');
    assert.equal(row.data.provider, 'anthropic');
    assert.equal(row.data.status, 200);
    assert.equal(row.data.outcome, 'success');
    assert.ok(Number(row.data.latencyMs) > 0);
    assert.ok(Number(row.data.totalTokens) > 0);
    for (const field of ['requestId', 'time', 'deployment', 'ttftMs', 'costUsd', 'keyId', 'promptTokens', 'completionTokens']) assert.ok(field in row.data, field);
    assert.ok(!JSON.stringify(row.data).includes('hello'), 'no prompt text');
    assert.equal(client.messages.filter((message) => isRow(message, 'gpt-4o')).length, 0, 'the gpt-4o request was filtered out');
  });

  test("a developer's tail shows only its own key's rows, and it may not read ai_metrics", async () => {
    const developer = await api.user({ email: 'dev@example.com', role: 'developer' });
    const own = await api.expect<{ key: { id: string }; secret: string }>(201, 'POST', '/api/keys', { body: { name: 'mine' }, credential: developer.token });
    const other = await api.expect<{ key: { id: string }; secret: string }>(201, 'POST', '/api/keys', { body: { name: 'not mine' } });
    const client = await connectLive(running.url);
    clients.push(client);
    client.send('auth', { token: developer.token });
    const hello = await client.next((message) => message.type === 'authenticated', 'authenticated');
    assert.deepEqual(hello.data, { role: 'developer', channels: ['load_balancer', 'alerts', 'requests'] });
    client.send('subscribe', { subscriptionType: 'ai_metrics' });
    const denied = await client.next((message) => message.type === 'error', 'error');
    assert.equal(denied.data.code, 'SY_ERR_FORBIDDEN');
    assert.equal(denied.data.subscriptionType, 'ai_metrics');
    await subscribe(client, 'requests');
    assert.equal((await api.chat(other.secret, 'gpt-4o')).status, 200);
    assert.equal((await api.chat(own.secret, 'gpt-4o')).status, 200);
    const row = await client.next((message) => isRow(message), 'a requests message');
    assert.equal(row.data.keyId, own.key.id);
    assert.equal(client.messages.filter((message) => message.type === 'requests' && message.data.keyId === other.key.id).length, 0);
  });

  test('a key scoped to the data plane sees its own rows and the load balancer, but not alerts, metrics or performance', async () => {
    const { key, secret } = await api.expect<{ key: { id: string }; secret: string }>(201, 'POST', '/api/keys', { body: { name: 'data only' } });
    const client = await open(secret);
    assert.deepEqual(client.messages.find((message) => message.type === 'authenticated')?.data, { role: null, channels: ['load_balancer', 'requests'] });
    for (const channel of ['alerts', 'ai_metrics', 'performance']) {
      client.send('subscribe', { subscriptionType: channel });
      const denied = await client.next((message) => message.type === 'error', `refusal of ${channel}`);
      assert.equal(denied.data.code, 'SY_ERR_FORBIDDEN');
      assert.match(String(denied.data.message), /a key scoped to the data plane may not subscribe/);
    }
    await subscribe(client, 'requests', { keyId: 'key_someone_else' });
    await subscribe(client, 'requests');
    assert.equal((await api.chat(running.masterKey, 'gpt-4o')).status, 200);
    assert.equal((await api.chat(secret, 'gpt-4o')).status, 200);
    const row = await client.next((message) => isRow(message), 'a requests message');
    assert.equal(row.data.keyId, key.id);
  });

  test('alerts: a circuit breaker opening is pushed at once', async () => {
    const client = await open(running.masterKey);
    await subscribe(client, 'alerts');
    for (let index = 0; index < 2; index += 1) assert.notEqual((await api.chat(running.masterKey, 'badkey')).status, 200);
    const alert = await client.next((message) => message.type === 'alerts' && message.data.kind === 'breaker.open', 'a breaker.open alert');
    assert.equal(alert.data.severity, 'warning');
    assert.equal((alert.data.details as Record<string, unknown>).deploymentId, 'openai-badkey/gpt-4o');
    assert.match(String(alert.data.message), /opened/);
  });

  test('load_balancer and performance: a sample at once, then one per tick', async () => {
    const client = await open(running.masterKey);
    await subscribe(client, 'load_balancer');
    const balancer = await client.next((message) => message.type === 'load_balancer', 'a load_balancer message');
    const deployments = balancer.data.deployments as Array<Record<string, unknown>>;
    const gpt = deployments.find((deployment) => deployment.group === 'gpt-4o');
    assert.ok(gpt);
    for (const field of ['inFlight', 'latencyMs', 'weight', 'breaker', 'share']) assert.ok(field in gpt, field);
    await client.next((message) => message.type === 'load_balancer', 'a second load_balancer message');

    await subscribe(client, 'performance');
    const performance = await client.next((message) => message.type === 'performance', 'a performance message');
    const memory = performance.data.memory as Record<string, number>;
    assert.ok(memory.rssBytes > 0 && memory.heapUsedBytes > 0);
    const disk = performance.data.disk as Record<string, number> | null;
    assert.ok(disk && disk.freeBytes > 0 && disk.totalBytes >= disk.freeBytes, 'free space of the SQLite directory');
    for (const field of ['cpuPercent', 'cpuCount', 'loadAverage', 'uptimeSeconds', 'eventLoopLagMs']) assert.ok(field in performance.data, field);
    const lag = await client.next((message) => message.type === 'performance', 'a ticked performance message');
    assert.ok(Number((lag.data.eventLoopLagMs as Record<string, number>).p99) >= 0);
  });

  test('unsubscribing stops the channel, and its timer stops with its last subscriber', async () => {
    const feed = running.gateway.liveFeed;
    assert.ok(feed);
    const client = await open(running.masterKey);
    await subscribe(client, 'requests');
    const count = feed.stats().subscribers.requests;
    client.send('unsubscribe', { subscriptionType: 'requests' });
    await client.next((message) => message.type === 'unsubscribed', 'unsubscribed');
    assert.equal(feed.stats().subscribers.requests, count - 1);
    assert.equal((await api.chat(running.masterKey, 'gpt-4o')).status, 200);
    client.send('ping');
    await client.next((message) => message.type === 'pong', 'pong');
    assert.equal(client.messages.filter((message) => isRow(message)).length, 0);
    await Promise.all(clients.splice(0).map((item) => item.close()));
    await eventually(() => feed.stats().connections === 0, 'every client gone');
    assert.deepEqual(feed.stats().subscribers, { ai_metrics: 0, performance: 0, load_balancer: 0, alerts: 0, requests: 0 });
  });
});
