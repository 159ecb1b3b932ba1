/**
 * The Redis counter store and budget ledger against a real redis-server started for this file:
 * the conformance suites with two separate ioredis clients standing in for two replicas (directly,
 * and through the createCounterStore/createBudgetLedger factories), then what only Redis has: key
 * namespaces, expiry, and scripts surviving a flushed script cache.
 */

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { pino } from 'pino';
import {
  createBudgetLedger,
  createCounterStore,
  RedisBudgetLedger,
  RedisCounterStore,
  type RedisConnection,
} from '../../src/governance/limits/index.js';
import { createRedisConnection } from '../../src/governance/limits/redis-connection.js';
import { redisAvailable, startRedis, type TestRedis } from '../support/redis.js';
import { runBudgetLedgerConformance } from './budget-ledger-conformance.js';
import { runCounterStoreConformance } from './counter-store-conformance.js';

const logger = pino({ level: 'silent' });
let server: TestRedis | undefined;
let prefixCounter = 0;

before(async () => {
  server = await startRedis();
});
after(async () => {
  await server?.stop();
});

function requireServer(): TestRedis {
  if (server === undefined) throw new Error('the test redis-server did not start (see the error of the before hook)');
  return server;
}

/** Two connections (two replicas) sharing a key prefix of their own, so tests do not see each other's keys. */
async function twoReplicas(): Promise<{ connections: [RedisConnection, RedisConnection]; keyPrefix: string; close(): Promise<void> }> {
  const keyPrefix = `test${++prefixCounter}:`;
  const connections: [RedisConnection, RedisConnection] = [
    createRedisConnection({ url: requireServer().url, logger, keyPrefix }),
    createRedisConnection({ url: requireServer().url, logger, keyPrefix }),
  ];
  const ready = await Promise.all(connections.map((connection) => connection.whenReady()));
  assert.deepEqual(ready, [true, true]);
  return { connections, keyPrefix, close: async () => void (await Promise.all(connections.map((connection) => connection.close()))) };
}

test('redis-server is installed', () => {
  assert.ok(redisAvailable(), 'redis-server missing: run `bash scripts/install-test-deps.sh` (Debian package `redis-server`)');
});

runCounterStoreConformance({
  name: 'redis',
  open: async () => {
    const { connections, keyPrefix, close } = await twoReplicas();
    const [first, second] = connections.map((connection) => new RedisCounterStore({ client: connection.client, keyPrefix }));
    return { replicas: [first, second], close };
  },
});

runCounterStoreConformance({
  name: 'redis with failover',
  open: async () => {
    const { connections, close } = await twoReplicas();
    const [first, second] = connections.map((redis) => createCounterStore({ redis, logger }));
    return { replicas: [first, second], close };
  },
});

runBudgetLedgerConformance({
  name: 'redis',
  open: async () => {
    const { connections, keyPrefix, close } = await twoReplicas();
    const [first, second] = connections.map((connection) => new RedisBudgetLedger({ client: connection.client, keyPrefix }));
    return { replicas: [first, second], close };
  },
});

runBudgetLedgerConformance({
  name: 'redis with failover',
  open: async () => {
    const { connections, close } = await twoReplicas();
    const [first, second] = connections.map((redis) => createBudgetLedger({ redis, logger }));
    return { replicas: [first, second], close };
  },
});

test('redis counter keys carry the prefix and expire a little after their window', async () => {
  const { connections, keyPrefix, close } = await twoReplicas();
  try {
    const client = connections[0].client;
    const store = new RedisCounterStore({ client, keyPrefix, expirySlackMs: 1_000 });
    const windowStart = 28_333_335 * 60_000;
    await store.take([{ key: 'rl:key:k:requests:60000', windowMs: 60_000, limit: 5, amount: 1 }], windowStart + 20_000);
    assert.deepEqual(await client.keys(`${keyPrefix}*`), [`${keyPrefix}counter:rl:key:k:requests:60000:${windowStart}`]);
    const ttl = await client.pttl(`${keyPrefix}counter:rl:key:k:requests:60000:${windowStart}`);
    assert.ok(ttl > 0 && ttl <= 40_000 + 1_000, `ttl ${ttl}`);
  } finally {
    await close();
  }
});

test('the default key prefix is switchyard:', async () => {
  const connection = createRedisConnection({ url: requireServer().url, logger });
  try {
    assert.equal(await connection.whenReady(), true);
    assert.equal(connection.keyPrefix, 'switchyard:');
    const store = new RedisCounterStore({ client: connection.client });
    await store.take([{ key: `rl:prefix-check:${Date.now()}`, windowMs: 60_000, limit: 1, amount: 1 }], Date.now());
    assert.equal((await connection.client.keys('switchyard:counter:rl:prefix-check:*')).length, 1);
  } finally {
    await connection.close();
  }
});

test('redis budget keys expire some time after the period resets; closed reservations are remembered for a while', async () => {
  const { connections, keyPrefix, close } = await twoReplicas();
  try {
    const client = connections[0].client;
    const nowMs = Date.now();
    const ledger = new RedisBudgetLedger({ client, keyPrefix, retentionMs: 60_000, now: () => nowMs });
    const window = { budgetId: 'team:t', label: 'team t', limitUsd: 1, periodKey: 'p', resetAtMs: nowMs + 3_600_000 };
    const result = await ledger.reserve([window], 0.5);
    assert.equal(result.ok, true);
    if (!result.ok) return;
    const periodTtl = await client.pttl(`${keyPrefix}budget:team:t:p`);
    assert.ok(periodTtl > 3_600_000 && periodTtl <= 3_660_000, `period ttl ${periodTtl}`);
    assert.deepEqual(await client.hgetall(`${keyPrefix}budget:team:t:p`), { reserved: '500000' });
    await ledger.settle(result.reservation, 0.2);
    const reservationTtl = await client.pttl(`${keyPrefix}budget-reservation:${result.reservation.id}`);
    assert.ok(reservationTtl > 0 && reservationTtl <= 600_000, `reservation ttl ${reservationTtl}`);
  } finally {
    await close();
  }
});

test('a release that arrives before its reserve (after a timeout) blocks the late reserve', async () => {
  const { connections, keyPrefix, close } = await twoReplicas();
  try {
    const ledger = new RedisBudgetLedger({ client: connections[0].client, keyPrefix });
    const window = { budgetId: 'key:late', label: 'key late', limitUsd: 1, periodKey: 'p', resetAtMs: Date.now() + 60_000 };
    const budgets = [{ budgetId: window.budgetId, periodKey: window.periodKey, resetAtMs: window.resetAtMs }];
    await ledger.release({ id: 'late-one', amountUsd: 0.5, budgets });
    await assert.rejects(ledger.reserveWithId([window], 0.5, 'late-one'), /already used/);
    assert.deepEqual(await ledger.read(window.budgetId, window.periodKey), { spentUsd: 0, reservedUsd: 0 });
  } finally {
    await close();
  }
});

test('scripts still run after Redis forgot them (SCRIPT FLUSH, as after a restart)', async () => {
  const { connections, keyPrefix, close } = await twoReplicas();
  try {
    const client = connections[0].client;
    const store = new RedisCounterStore({ client, keyPrefix });
    const counter = { key: 'rl:flush', windowMs: 60_000, limit: 2, amount: 1 };
    assert.equal((await store.take([counter], 0)).allowed, true);
    await client.script('FLUSH');
    assert.equal((await store.take([counter], 0)).states[0].used, 2);
  } finally {
    await close();
  }
});
