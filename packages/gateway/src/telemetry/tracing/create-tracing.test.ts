import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pino } from 'pino';
import { NOOP_ATTEMPT_TRACE, NOOP_REQUEST_TRACE, NOOP_REQUEST_TRACER } from '../../pipeline/noop-tracer.js';
import { createTracing } from './create-tracing.js';

const logger = pino({ level: 'silent' });

test('without an endpoint, tracing is the shared frozen no-op: nothing is allocated per request', async () => {
  const tracing = await createTracing({ settings: { endpoint: '', serviceName: 'switchyard', sampleRatio: 1, headers: {} }, logger });
  assert.equal(tracing.enabled, false);
  assert.equal(tracing.tracer, NOOP_REQUEST_TRACER);
  const request = { requestId: 'req_1', startedAt: 0, protocol: 'openai', endpoint: 'chat', modelGroup: 'gpt-4o', stream: false } as const;
  const handle = tracing.tracer.startRequest(request, undefined, null);
  assert.equal(handle, NOOP_REQUEST_TRACE);
  assert.equal(handle, tracing.tracer.startRequest(request, {}, { maxTokens: 5 }), 'the same handle every time');
  assert.equal(handle.startAttempt({} as never, 1), NOOP_ATTEMPT_TRACE);
  assert.equal(NOOP_ATTEMPT_TRACE.headers, undefined);
  for (const shared of [NOOP_REQUEST_TRACER, NOOP_REQUEST_TRACE, NOOP_ATTEMPT_TRACE]) assert.ok(Object.isFrozen(shared));
  await tracing.shutdown();
});

test('with an endpoint, shutdown resolves even when the collector is unreachable', async () => {
  // Port 9 (discard) on loopback: nothing listens, the export fails at once.
  const tracing = await createTracing({ settings: { endpoint: 'http://127.0.0.1:9/v1/traces', serviceName: 'switchyard', sampleRatio: 1, headers: {} }, logger });
  assert.equal(tracing.enabled, true);
  const trace = tracing.tracer.startRequest({ requestId: 'req_2', startedAt: performance.now(), protocol: 'openai', endpoint: 'chat', modelGroup: 'gpt-4o', stream: false }, undefined, null);
  assert.notEqual(trace, NOOP_REQUEST_TRACE);
  await tracing.shutdown();
  await tracing.shutdown();
});
