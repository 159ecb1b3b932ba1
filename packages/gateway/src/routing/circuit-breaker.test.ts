import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CircuitBreakers } from './circuit-breaker.js';
import type { BreakerStateChange, CircuitBreakerOptions } from './circuit-breaker.js';

function setup(options: CircuitBreakerOptions = {}) {
  const clock = { now: 1_000 };
  const events: BreakerStateChange[] = [];
  const breakers = new CircuitBreakers({ now: () => clock.now, onStateChange: (event) => events.push(event), ...options });
  const summary = () => events.map((event) => `${event.from}>${event.to}:${event.reason}@${event.at}`);
  return { clock, events, breakers, summary };
}

function fail(breakers: CircuitBreakers, id: string, times: number): void {
  for (let index = 0; index < times; index += 1) {
    assert.equal(breakers.tryAcquire(id), true);
    breakers.onFailure(id);
  }
}

test('a new deployment is closed and lets requests through', () => {
  const { breakers, events } = setup();
  assert.equal(breakers.state('a'), 'closed');
  assert.equal(breakers.canAttempt('a'), true);
  assert.equal(breakers.tryAcquire('a'), true);
  breakers.onSuccess('a');
  assert.equal(events.length, 0);
});

test('opens after failureThreshold consecutive failures; a success in between resets the count', () => {
  const { breakers, summary } = setup({ failureThreshold: 3, minimumRequests: 100 });
  fail(breakers, 'a', 2);
  breakers.onSuccess('a');
  fail(breakers, 'a', 2);
  assert.equal(breakers.state('a'), 'closed');
  fail(breakers, 'a', 1);
  assert.equal(breakers.state('a'), 'open');
  assert.equal(breakers.canAttempt('a'), false);
  assert.equal(breakers.tryAcquire('a'), false);
  assert.deepEqual(summary(), ['closed>open:consecutive-failures@1000']);
});

test('opens on the error rate over the window once minimumRequests is reached', () => {
  const { breakers, summary, clock } = setup({ failureThreshold: 100, minimumRequests: 4, errorRateThreshold: 0.5, windowMs: 10_000 });
  // success, failure, success: 1/3 — too few requests to judge anyway.
  breakers.onSuccess('a');
  breakers.onFailure('a');
  breakers.onSuccess('a');
  assert.equal(breakers.state('a'), 'closed');
  clock.now += 1;
  breakers.onFailure('a'); // 2/4 = 0.5 ≥ 0.5
  assert.equal(breakers.state('a'), 'open');
  assert.deepEqual(summary(), ['closed>open:error-rate@1001']);
});

test('outcomes older than the window do not count towards the error rate', () => {
  const { breakers, clock } = setup({ failureThreshold: 100, minimumRequests: 4, errorRateThreshold: 0.5, windowMs: 10_000 });
  breakers.onFailure('a');
  breakers.onFailure('a');
  breakers.onSuccess('a');
  clock.now += 10_000; // the three above leave the window
  breakers.onSuccess('a');
  breakers.onSuccess('a');
  breakers.onSuccess('a');
  breakers.onFailure('a'); // 1/4 in the window
  assert.equal(breakers.state('a'), 'closed');
  const [snapshot] = breakers.snapshot();
  assert.equal(snapshot.requestsInWindow, 4);
  assert.equal(snapshot.errorRate, 0.25);
});

test('half-open after the cool-down; a trial success closes and resets the counters', () => {
  const { breakers, clock, summary } = setup({ failureThreshold: 2, cooldownMs: 5_000 });
  fail(breakers, 'a', 2);
  clock.now += 4_999;
  assert.equal(breakers.state('a'), 'open');
  clock.now += 1;
  assert.equal(breakers.state('a'), 'half-open');
  assert.equal(breakers.tryAcquire('a'), true);
  breakers.onSuccess('a');
  assert.equal(breakers.state('a'), 'closed');
  // Counters were reset: one failure does not reopen it.
  fail(breakers, 'a', 1);
  assert.equal(breakers.state('a'), 'closed');
  assert.deepEqual(summary(), [
    'closed>open:consecutive-failures@1000',
    'open>half-open:cooldown-elapsed@6000',
    'half-open>closed:trial-succeeded@6000',
  ]);
});

