import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_TIER_PRIORITY, requestPriority } from './request-priority.js';

test('the hint wins; else the tier; else normal', () => {
  const tierPriority = { ...DEFAULT_TIER_PRIORITY, gold: 'high' as const };
  assert.equal(requestPriority({ hint: 'low', keyTier: 'enterprise', tierPriority }), 'low');
  assert.equal(requestPriority({ hint: undefined, keyTier: 'enterprise', tierPriority }), 'high');
  assert.equal(requestPriority({ hint: undefined, keyTier: 'standard', tierPriority }), 'low');
  assert.equal(requestPriority({ hint: undefined, keyTier: 'gold', tierPriority }), 'high');
  assert.equal(requestPriority({ hint: undefined, keyTier: 'unknown-tier', tierPriority }), 'normal');
  assert.equal(requestPriority({ hint: undefined, keyTier: 'constructor', tierPriority }), 'normal');
  assert.equal(requestPriority({ hint: undefined, keyTier: null, tierPriority }), 'normal');
});
