import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyServerV8Tuning } from './v8-tuning.js';

// setFlagsFromString changes this test process's V8, so only flags the operator "gave" are probed
// where possible; the one call that applies everything sets the same values `start` would.

test('an operator flag on the command line or in NODE_OPTIONS wins over ours', () => {
  const applied = applyServerV8Tuning({
    execArgv: ['--no-allocation-site-pretenuring'],
    nodeOptions: '--heap_growing_percent=25',
  });
  assert.deepEqual(applied, []);
});

test('without operator flags both settings are applied', () => {
  const applied = applyServerV8Tuning({ execArgv: [], nodeOptions: undefined });
  assert.deepEqual(applied, ['--no-allocation-site-pretenuring', '--heap-growing-percent=50']);
});