test('a trial failure reopens with a cool-down that doubles up to maxCooldownMs, and resets after closing', () => {
  const { breakers, clock, summary } = setup({ failureThreshold: 1, cooldownMs: 1_000, maxCooldownMs: 3_000 });
  fail(breakers, 'a', 1);
  const cooldowns: number[] = [];
  for (let round = 0; round < 3; round += 1) {
    const [snapshot] = breakers.snapshot();
    cooldowns.push(snapshot.cooldownMs);
    assert.equal(snapshot.retryAt, clock.now + snapshot.cooldownMs);
    clock.now += snapshot.cooldownMs;
    assert.equal(breakers.tryAcquire('a'), true);
    breakers.onFailure('a');
    assert.equal(breakers.state('a'), 'open');
  }
  assert.deepEqual(cooldowns, [1_000, 2_000, 3_000]);
  clock.now += 3_000;
  assert.equal(breakers.tryAcquire('a'), true);
  breakers.onSuccess('a');
  fail(breakers, 'a', 1);
  assert.equal(breakers.snapshot()[0].cooldownMs, 1_000);
  assert.deepEqual(summary().slice(0, 3), [
    'closed>open:consecutive-failures@1000',
    'open>half-open:cooldown-elapsed@2000',
    'half-open>open:trial-failed@2000',
  ]);
});

test('without maxCooldownMs the cool-down stays fixed', () => {
  const { breakers, clock } = setup({ failureThreshold: 1, cooldownMs: 1_000 });
  fail(breakers, 'a', 1);
  clock.now += 1_000;
  fail(breakers, 'a', 1);
  assert.equal(breakers.snapshot()[0].cooldownMs, 1_000);
});

test('half-open allows only halfOpenMaxTrials trials at a time; release frees a slot', () => {
  const { breakers, clock } = setup({ failureThreshold: 1, cooldownMs: 100, halfOpenMaxTrials: 2 });
  fail(breakers, 'a', 1);
  clock.now += 100;
  assert.equal(breakers.tryAcquire('a'), true);
  assert.equal(breakers.canAttempt('a'), true);
  assert.equal(breakers.tryAcquire('a'), true);
  assert.equal(breakers.canAttempt('a'), false);
  assert.equal(breakers.tryAcquire('a'), false);
  breakers.release('a'); // a trial ended for the client's reasons: says nothing about the deployment
  assert.equal(breakers.state('a'), 'half-open');
  assert.equal(breakers.tryAcquire('a'), true);
  assert.equal(breakers.snapshot()[0].trialsInFlight, 2);
  breakers.onSuccess('a');
  assert.equal(breakers.state('a'), 'closed');
});

test('outcomes of requests sent before the breaker opened are ignored while open or half-open', () => {
  const { breakers, clock, summary } = setup({ failureThreshold: 1, cooldownMs: 100 });
  fail(breakers, 'a', 1);
  breakers.onSuccess('a'); // a late answer while open
  assert.equal(breakers.state('a'), 'open');
  clock.now += 100;
  breakers.onFailure('a'); // half-open but no trial out
  breakers.onSuccess('a');
  assert.equal(breakers.state('a'), 'half-open');
  assert.equal(summary().length, 2);
});

test('breakers are independent per deployment; snapshot lists each; reset closes by hand', () => {
  const { breakers, summary } = setup({ failureThreshold: 1 });
  fail(breakers, 'a', 1);
  breakers.onSuccess('b');
  assert.equal(breakers.state('b'), 'closed');
  assert.deepEqual(
    breakers.snapshot().map((item) => [item.deploymentId, item.state]),
    [['a', 'open'], ['b', 'closed']],
  );
  breakers.reset('a');
  breakers.reset('b');
  assert.equal(breakers.state('a'), 'closed');
  assert.deepEqual(summary(), ['closed>open:consecutive-failures@1000', 'open>closed:manual-reset@1000']);
});

test('a throwing listener does not break routing', () => {
  const breakers = new CircuitBreakers({ failureThreshold: 1, onStateChange: () => { throw new Error('listener broke'); } });
  breakers.onFailure('a');
  assert.equal(breakers.state('a'), 'open');
});
