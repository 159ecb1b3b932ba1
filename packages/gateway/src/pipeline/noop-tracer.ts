/**
 * The tracer used when tracing is off: shared, frozen handles whose methods do nothing, so that a
 * request pays neither an allocation nor a branch for tracing it does not have.
 */

import type { AttemptTrace, RequestTrace, RequestTracer } from './ports.js';

export const NOOP_ATTEMPT_TRACE: AttemptTrace = Object.freeze({
  headers: undefined,
  failed(): void {},
});

export const NOOP_REQUEST_TRACE: RequestTrace = Object.freeze({
  startAttempt: (): AttemptTrace => NOOP_ATTEMPT_TRACE,
  finishReason(): void {},
  end(): void {},
});

export const NOOP_REQUEST_TRACER: RequestTracer = Object.freeze({
  startRequest: (): RequestTrace => NOOP_REQUEST_TRACE,
});
