import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GatewayError } from '../core/index.js';
import { ConcurrencyLimiter } from './concurrency-limiter.js';
import type { ConcurrencyLimiterOptions, Priority, Release } from './concurrency-limiter.js';

/** Long enough never to fire in a test that does not wait for it. */
const NEVER_MS = 60_000;

function limiter(options: Partial<ConcurrencyLimiterOptions> = {}): ConcurrencyLimiter {
  return new ConcurrencyLimiter({ maxConcurrent: 1, maxQueue: 10, maxWaitMs: NEVER_MS, ...options });
}

/** Lets pending promise callbacks run. */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Queues an acquire that logs `label` when granted and keeps the release to call later. */
function enqueue(target: ConcurrencyLimiter, label: string, priority: Priority, order: string[], releases: Map<string, Release>): Promise<void> {
  return target.acquire({ priority }).then((release) => {
    order.push(label);
    releases.set(label, release);
  });
}

async function rejection(promise: Promise<unknown>): Promise<GatewayError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof GatewayError, 'rejects with a GatewayError');
    return error;
  }
  assert.fail('expected a rejection');
}

test('grants slots at once up to maxConcurrent, then queues', async () => {
  const subject = limiter({ maxConcurrent: 2 });
  const first = await subject.acquire({ priority: 'normal' });
  const second = await subject.acquire({ priority: 'normal' });
  assert.equal(subject.inFlight, 2);
  assert.equal(subject.tryAcquire(), null);
  let third: Release | null = null;
  const pending = subject.acquire({ priority: 'normal' }).then((release) => (third = release));
  await settle();
  assert.equal(third, null);
  assert.equal(subject.queued, 1);
  first();
  await pending;
  assert.ok(third);
  assert.equal(subject.inFlight, 2, 'the slot passed on without ever being free');
  assert.equal(subject.queued, 0);
  second();
  (third as Release)();
  assert.equal(subject.inFlight, 0);
});

test('high before normal before low, first come first served within a priority', async () => {
  const subject = limiter();
  const holder = subject.tryAcquire();
  assert.ok(holder);
  const order: string[] = [];
  const releases = new Map<string, Release>();
  const all = [
    enqueue(subject, 'low-1', 'low', order, releases),
    enqueue(subject, 'normal-1', 'normal', order, releases),
    enqueue(subject, 'high-1', 'high', order, releases),
    enqueue(subject, 'normal-2', 'normal', order, releases),
    enqueue(subject, 'high-2', 'high', order, releases),
    enqueue(subject, 'low-2', 'low', order, releases),
  ];
  assert.equal(subject.queued, 6);
  holder();
  // Each grantee releases in turn, so the log shows the hand-off order.
  for (let index = 0; index < all.length; index += 1) {
    await settle();
    const label = order[index];
    assert.ok(label, `grant ${index + 1} happened`);
    releases.get(label)?.();
  }
  await Promise.all(all);
  assert.deepEqual(order, ['high-1', 'high-2', 'normal-1', 'normal-2', 'low-1', 'low-2']);
  assert.equal(subject.inFlight, 0);
  assert.equal(subject.queued, 0);
});

test('a full queue rejects at once with a 429 carrying retryAfterMs', async () => {
  const subject = limiter({ maxQueue: 1, maxWaitMs: 2_500, name: "deployment 'east'" });
  const holder = subject.tryAcquire();
  const waiting = subject.acquire({ priority: 'normal' });
  const error = await rejection(subject.acquire({ priority: 'high' }));
  assert.equal(error.code, 'SY_ERR_CONCURRENCY_LIMITED');
  assert.equal(error.status, 429);
  assert.equal(error.retryable, true);
  assert.equal(error.retryAfterMs, 2_500, 'before any hold time was seen, the estimate is maxWaitMs');
  assert.match(error.message, /deployment 'east'/);
  assert.equal(subject.queued, 1, 'the rejected request never took a place');
  holder?.();
  (await waiting)();
  assert.equal(subject.inFlight, 0);
});

test('maxQueue 0 rejects as soon as every slot is taken', async () => {
  const subject = limiter({ maxQueue: 0 });
  const holder = subject.tryAcquire();
  const error = await rejection(subject.acquire({ priority: 'high' }));
  assert.equal(error.code, 'SY_ERR_CONCURRENCY_LIMITED');
  assert.equal(subject.queued, 0);
  holder?.();
});

