import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MemoryCounterStore } from '../governance/limits/memory-counter-store.js';
import type { GovernancePolicy, LimitRule } from './ports.js';
import { formatResetDuration } from './rate-limit-headers.js';
import { admitRateLimits } from './rate-limit.js';

const subject = { keyId: 'k', userId: null, teamId: null, tier: 'x', ip: '1.2.3.4', model: 'm' };

function policyWith(rules: LimitRule[]): GovernancePolicy {
  return { limitsFor: () => rules, budgetsFor: () => [], modelDenied: () => null };
}

test('reset durations are written as OpenAI writes them', () => {
  assert.equal(formatResetDuration(120), '120ms');
  assert.equal(formatResetDuration(1_000), '1s');
  assert.equal(formatResetDuration(360_000), '6m0s');
  assert.equal(formatResetDuration(3_725_000), '1h2m5s');
});

test('requests are counted exactly to the limit; the refusal carries retry-after and headers; tokens settle to the real count', async () => {
  const counters = new MemoryCounterStore();
  let now = 1_000_000;
  const rules: LimitRule[] = [
    { counterKey: 'r', label: 'two a minute', metric: 'requests', limit: 2, windowMs: 60_000 },
    { counterKey: 't', label: 'tokens', metric: 'tokens', limit: 100, windowMs: 60_000 },
  ];
  const admit = () => admitRateLimits({ policy: policyWith(rules), counters, subject, estimateTokens: () => 10, now: () => now });
  const first = await admit();
  assert.equal(first.headers['x-ratelimit-remaining-requests'], '1');
  assert.equal(first.headers['x-ratelimit-remaining-tokens'], '90');
  first.settleTokens?.(50);
  await new Promise((resolve) => setImmediate(resolve));
  const second = await admit();
  assert.equal(second.headers['x-ratelimit-remaining-tokens'], '40');
  await assert.rejects(async () => admit(), (error: { code: string; retryAfterMs: number; headers: Record<string, string> }) => {
    assert.equal(error.code, 'SY_ERR_RATE_LIMITED');
    assert.equal(error.headers['x-ratelimit-remaining-requests'], '0');
    assert.ok(error.retryAfterMs >= 1_000 && error.retryAfterMs <= 60_000);
    return true;
  });
  now += 60_000;
  assert.equal((await admit()).headers['x-ratelimit-remaining-requests'], '1');
});

test('no limits: nothing is counted and no token estimate is made', async () => {
  let estimated = false;
  const admission = await admitRateLimits({
    policy: policyWith([]),
    counters: new MemoryCounterStore(),
    subject,
    estimateTokens: () => {
      estimated = true;
      return 1;
    },
  });
  assert.deepEqual(admission.headers, {});
  assert.equal(estimated, false);
});
