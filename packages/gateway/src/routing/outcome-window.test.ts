/** The ring of outcomes: capacity, the running failure count, and forgetting by time. */

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OutcomeWindow } from './outcome-window.js';

test('keeps the newest outcomes up to its capacity, with their failures counted', () => {
  const window = new OutcomeWindow(3);
  window.record(1, true);
  window.record(2, false);
  window.record(3, false);
  assert.deepEqual([window.size, window.failures], [3, 2]);
  window.record(4, true); // forgets the success at 1
  assert.deepEqual([window.size, window.failures], [3, 2]);
  window.record(5, true); // forgets the failure at 2
  assert.deepEqual([window.size, window.failures], [3, 1]);
});

test('forgets by time, at the cutoff only when inclusive, across the ring’s wrap', () => {
  const window = new OutcomeWindow(4);
  for (let at = 1; at <= 6; at += 1) window.record(at, at % 2 === 0);
  // Kept: 3 (fail), 4, 5 (fail), 6.
  window.forgetBefore(4);
  assert.deepEqual([window.size, window.failures], [3, 1]);
  window.forgetBefore(5, { inclusive: true });
  assert.deepEqual([window.size, window.failures], [1, 0]);
  window.forgetBefore(100);
  assert.deepEqual([window.size, window.failures], [0, 0]);
  window.record(7, false);
  window.clear();
  assert.deepEqual([window.size, window.failures], [0, 0]);
});
