/** Tests for the UsageRow <-> usage table mapping. */

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { UsageRow } from '../pipeline/ports.js';
import { fromUsageTableRow, toUsageTableRow, USAGE_COLUMN_COUNT } from './usage-row-mapping.js';

const row: UsageRow = {
  requestId: 'request-1',
  createdAt: new Date('2025-01-01T00:00:00.123Z'),
  keyId: 'key_abc',
  userId: 'user_1',
  teamId: 'team_1',
  protocol: 'anthropic',
  endpoint: 'messages',
  modelGroup: 'claude-sonnet',
  provider: 'anthropic',
  deploymentId: 'anthropic/claude-sonnet-4-5',
  upstreamModel: 'claude-sonnet-4-5',
  stream: true,
  promptTokens: 10,
  completionTokens: 20,
  cachedTokens: 5,
  tokensEstimated: true,
  costUsd: 0.000123,
  latencyMs: 456,
  ttftMs: 78,
  status: 200,
  outcome: 'success',
  errorCode: null,
  attempts: 2,
};

test('every UsageRow field maps to one column and back', () => {
  const columns = toUsageTableRow(row);
  assert.equal(Object.keys(columns).length, USAGE_COLUMN_COUNT);
  assert.equal(Object.keys(columns).length, Object.keys(row).length);
  assert.deepEqual(fromUsageTableRow(columns), row);
});

test('a row without an owner stores null owner columns and reads back without the fields', () => {
  const { userId: _userId, teamId: _teamId, ...ownerless } = row;
  const columns = toUsageTableRow(ownerless);
  assert.equal(columns.user_id, null);
  assert.equal(columns.team_id, null);
  assert.deepEqual(fromUsageTableRow(columns), ownerless);
  assert.deepEqual(fromUsageTableRow(toUsageTableRow({ ...ownerless, userId: 'user_2', teamId: null })), { ...ownerless, userId: 'user_2' });
});

test('booleans are stored as 0/1 and an invalid date as the current time', () => {
  const columns = toUsageTableRow({ ...row, stream: false, createdAt: new Date(Number.NaN) });
  assert.equal(columns.stream, 0);
  assert.equal(columns.tokens_estimated, 1);
  assert.ok(Number.isFinite(columns.created_at));
});