test('retry-after follows observed hold times, kept within [1 s, maxWaitMs]', async () => {
  const clock = { now: 0 };
  const subject = limiter({ maxConcurrent: 2, maxQueue: 1, maxWaitMs: 30_000, now: () => clock.now });
  const first = subject.tryAcquire();
  clock.now = 4_000;
  first?.();
  const holders = [subject.tryAcquire(), subject.tryAcquire()];
  const waiting = subject.acquire({ priority: 'low' });
  const error = await rejection(subject.acquire({ priority: 'low' }));
  // One waiter ahead plus this one: ceil(2 / 2) = 1 round of the 4 s average hold.
  assert.equal(error.retryAfterMs, 4_000);
  for (const holder of holders) holder?.();
  (await waiting)();

  const quick = limiter({ maxQueue: 0, maxWaitMs: 30_000, now: () => clock.now });
  quick.tryAcquire()?.();
  quick.tryAcquire();
  assert.equal((await rejection(quick.acquire({ priority: 'low' }))).retryAfterMs, 1_000, 'never below one second');
});

test('a wait past maxWaitMs rejects with a 429 and leaves the queue', async () => {
  const subject = limiter({ maxWaitMs: 5 });
  const holder = subject.tryAcquire();
  const error = await rejection(subject.acquire({ priority: 'high' }));
  assert.equal(error.code, 'SY_ERR_CONCURRENCY_LIMITED');
  assert.equal(error.status, 429);
  assert.equal(error.retryAfterMs, 1_000);
  assert.equal(subject.queued, 0);
  holder?.();
  assert.equal(subject.inFlight, 0, 'the timed-out waiter was not handed the slot');
});

test('an abort while queued rejects as client-disconnected and frees its place', async () => {
  const subject = limiter({ maxQueue: 1 });
  const holder = subject.tryAcquire();
  const controller = new AbortController();
  const aborted = subject.acquire({ priority: 'high', signal: controller.signal });
  assert.equal(subject.queued, 1);
  controller.abort();
  const error = await rejection(aborted);
  assert.equal(error.code, 'SY_ERR_CLIENT_DISCONNECTED');
  assert.equal(subject.queued, 0);
  // Its place is free again, and the next release skips it.
  const next = subject.acquire({ priority: 'low' });
  holder?.();
  const release = await next;
  assert.equal(subject.inFlight, 1);
  release();
  assert.equal(subject.inFlight, 0);
});

test('an already aborted signal rejects at once without taking a free slot', async () => {
  const subject = limiter();
  const error = await rejection(subject.acquire({ priority: 'normal', signal: AbortSignal.abort() }));
  assert.equal(error.code, 'SY_ERR_CLIENT_DISCONNECTED');
  assert.equal(subject.inFlight, 0);
});

test('release is idempotent: a second call neither frees a slot nor grants a waiter', async () => {
  const subject = limiter();
  const holder = subject.tryAcquire();
  assert.ok(holder);
  let granted: Release | null = null;
  const first = subject.acquire({ priority: 'normal' }).then((release) => (granted = release));
  const second = subject.acquire({ priority: 'normal' });
  holder();
  holder();
  await first;
  assert.equal(subject.inFlight, 1);
  assert.equal(subject.queued, 1, 'the second waiter still waits');
  (granted as Release | null)?.();
  const last = await second;
  last();
  last();
  assert.equal(subject.inFlight, 0);
  assert.ok(subject.tryAcquire(), 'free slots are not over-counted after double releases');
});

test('tryAcquire never jumps the queue', async () => {
  const subject = limiter({ maxConcurrent: 1 });
  const holder = subject.tryAcquire();
  const waiting = subject.acquire({ priority: 'low' });
  holder?.();
  assert.equal(subject.tryAcquire(), null, 'the slot went to the waiter');
  (await waiting)();
  const free = subject.tryAcquire();
  assert.ok(free);
  free();
});

test('maxConcurrent 0 or Infinity is unlimited, still counting requests in flight', async () => {
  for (const maxConcurrent of [0, Infinity]) {
    const subject = limiter({ maxConcurrent, maxQueue: 0 });
    const releases = await Promise.all(Array.from({ length: 50 }, () => subject.acquire({ priority: 'low' })));
    assert.equal(subject.inFlight, 50);
    assert.equal(subject.queued, 0);
    for (const release of releases) release();
    assert.equal(subject.inFlight, 0);
  }
});

test('rejects options that are negative or not a number', () => {
  assert.throws(() => limiter({ maxConcurrent: -1 }), RangeError);
  assert.throws(() => limiter({ maxQueue: Number.NaN }), RangeError);
  assert.throws(() => limiter({ maxWaitMs: -5 }), RangeError);
});
