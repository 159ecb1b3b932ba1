import assert from 'node:assert/strict';
import test from 'node:test';
import { overallStatus, queueHealth, worse } from './component-health.js';

test('a required component down makes the report down; an optional one only degraded', () => {
  assert.equal(overallStatus({ database: { status: 'ok', detail: '', required: true }, redis: { status: 'ok', detail: '' } }), 'ok');
  assert.equal(overallStatus({ database: { status: 'ok', detail: '', required: true }, redis: { status: 'down', detail: '' } }), 'degraded');
  assert.equal(overallStatus({ database: { status: 'down', detail: '', required: true }, redis: { status: 'ok', detail: '' } }), 'down');
  assert.equal(overallStatus({ a: { status: 'degraded', detail: '' }, b: { status: 'ok', detail: '' } }), 'degraded');
  assert.equal(overallStatus({}), 'ok');
});

test('queue health follows its fill', () => {
  assert.equal(queueHealth({ length: 0, limit: 100, what: 'rows' }).status, 'ok');
  assert.equal(queueHealth({ length: 79, limit: 100, what: 'rows' }).status, 'ok');
  assert.equal(queueHealth({ length: 80, limit: 100, what: 'rows' }).status, 'degraded');
  assert.equal(queueHealth({ length: 100, limit: 100, what: 'rows' }).status, 'down');
  assert.equal(queueHealth({ length: 5, limit: 0, what: 'rows' }).status, 'ok', 'an unlimited queue is never full');
  assert.equal(queueHealth({ length: 50, limit: 100, what: 'rows' }).detail, '50 of 100 rows queued (50 %)');
});

test('worse picks the more severe status', () => {
  assert.equal(worse('ok', 'degraded'), 'degraded');
  assert.equal(worse('down', 'degraded'), 'down');
  assert.equal(worse('ok', 'ok'), 'ok');
});
