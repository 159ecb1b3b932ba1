import assert from 'node:assert/strict';
import { test } from 'node:test';
import { calendarPeriod, currentPeriod } from './budget-period.js';

const at = (iso: string) => Date.parse(iso);

test('daily, weekly (Monday) and monthly periods in UTC', () => {
  const now = at('2026-11-22T15:30:00Z'); // a Sunday
  assert.deepEqual(calendarPeriod('daily', now), { startMs: at('2026-11-22T00:00:00Z'), endMs: at('2026-11-23T00:00:00Z') });
  assert.deepEqual(calendarPeriod('weekly', now), { startMs: at('2026-11-16T00:00:00Z'), endMs: at('2026-11-23T00:00:00Z') });
  assert.deepEqual(calendarPeriod('monthly', now), { startMs: at('2026-11-01T00:00:00Z'), endMs: at('2026-12-01T00:00:00Z') });
  assert.deepEqual(calendarPeriod('monthly', at('2026-12-31T23:59:59Z')), { startMs: at('2026-12-01T00:00:00Z'), endMs: at('2027-01-01T00:00:00Z') });
  assert.deepEqual(calendarPeriod('weekly', at('2026-11-23T00:00:00Z')).startMs, at('2026-11-23T00:00:00Z'));
});

test('a manual reset inside the period starts a new period; one from an earlier period does not', () => {
  const now = at('2026-11-22T15:30:00Z');
  const reset = at('2026-11-10T08:00:00Z');
  const window = currentPeriod({ period: 'monthly', nowMs: now, resetAtMs: reset });
  assert.equal(window.startMs, reset);
  assert.equal(window.key, String(reset));
  assert.equal(window.endMs, at('2026-12-01T00:00:00Z'));
  const oldReset = currentPeriod({ period: 'monthly', nowMs: now, resetAtMs: at('2026-10-10T00:00:00Z') });
  assert.equal(oldReset.startMs, at('2026-11-01T00:00:00Z'));
  assert.notEqual(oldReset.key, window.key);
});
