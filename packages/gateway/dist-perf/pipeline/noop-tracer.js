/**
 * The tracer used when tracing is off: shared, frozen handles whose methods do nothing, so that a
 * request pays neither an allocation nor a branch for tracing it does not have.
 */
export const NOOP_ATTEMPT_TRACE = Object.freeze({
    headers: undefined,
    failed() { },
});
export const NOOP_REQUEST_TRACE = Object.freeze({
    startAttempt: () => NOOP_ATTEMPT_TRACE,
    finishReason() { },
    end() { },
});
export const NOOP_REQUEST_TRACER = Object.freeze({
    startRequest: () => NOOP_REQUEST_TRACE,
});
//# sourceMappingURL=noop-tracer.js.map