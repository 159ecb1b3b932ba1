/**
 * W3C Trace Context (https://www.w3.org/TR/trace-context/): the client's `traceparent` and
 * `tracestate` headers read into an OpenTelemetry context, and a span's context written back as
 * the headers sent upstream. Done here rather than with a registered global propagator, so that
 * two gateways in one process (tests) share no global state.
 */
import { ROOT_CONTEXT, createTraceState, isSpanContextValid, trace } from '@opentelemetry/api';
/** version-traceid-parentid-flags, lower-case hex; a later version may append fields (§3.2.2). */
const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;
/** Parses a traceparent header; null when it is malformed or names an all-zero id. */
export function parseTraceparent(header, tracestate) {
    const match = TRACEPARENT.exec(header.trim());
    if (!match)
        return null;
    const [, version, traceId, spanId, flags, extra] = match;
    // Version ff is forbidden; version 00 has exactly four fields.
    if (version === 'ff' || (version === '00' && extra !== undefined))
        return null;
    const spanContext = { traceId, spanId, traceFlags: Number.parseInt(flags, 16), isRemote: true };
    if (tracestate)
        spanContext.traceState = createTraceState(tracestate);
    return isSpanContextValid(spanContext) ? spanContext : null;
}
/** The context a request span starts in: the client's trace when it sent a valid traceparent, else a new one. */
export function incomingContext(carrier) {
    const header = carrier ? firstValue(carrier.traceparent) : undefined;
    if (!header)
        return ROOT_CONTEXT;
    const spanContext = parseTraceparent(header, firstValue(carrier?.tracestate));
    return spanContext ? trace.setSpanContext(ROOT_CONTEXT, spanContext) : ROOT_CONTEXT;
}
/** The headers that carry a span's context to the next hop. */
export function traceHeaders(spanContext) {
    const flags = (spanContext.traceFlags & 0xff).toString(16).padStart(2, '0');
    const headers = { traceparent: `00-${spanContext.traceId}-${spanContext.spanId}-${flags}` };
    const state = spanContext.traceState?.serialize();
    if (state)
        headers.tracestate = state;
    return headers;
}
function firstValue(value) {
    return Array.isArray(value) ? value[0] : value;
}
//# sourceMappingURL=trace-context.js.map