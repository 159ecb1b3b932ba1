import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isGatewayError } from '../../core/index.js';
import { parseAnalyticsRequest } from './analytics-query.js';

const nowMs = Date.parse('2025-05-21T12:34:56Z');
const parse = (query: Record<string, string>, endpoint: 'usage' | 'performance' | 'costs' = 'usage', accept?: string) => parseAnalyticsRequest({ endpoint, query, accept, nowMs });

function refused(query: Record<string, string>, param: string, pattern: RegExp, endpoint: 'usage' | 'performance' | 'costs' = 'usage'): void {
  assert.throws(() => parse(query, endpoint), (error: unknown) => {
    assert.ok(isGatewayError(error));
    assert.equal(error.code, 'SY_ERR_INVALID_REQUEST');
    assert.equal(error.param, param);
    assert.match(error.message, pattern);
    return true;
  });
}

test('defaults: the last 24 hours in hours, JSON, ranked by requests (cost for costs), forecast over 7 days', () => {
  const request = parse({});
  assert.equal(request.query.toMs, nowMs);
  assert.equal(request.query.fromMs, nowMs - 86_400_000);
  assert.equal(request.granularity, 'hour');
  assert.equal(request.query.bucketMs, 3_600_000);
  assert.equal(request.format, 'json');
  assert.equal(request.rankBy, 'requests');
  assert.equal(parse({}, 'costs').rankBy, 'cost');
  assert.equal(parse({}, 'costs').basisDays, 7);
});

test('from and to as ISO date-time, date or epoch ms; filters reach the query and are echoed', () => {
  const request = parse({ from: '2025-05-01', to: String(Date.parse('2025-05-02T00:00:00+02:00')), model: 'gpt-4o', statusClass: '5xx', status: '503', groupBy: 'provider', top: '3' });
  assert.equal(request.query.fromMs, Date.parse('2025-05-01T00:00:00Z'));
  assert.equal(request.query.toMs, Date.parse('2025-05-01T22:00:00Z'));
  assert.equal(request.query.model, 'gpt-4o');
  assert.equal(request.query.statusClass, 5);
  assert.equal(request.query.status, 503);
  assert.equal(request.query.groupBy, 'provider');
  assert.equal(request.top, 3);
  assert.deepEqual(request.filters, { model: 'gpt-4o', status: 503, statusClass: '5xx' });
});

test('CSV by format=csv or by Accept: text/csv; format wins', () => {
  assert.equal(parse({ format: 'csv' }).format, 'csv');
  assert.equal(parse({}, 'usage', 'text/csv').format, 'csv');
  assert.equal(parse({ format: 'json' }, 'usage', 'text/csv, application/json').format, 'json');
  assert.equal(parse({}, 'usage', 'application/json').format, 'json');
});

test('bad input is a 400 naming the parameter', () => {
  refused({ from: 'yesterday' }, 'from', /ISO 8601/);
  refused({ granularity: 'week' }, 'granularity', /granularity/);
  refused({ groupBy: 'colour' }, 'groupBy', /groupBy/);
  refused({ top: '0', groupBy: 'key' }, 'top', /at least 1/);
  refused({ top: 'ten', groupBy: 'key' }, 'top', /integer/);
  refused({ top: '5' }, 'top', /needs 'groupBy'/);
  refused({ status: '99' }, 'status', /at least 100/);
  refused({ outcome: 'maybe' }, 'outcome', /outcome/);
  refused({ modle: 'gpt-4o' }, 'modle', /Unknown query parameter 'modle'/);
  refused({ rankBy: 'cost' }, 'rankBy', /rankBy/, 'performance');
  refused({ basisDays: '3' }, 'basisDays', /Unknown/, 'usage');
  refused({ basisDays: '91' }, 'basisDays', /at most 90/, 'costs');
  refused({ from: '2025-05-02', to: '2025-05-01' }, 'from', /must be before/);
});

test('more than 2,000 buckets is refused, with the count and what to do', () => {
  refused({ from: '2025-05-01', to: '2025-05-03', granularity: 'minute' }, 'granularity', /2880 minute buckets; at most 2000/);
  assert.equal(parse({ from: '2025-01-01', to: '2025-05-01' }).granularity, 'day');
  refused({ from: '2015-01-01', to: '2025-05-01' }, 'granularity', /day buckets/);
});
