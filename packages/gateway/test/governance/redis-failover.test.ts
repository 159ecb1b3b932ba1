/**
 * DESIGN.md, "Redis unavailable": with Redis frozen (SIGSTOP: commands time out) or stopped
 * (connections refused), limits and budgets keep answering from this replica's memory, the health
 * view says degraded, and everything goes back to Redis when it answers again, replaying what was
 * kept aside. A real redis-server of its own, since these tests stop it.
 */

import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, test } from 'node:test';
import { pino } from 'pino';
import {
  createBudgetLedger,
  createCounterStore,
  FailoverBudgetLedger,
  FailoverCounterStore,
  LOCAL_RESERVATION_PREFIX,
  RedisBudgetLedger,
  type RedisConnection,
  type RedisHealthStatus,
} from '../../src/governance/limits/index.js';
import { createRedisConnection } from '../../src/governance/limits/redis-connection.js';
import type { BudgetWindow } from '../../src/pipeline/ports.js';
import { startRedis, type TestRedis } from '../support/redis.js';

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

interface Harness {
  redis: RedisConnection;
  logLines: string[];
  statusChanges: RedisHealthStatus[];
  keyPrefix: string;
  close(): Promise<void>;
}

async function connect(): Promise<Harness> {
  const logLines: string[] = [];
  const logger = pino({ level: 'info' }, new Writable({ write: (chunk, _encoding, done) => void (logLines.push(String(chunk)), done()) }));
  const keyPrefix = `failover${++prefixCounter}:`;
  // Short timeouts keep the test quick; nothing asserts on them.
  const redis = createRedisConnection({ url: requireServer().url, logger, keyPrefix, commandTimeoutMs: 200, maxReconnectDelayMs: 100 });
  const statusChanges: RedisHealthStatus[] = [];
  redis.onStatusChange((status) => statusChanges.push(status));
  assert.equal(await redis.whenReady(), true);
  return { redis, logLines, statusChanges, keyPrefix, close: () => redis.close() };
}

/** Probes until Redis is in use again (the client may first have to reconnect). */
async function recover(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 50));
}

test('Redis frozen: take() answers from memory with per-replica limits, health degraded, back to Redis after it answers', async () => {
  const harness = await connect();
  const redisServer = requireServer();
  try {
    const store = createCounterStore({ redis: harness.redis, logger: pino({ level: 'silent' }), retryIntervalMs: 0 });
    assert.ok(store instanceof FailoverCounterStore);
    const counter = { key: 'rl:key:k:requests:60000', windowMs: 60_000, limit: 3, amount: 1 };
    assert.equal((await store.take([counter], 0)).states[0].used, 1, 'from Redis');
    assert.equal(harness.redis.status(), 'ok');

    await redisServer.pause();
    try {
      const during = [];
      for (let index = 0; index < 4; index += 1) during.push(await store.take([counter], 0));
      assert.deepEqual(during.map((result) => result.allowed), [true, true, true, false], 'the local window starts empty and holds the same limit');
      assert.equal(store.degraded, true);
      assert.equal(harness.redis.status(), 'degraded');
      assert.match(harness.redis.lastError()?.message ?? '', /timed out/i);
      await store.add([{ key: counter.key, windowMs: counter.windowMs, amount: 5 }], 0);
    } finally {
      await redisServer.resume();
    }

    await recover(() => store.checkNow());
    assert.equal(store.degraded, false);
    assert.equal(harness.redis.status(), 'ok');
    const raw = await harness.redis.client.get(`${harness.keyPrefix}counter:${counter.key}:0`);
    const afterRecovery = await store.take([{ ...counter, limit: 100 }], 0);
    assert.equal(afterRecovery.states[0].used, Number(raw) + 1, 'counted in Redis again');
    assert.deepEqual(harness.statusChanges, ['degraded', 'ok']);
    assert.equal(harness.logLines.filter((line) => line.includes('redis unavailable')).length, 1);
    assert.equal(harness.logLines.filter((line) => line.includes('redis available again')).length, 1);
  } finally {
    await harness.close();
  }
});

test('Redis stopped: take() answers from memory at once, and Redis is used again after a restart', async () => {
  const harness = await connect();
  const redisServer = requireServer();
  try {
    const store = createCounterStore({ redis: harness.redis, logger: pino({ level: 'silent' }), retryIntervalMs: 0 });
    assert.ok(store instanceof FailoverCounterStore);
    const counter = { key: 'rl:ip:1.2.3.4:requests:60000', windowMs: 60_000, limit: 10, amount: 1 };
    await redisServer.shutdown();
    try {
      const result = await store.take([counter], 0);
      assert.equal(result.allowed, true);
      assert.equal(store.degraded, true);
      assert.equal(harness.redis.status(), 'degraded');
    } finally {
      await redisServer.restart();
    }
    await recover(() => store.checkNow());
    assert.equal(harness.redis.status(), 'ok');
    assert.equal((await store.take([counter], 0)).states[0].used, 1, 'the restarted Redis starts empty');
  } finally {
    await harness.close();
  }
});

