import assert from 'node:assert/strict';
import { test } from 'node:test';
import { basisStart, forecastMonthEnd, monthWindow } from './analytics-forecast.js';

const DAY = 86_400_000;

test('the month is the calendar month in UTC, December rolling into January', () => {
  const may = monthWindow(Date.parse('2025-05-17T08:00:00Z'));
  assert.equal(new Date(may.monthStartMs).toISOString(), '2025-05-01T00:00:00.000Z');
  assert.equal(new Date(may.monthEndMs).toISOString(), '2025-06-01T00:00:00.000Z');
  const december = monthWindow(Date.parse('2025-12-31T23:59:59Z'));
  assert.equal(new Date(december.monthEndMs).toISOString(), '2026-01-01T00:00:00.000Z');
});

test('projection = month to date + run rate of the basis days × the days left', () => {
  const nowMs = Date.parse('2025-05-21T00:00:00Z');
  assert.equal(basisStart(nowMs, 7), nowMs - 7 * DAY);
  const forecast = forecastMonthEnd({ nowMs, monthToDateUsd: 200, basisSpendUsd: 70, basisDays: 7 });
  // 11 days left in May (21st 00:00 to June 1st), at 10 USD a day.
  assert.equal(forecast.remainingDays, 11);
  assert.equal(forecast.dailyRunRateUsd, 10);
  assert.equal(forecast.projectedMonthEndUsd, 310);
  assert.equal(forecast.monthToDateUsd, 200);
  assert.equal(forecast.basisDays, 7);
  assert.equal(forecast.monthStart, '2025-05-01T00:00:00.000Z');
  assert.equal(forecast.monthEnd, '2025-06-01T00:00:00.000Z');
  assert.match(forecast.method, /last 7 days/);
});

test('fractions of a day count, and nothing spent projects nothing', () => {
  const nowMs = Date.parse('2025-02-28T18:00:00Z');
  const forecast = forecastMonthEnd({ nowMs, monthToDateUsd: 0, basisSpendUsd: 0, basisDays: 3 });
  assert.equal(forecast.remainingDays, 0.25);
  assert.equal(forecast.projectedMonthEndUsd, 0);
  const busy = forecastMonthEnd({ nowMs, monthToDateUsd: 1.5, basisSpendUsd: 3, basisDays: 3 });
  assert.equal(busy.projectedMonthEndUsd, 1.75);
});
