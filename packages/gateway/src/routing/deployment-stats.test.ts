import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DeploymentStats } from './deployment-stats.js';

test('recent starts count the attempts of the window only, in constant memory', () => {
  let now = 0;
  const stats = new DeploymentStats({ windowMs: 60_000, now: () => now });
  for (let index = 0; index < 3; index += 1) stats.started('a');
  now = 30_000;
  stats.started('a');
  assert.equal(stats.snapshot('a').recentStarted, 4);
  now = 70_000;
  assert.equal(stats.snapshot('a').recentStarted, 1, 'the first three fell out of the window');
  assert.equal(stats.snapshot('a').totalStarted, 4);
  now = 200_000;
  assert.equal(stats.snapshot('a').recentStarted, 0);
  assert.equal(stats.recentWindowMs, 60_000);
});