test('Redis unreachable from the start: requests flow from memory and health says degraded', async () => {
  const redisServer = requireServer();
  await redisServer.shutdown();
  const redis = createRedisConnection({ url: redisServer.url, logger: pino({ level: 'silent' }), commandTimeoutMs: 200, maxReconnectDelayMs: 100 });
  try {
    assert.equal(await redis.whenReady(), false);
    const store = createCounterStore({ redis, logger: pino({ level: 'silent' }) });
    const ledger = createBudgetLedger({ redis, logger: pino({ level: 'silent' }) });
    assert.equal((await store.take([{ key: 'rl:boot', windowMs: 1_000, limit: 1, amount: 1 }], 0)).allowed, true);
    const reservation = await ledger.reserve([{ budgetId: 'b', label: 'b', limitUsd: 1, periodKey: 'p', resetAtMs: Date.now() + 60_000 }], 0.5);
    assert.equal(reservation.ok && reservation.reservation.id.startsWith(LOCAL_RESERVATION_PREFIX), true);
    assert.equal(redis.status(), 'degraded');
    assert.notEqual(redis.lastError(), null);
  } finally {
    await redis.close();
    await redisServer.restart();
  }
});

test('budgets while Redis is frozen: local reservations stay local, queued Redis operations and local spend reach Redis on recovery', async () => {
  const harness = await connect();
  const redisServer = requireServer();
  try {
    const ledger = createBudgetLedger({ redis: harness.redis, logger: pino({ level: 'silent' }), retryIntervalMs: 0 });
    assert.ok(ledger instanceof FailoverBudgetLedger);
    const shared = new RedisBudgetLedger({ client: harness.redis.client, keyPrefix: harness.keyPrefix });
    const window: BudgetWindow = { budgetId: 'team:t', label: 'team t monthly budget', limitUsd: 2, periodKey: 'p', resetAtMs: Date.now() + 3_600_000 };
    await ledger.seed(window.budgetId, window.periodKey, 0.2, window.resetAtMs);

    const inRedis = await ledger.reserve([window], 0.5);
    assert.ok(inRedis.ok && !inRedis.reservation.id.startsWith(LOCAL_RESERVATION_PREFIX));

    await redisServer.pause();
    let timedOut;
    let local;
    try {
      // This reserve reaches the frozen Redis and times out; Redis runs it once thawed, so the
      // failover must release its Redis id on recovery.
      timedOut = await ledger.reserve([window], 0.5);
      await ledger.settle(inRedis.reservation, 0.3);
      local = await ledger.reserve([window], 0.5);
      assert.ok(timedOut.ok && timedOut.reservation.id.startsWith(LOCAL_RESERVATION_PREFIX), 'answered locally');
      assert.ok(local.ok && local.reservation.id.startsWith(LOCAL_RESERVATION_PREFIX));
      // The local copy started from the seeded spend: 0.2 + two reservations of 0.5 in flight.
      assert.deepEqual(await ledger.read(window.budgetId, window.periodKey), { spentUsd: 0.2, reservedUsd: 1 });
      assert.equal((await ledger.reserve([window], 0.9)).ok, false, 'the local ledger enforces the limit');
      await ledger.settle(timedOut.reservation, 0.4);
      await ledger.release(local.reservation);
      assert.equal(ledger.degraded, true);
      assert.equal(harness.redis.status(), 'degraded');
      assert.ok(ledger.backlog.operations >= 1);
    } finally {
      await redisServer.resume();
    }

    await recover(() => ledger.checkNow());
    assert.deepEqual(ledger.backlog, { operations: 0, budgets: 0 });
    // 0.2 seeded + 0.3 settled in Redis (replayed) + 0.4 settled locally; the reserve that timed out was released.
    const inRedisNow = await shared.read(window.budgetId, window.periodKey);
    assert.equal(inRedisNow.reservedUsd, 0);
    assert.ok(Math.abs(inRedisNow.spentUsd - 0.9) < 1e-9, `spent ${inRedisNow.spentUsd}`);
    assert.deepEqual(await ledger.read(window.budgetId, window.periodKey), inRedisNow, 'reads come from Redis again');
    assert.equal(harness.redis.status(), 'ok');

    await ledger.settle(inRedis.reservation, 0.3);
    await ledger.settle(timedOut.reservation, 0.4);
    assert.deepEqual(await shared.read(window.budgetId, window.periodKey), inRedisNow, 'settling again is a no-op');
  } finally {
    await harness.close();
  }
});

test('a bad counter (windowMs 0) is the caller’s error, not a Redis outage', async () => {
  const harness = await connect();
  try {
    const store = createCounterStore({ redis: harness.redis, logger: pino({ level: 'silent' }) });
    await assert.rejects(async () => store.take([{ key: 'rl:bad', windowMs: 0, limit: 1, amount: 1 }], 0), RangeError);
    assert.equal(harness.redis.status(), 'ok');
    assert.deepEqual(harness.statusChanges, []);
  } finally {
    await harness.close();
  }
});
