import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { incomingContext, parseTraceparent, traceHeaders } from './trace-context.js';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const SPAN_ID = '00f067aa0ba902b7';

test('a valid traceparent is read with its flags and tracestate', () => {
  const context = parseTraceparent(`00-${TRACE_ID}-${SPAN_ID}-01`, 'vendor=abc');
  assert.equal(context?.traceId, TRACE_ID);
  assert.equal(context?.spanId, SPAN_ID);
  assert.equal(context?.traceFlags, 1);
  assert.equal(context?.isRemote, true);
  assert.equal(context?.traceState?.get('vendor'), 'abc');
});

test('malformed or forbidden traceparents are ignored', () => {
  for (const header of [
    '',
    'garbage',
    `00-${TRACE_ID.toUpperCase()}-${SPAN_ID}-01`,
    `ff-${TRACE_ID}-${SPAN_ID}-01`,
    `00-${'0'.repeat(32)}-${SPAN_ID}-01`,
    `00-${TRACE_ID}-${'0'.repeat(16)}-01`,
    `00-${TRACE_ID}-${SPAN_ID}-01-extra`,
  ]) {
    assert.equal(parseTraceparent(header), null, header);
  }
  // A later version may append fields (W3C Trace Context, version format).
  assert.equal(parseTraceparent(`01-${TRACE_ID}-${SPAN_ID}-01-extra`)?.traceId, TRACE_ID);
});

test('the incoming context is the root one without a usable header', () => {
  assert.equal(incomingContext(undefined), ROOT_CONTEXT);
  assert.equal(incomingContext({}), ROOT_CONTEXT);
  assert.equal(incomingContext({ traceparent: 'nonsense' }), ROOT_CONTEXT);
  assert.equal(trace.getSpanContext(incomingContext({ traceparent: [`00-${TRACE_ID}-${SPAN_ID}-00`] }))?.traceId, TRACE_ID);
});

test('a span context is written back as traceparent and tracestate', () => {
  const parsed = parseTraceparent(`00-${TRACE_ID}-${SPAN_ID}-01`, 'a=1,b=2');
  assert.ok(parsed);
  assert.deepEqual(traceHeaders(parsed), { traceparent: `00-${TRACE_ID}-${SPAN_ID}-01`, tracestate: 'a=1,b=2' });
  assert.deepEqual(traceHeaders({ traceId: TRACE_ID, spanId: SPAN_ID, traceFlags: 0 }), { traceparent: `00-${TRACE_ID}-${SPAN_ID}-00` });
});
