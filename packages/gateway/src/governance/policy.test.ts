import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_TIERS } from '../config/index.js';
import type { RequestSubject } from '../pipeline/ports.js';
import { PolicyStore } from './policy.js';
import type { PolicySnapshot, ThresholdEvent } from './policy.js';

const subject: RequestSubject = { keyId: 'key_a', userId: 'usr_a', teamId: 'team_a', tier: 'standard', ip: '10.0.0.1', model: 'gpt-4o' };

function snapshot(overrides: Partial<PolicySnapshot> = {}): PolicySnapshot {
  return { tiers: { ...DEFAULT_TIERS }, premiumModels: ['claude'], rateLimits: [], stored: [], budgets: [], ...overrides };
}

test('a standard key gets its tier limit, counted per key; the master key none', () => {
  const policy = new PolicyStore(snapshot());
  const rules = policy.limitsFor(subject);
  assert.equal(rules.length, 1);
  assert.equal(rules[0].limit, 100);
  assert.equal(rules[0].windowMs, 15 * 60_000);
  assert.match(rules[0].label, /tier "standard".*100 requests per 15m/);
  assert.notEqual(policy.limitsFor({ ...subject, keyId: 'key_b' })[0].counterKey, rules[0].counterKey);
  assert.deepEqual(policy.limitsFor({ ...subject, keyId: null, tier: null }), []);
});

test('config limits apply per subject, model-scoped ones only to their model; stored limits only to their subject', () => {
  const policy = new PolicyStore(
    snapshot({
      tiers: {},
      rateLimits: [
        { scope: 'ip', model: null, metric: 'requests', limit: 60, windowMs: 60_000 },
        { scope: 'model', model: 'gpt-4o', metric: 'tokens', limit: 1_000, windowMs: 60_000 },
        { scope: 'user', model: 'claude', metric: 'requests', limit: 5, windowMs: 60_000 },
      ],
      stored: [
        { id: 'rl_1', scope: 'team', scopeId: 'team_a', metric: 'requests', limit: 7, windowMs: 3_600_000, model: null },
        { id: 'rl_2', scope: 'team', scopeId: 'team_b', metric: 'requests', limit: 8, windowMs: 3_600_000, model: null },
      ],
    }),
  );
  const limits = policy.limitsFor(subject).map((rule) => `${rule.metric}:${rule.limit}`);
  assert.deepEqual(limits, ['requests:60', 'tokens:1000', 'requests:7']);
  assert.deepEqual(policy.limitsFor({ ...subject, model: 'claude' }).map((rule) => rule.limit), [60, 5, 7]);
});

test('tier model access: basic tiers may not use premium models', () => {
  const policy = new PolicyStore(snapshot());
  assert.equal(policy.modelDenied(subject), null);
  assert.match(policy.modelDenied({ ...subject, model: 'claude' }) ?? '', /tier "standard" may not use the model 'claude'/);
  assert.equal(policy.modelDenied({ ...subject, tier: 'premium', model: 'claude' }), null);
  assert.equal(policy.modelDenied({ ...subject, tier: null, model: 'claude' }), null);
});

test('budgets apply by scope; periods name their reset; thresholds fire once per period, highest crossed', () => {
  const events: ThresholdEvent[] = [];
  const budget = { name: 'team', scope: 'team' as const, scopeId: 'team_a', limitUsd: 10, period: 'monthly' as const, thresholds: [50, 80, 100], resetAtMs: null };
  const policy = new PolicyStore(snapshot({ budgets: [{ id: 'bud_1', ...budget }, { id: 'bud_2', ...budget, scopeId: 'team_b' }, { id: 'bud_3', ...budget, scope: 'global', scopeId: null }] }), {
    onThreshold: (event) => events.push(event),
  });
  const now = Date.parse('2026-11-22T12:00:00Z');
  const windows = policy.budgetsFor(subject, now);
  assert.deepEqual(windows.map((window) => window.budgetId), ['bud_1', 'bud_3']);
  assert.equal(windows[0].resetAtMs, Date.parse('2026-12-01T00:00:00Z'));
  assert.equal(windows[0].periodKey, String(Date.parse('2026-11-01T00:00:00Z')));
  policy.budgetCharged(windows[0], 4);
  policy.budgetCharged(windows[0], 8.5);
  policy.budgetCharged(windows[0], 8.6);
  policy.budgetCharged(windows[0], 10);
  assert.deepEqual(events.map((event) => event.threshold), [80, 100]);
  const nextMonth = policy.budgetsFor(subject, Date.parse('2026-12-02T00:00:00Z'))[0];
  policy.budgetCharged(nextMonth, 5);
  assert.deepEqual(events.map((event) => event.threshold), [80, 100, 50]);
});
