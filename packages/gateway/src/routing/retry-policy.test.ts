import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GatewayError } from '../core/index.js';
import type { ErrorCode, GatewayErrorOptions } from '../core/index.js';
import { createRetryPolicy, sleep } from './retry-policy.js';
import type { RetryDecision } from './retry-policy.js';

function error(code: ErrorCode, options: GatewayErrorOptions = {}): GatewayError {
  return new GatewayError(code, code, options);
}

// random() = 0.5 makes each delay exactly half its ceiling.
const policy = createRetryPolicy({ random: () => 0.5 });
const first = (failure: GatewayError, streamStarted = false): RetryDecision =>
  policy.decide({ error: failure, attemptOnDeployment: 1, streamStarted });

test('the matrix: first failure on a deployment, before the stream started', () => {
  const cases: [string, GatewayError, RetryDecision][] = [
    ['429 without retry-after', error('SY_ERR_UPSTREAM_RATE_LIMITED'), { action: 'retry-same', delayMs: 100 }],
    ['429 with retry-after 2 s', error('SY_ERR_UPSTREAM_RATE_LIMITED', { retryAfterMs: 2_000 }), { action: 'retry-same', delayMs: 2_000 }],
    ['429 with retry-after 0', error('SY_ERR_UPSTREAM_RATE_LIMITED', { retryAfterMs: 0 }), { action: 'retry-same', delayMs: 0 }],
    ['429 with retry-after 60 s', error('SY_ERR_UPSTREAM_RATE_LIMITED', { retryAfterMs: 60_000 }), { action: 'next-deployment' }],
    ['429 quota (not retryable)', error('SY_ERR_UPSTREAM_RATE_LIMITED', { retryable: false }), { action: 'next-deployment' }],
    ['500', error('SY_ERR_UPSTREAM_SERVER', { upstreamStatus: 500 }), { action: 'retry-same', delayMs: 100 }],
    ['503 overloaded with retry-after 1 s', error('SY_ERR_UPSTREAM_OVERLOADED', { retryAfterMs: 1_000 }), { action: 'retry-same', delayMs: 1_000 }],
    ['connect refused', error('SY_ERR_UPSTREAM_UNREACHABLE'), { action: 'retry-same', delayMs: 100 }],
    ['timeout before first byte', error('SY_ERR_UPSTREAM_TIMEOUT'), { action: 'retry-same', delayMs: 100 }],
    ['upstream auth', error('SY_ERR_UPSTREAM_AUTH'), { action: 'next-deployment' }],
    ['upstream permission', error('SY_ERR_UPSTREAM_PERMISSION'), { action: 'next-deployment' }],
    ['upstream model not found', error('SY_ERR_UPSTREAM_NOT_FOUND'), { action: 'next-deployment' }],
    ['unsupported operation', error('SY_ERR_UNSUPPORTED_OPERATION'), { action: 'next-deployment' }],
    ['invalid request', error('SY_ERR_INVALID_REQUEST'), { action: 'fail' }],
    ['upstream bad request', error('SY_ERR_UPSTREAM_BAD_REQUEST'), { action: 'fail' }],
    ['context window exceeded', error('SY_ERR_CONTEXT_WINDOW_EXCEEDED'), { action: 'fail' }],
    ['content filtered', error('SY_ERR_CONTENT_FILTERED'), { action: 'fail' }],
    ['upstream protocol', error('SY_ERR_UPSTREAM_PROTOCOL'), { action: 'fail' }],
    ['client disconnected', error('SY_ERR_CLIENT_DISCONNECTED'), { action: 'fail' }],
    ['gateway shutting down', error('SY_ERR_SHUTTING_DOWN'), { action: 'fail' }],
    ['internal', error('SY_ERR_INTERNAL'), { action: 'fail' }],
  ];
  for (const [name, failure, expected] of cases) assert.deepEqual(first(failure), expected, name);
});

test('nothing is retried once the stream started, whatever the error', () => {
  for (const code of ['SY_ERR_UPSTREAM_TIMEOUT', 'SY_ERR_UPSTREAM_SERVER', 'SY_ERR_UPSTREAM_RATE_LIMITED', 'SY_ERR_UPSTREAM_AUTH'] as const) {
    assert.deepEqual(first(error(code), true), { action: 'fail' }, code);
  }
});

test('retries on the same deployment stop after maxRetriesPerDeployment, then move on', () => {
  const twice = createRetryPolicy({ maxRetriesPerDeployment: 2, random: () => 0.5 });
  const decide = (attempt: number, failure = error('SY_ERR_UPSTREAM_SERVER')) =>
    twice.decide({ error: failure, attemptOnDeployment: attempt, streamStarted: false }).action;
  assert.deepEqual([1, 2, 3].map((attempt) => decide(attempt)), ['retry-same', 'retry-same', 'next-deployment']);
  // Honouring retry-after does not add attempts either.
  assert.equal(decide(3, error('SY_ERR_UPSTREAM_RATE_LIMITED', { retryAfterMs: 10 })), 'next-deployment');
  assert.equal(policy.decide({ error: error('SY_ERR_UPSTREAM_SERVER'), attemptOnDeployment: 2, streamStarted: false }).action, 'next-deployment');
});

test('maxRetriesPerDeployment 0 moves on at once', () => {
  const never = createRetryPolicy({ maxRetriesPerDeployment: 0 });
  assert.deepEqual(never.decide({ error: error('SY_ERR_UPSTREAM_SERVER'), attemptOnDeployment: 1, streamStarted: false }), { action: 'next-deployment' });
});

test('backoff doubles per retry and is capped at maxDelayMs; jitter spans [0, ceiling)', () => {
  const delays = (random: number) => {
    const backoff = createRetryPolicy({ maxRetriesPerDeployment: 10, baseDelayMs: 100, maxDelayMs: 1_000, random: () => random });
    return [1, 2, 3, 4, 5, 6].map((attempt) => {
      const decision = backoff.decide({ error: error('SY_ERR_UPSTREAM_OVERLOADED'), attemptOnDeployment: attempt, streamStarted: false });
      return decision.action === 'retry-same' ? decision.delayMs : -1;
    });
  };
  assert.deepEqual(delays(0.999_999), [99, 199, 399, 799, 999, 999]);
  assert.deepEqual(delays(0.5), [50, 100, 200, 400, 500, 500]);
  assert.deepEqual(delays(0), [0, 0, 0, 0, 0, 0]);
});

test('retry-after up to maxRetryAfterMs is waited for exactly; above it moves on', () => {
  const patient = createRetryPolicy({ maxRetryAfterMs: 3_000 });
  const decide = (retryAfterMs: number) =>
    patient.decide({ error: error('SY_ERR_UPSTREAM_RATE_LIMITED', { retryAfterMs }), attemptOnDeployment: 1, streamStarted: false });
  assert.deepEqual(decide(3_000), { action: 'retry-same', delayMs: 3_000 });
  assert.deepEqual(decide(3_001), { action: 'next-deployment' });
});

test('sleep waits, and resolves early when the signal aborts', async () => {
  await sleep(1);
  await sleep(0);
  const controller = new AbortController();
  const pending = sleep(60_000, controller.signal);
  controller.abort();
  await pending; // resolved long before 60 s: the test runner would time out otherwise
  assert.equal(controller.signal.aborted, true);
  await sleep(60_000, controller.signal); // already aborted: resolves at once
});
