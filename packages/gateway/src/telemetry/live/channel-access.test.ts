import assert from 'node:assert/strict';
import { test } from 'node:test';
import { callerFor } from '../../governance/api-authorizer.js';
import type { KeyRecord, UsageRow } from '../../pipeline/ports.js';
import type { ApiCaller } from '../../pipeline/request-state.js';
import { allowedChannels, channelAccess } from './channel-access.js';
import { LIVE_CHANNELS } from './live-protocol.js';

function key(overrides: Partial<KeyRecord>): KeyRecord {
  return { id: 'key_a', name: 'a', prefix: 'sy-a', models: null, scopes: ['data'], tier: 'standard', teamId: null, userId: null, createdAt: new Date(0), expiresAt: null, revokedAt: null, ...overrides };
}

function user(role: string, id = 'usr_1'): ApiCaller {
  return callerFor({ kind: 'user', user: { id, email: `${id}@example.com`, role, teamId: null, sessionId: 'ses_1' } });
}

const rowOf = (fields: Partial<UsageRow>): UsageRow => ({ keyId: null, userId: null, modelGroup: 'gpt-4o', ...fields }) as UsageRow;

test('channels by role: analytics.read reads all; developers and data keys what they may', () => {
  assert.deepEqual(allowedChannels(callerFor({ kind: 'master' }), LIVE_CHANNELS), [...LIVE_CHANNELS]);
  assert.deepEqual(allowedChannels(user('viewer'), LIVE_CHANNELS), [...LIVE_CHANNELS]);
  assert.deepEqual(allowedChannels(user('operations'), LIVE_CHANNELS), [...LIVE_CHANNELS]);
  assert.deepEqual(allowedChannels(user('developer'), LIVE_CHANNELS), ['load_balancer', 'alerts', 'requests']);
  assert.deepEqual(allowedChannels(callerFor({ kind: 'key', key: key({}) }), LIVE_CHANNELS), ['load_balancer', 'requests']);
  const denied = channelAccess(user('developer'), 'performance');
  assert.equal(denied.allowed, false);
  assert.match(denied.allowed ? '' : denied.reason, /role "developer" may not subscribe to performance \(needs "analytics.read"\)/);
});

test('the requests tail: own rows for developers and data keys, narrowed (never widened) by the filter', () => {
  const rows = (caller: ApiCaller, filter = {}) => {
    const access = channelAccess(caller, 'requests', filter);
    assert.ok(access.allowed && access.rows);
    return access.rows;
  };
  const developer = rows(user('developer', 'usr_dev'));
  assert.equal(developer(rowOf({ userId: 'usr_dev', keyId: 'key_x' })), true);
  assert.equal(developer(rowOf({ userId: 'usr_other', keyId: 'key_x' })), false);
  const managementKey = rows(callerFor({ kind: 'key', key: key({ scopes: ['management'], role: 'developer', userId: 'usr_dev' }) }));
  assert.equal(managementKey(rowOf({ userId: 'usr_dev' })), true);
  assert.equal(managementKey(rowOf({ userId: null, keyId: 'key_a' })), false);
  const dataKey = rows(callerFor({ kind: 'key', key: key({ userId: 'usr_dev' }) }));
  assert.equal(dataKey(rowOf({ keyId: 'key_a', userId: 'usr_dev' })), true);
  assert.equal(dataKey(rowOf({ keyId: 'key_b', userId: 'usr_dev' })), false, "a data key sees its own rows, not its user's other keys'");
  const narrowed = rows(user('developer', 'usr_dev'), { keyId: 'key_x', model: 'claude' });
  assert.equal(narrowed(rowOf({ userId: 'usr_dev', keyId: 'key_x', modelGroup: 'claude' })), true);
  assert.equal(narrowed(rowOf({ userId: 'usr_dev', keyId: 'key_x', modelGroup: 'gpt-4o' })), false);
  assert.equal(narrowed(rowOf({ userId: 'usr_other', keyId: 'key_x', modelGroup: 'claude' })), false, 'a filter never widens');
  const everyone = rows(user('viewer'), { model: 'claude' });
  assert.equal(everyone(rowOf({ userId: 'anyone', modelGroup: 'claude' })), true);
});
