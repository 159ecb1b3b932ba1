/**
 * The one error type of the gateway. Every failure that reaches a client is a GatewayError with a
 * stable code; each inbound protocol maps codes to its own error shape in one place (server/*).
 * Every code is documented in docs/errors.md, and a test keeps that list and this one in step.
 */
export const ERROR_CODES = {
    SY_ERR_INVALID_REQUEST: { status: 400, retryable: false },
    SY_ERR_INVALID_JSON: { status: 400, retryable: false },
    SY_ERR_BODY_TOO_LARGE: { status: 413, retryable: false },
    SY_ERR_UNSUPPORTED_MEDIA_TYPE: { status: 415, retryable: false },
    SY_ERR_UNAUTHENTICATED: { status: 401, retryable: false },
    SY_ERR_KEY_REVOKED: { status: 401, retryable: false },
    SY_ERR_KEY_EXPIRED: { status: 401, retryable: false },
    SY_ERR_MODEL_FORBIDDEN: { status: 403, retryable: false },
    SY_ERR_FORBIDDEN: { status: 403, retryable: false },
    SY_ERR_NOT_FOUND: { status: 404, retryable: false },
    SY_ERR_CONFLICT: { status: 409, retryable: false },
    SY_ERR_RATE_LIMITED: { status: 429, retryable: true },
    SY_ERR_BUDGET_EXCEEDED: { status: 429, retryable: false },
    SY_ERR_MODEL_NOT_FOUND: { status: 404, retryable: false },
    SY_ERR_ROUTE_NOT_FOUND: { status: 404, retryable: false },
    SY_ERR_UNSUPPORTED_OPERATION: { status: 400, retryable: false },
    SY_ERR_CONTEXT_WINDOW_EXCEEDED: { status: 400, retryable: false },
    SY_ERR_CONTENT_FILTERED: { status: 400, retryable: false },
    SY_ERR_UPSTREAM_BAD_REQUEST: { status: 400, retryable: false },
    SY_ERR_UPSTREAM_NOT_FOUND: { status: 404, retryable: false },
    SY_ERR_UPSTREAM_RATE_LIMITED: { status: 429, retryable: true },
    SY_ERR_UPSTREAM_AUTH: { status: 502, retryable: false },
    SY_ERR_UPSTREAM_PERMISSION: { status: 502, retryable: false },
    SY_ERR_UPSTREAM_SERVER: { status: 502, retryable: true },
    SY_ERR_UPSTREAM_OVERLOADED: { status: 503, retryable: true },
    SY_ERR_UPSTREAM_TIMEOUT: { status: 504, retryable: true },
    SY_ERR_UPSTREAM_UNREACHABLE: { status: 502, retryable: true },
    SY_ERR_UPSTREAM_PROTOCOL: { status: 502, retryable: false },
    SY_ERR_NO_DEPLOYMENT_AVAILABLE: { status: 503, retryable: false },
    SY_ERR_CONCURRENCY_LIMITED: { status: 429, retryable: true },
    SY_ERR_SHUTTING_DOWN: { status: 503, retryable: true },
    SY_ERR_CLIENT_DISCONNECTED: { status: 499, retryable: false },
    SY_ERR_INTERNAL: { status: 500, retryable: false },
};
export class GatewayError extends Error {
    code;
    status;
    param;
    provider;
    upstreamStatus;
    retryAfterMs;
    retryable;
    headers;
    constructor(code, message, options = {}) {
        super(message, options.cause === undefined ? undefined : { cause: options.cause });
        this.name = 'GatewayError';
        this.code = code;
        this.status = options.status ?? ERROR_CODES[code].status;
        this.retryable = options.retryable ?? ERROR_CODES[code].retryable;
        this.param = options.param;
        this.provider = options.provider;
        this.upstreamStatus = options.upstreamStatus;
        this.retryAfterMs = options.retryAfterMs;
        this.headers = options.headers;
    }
    /** Whether the failure was the upstream's (as opposed to the client's request or our own). */
    get isUpstream() {
        return this.code.startsWith('SY_ERR_UPSTREAM_') || this.provider !== undefined;
    }
}
export function isGatewayError(value) {
    return value instanceof GatewayError;
}
/** Wraps anything thrown into a GatewayError, keeping GatewayErrors as they are. */
export function toGatewayError(error) {
    if (error instanceof GatewayError)
        return error;
    const message = error instanceof Error ? error.message : String(error);
    return new GatewayError('SY_ERR_INTERNAL', `Internal error: ${message}`, { cause: error });
}
//# sourceMappingURL=errors.js.map