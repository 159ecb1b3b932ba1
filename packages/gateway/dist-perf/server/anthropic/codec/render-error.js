/**
 * The one place where GatewayError codes become Anthropic's error shape and status, for
 * `/v1/messages`. The SDK picks its error class from the status and its retry policy from
 * `x-should-retry` before anything else, so these headers decide whether a client retries.
 * https://docs.anthropic.com/en/api/errors
 */
const TYPE_BY_STATUS = {
    400: 'invalid_request_error',
    401: 'authentication_error',
    403: 'permission_error',
    404: 'not_found_error',
    413: 'request_too_large',
    415: 'invalid_request_error',
    429: 'rate_limit_error',
    500: 'api_error',
    502: 'api_error',
    503: 'overloaded_error',
    504: 'timeout_error',
    529: 'overloaded_error',
};
export function anthropicErrorType(status) {
    return TYPE_BY_STATUS[status] ?? (status >= 500 ? 'api_error' : 'invalid_request_error');
}
export function renderAnthropicError(error, requestId) {
    const headers = { ...error.headers };
    if (error.retryAfterMs !== undefined)
        headers['retry-after'] = String(Math.max(0, Math.ceil(error.retryAfterMs / 1000)));
    const shouldRetry = shouldRetryHeader(error);
    if (shouldRetry !== undefined)
        headers['x-should-retry'] = shouldRetry;
    // The SDK reads `request-id` into error.requestID, as it does with Anthropic's own answers.
    if (requestId !== undefined)
        headers['request-id'] = requestId;
    const body = {
        type: 'error',
        error: { type: anthropicErrorType(error.status), message: error.message },
    };
    if (requestId !== undefined)
        body.request_id = requestId;
    return { status: error.status, headers, body };
}
function shouldRetryHeader(error) {
    if (error.code === 'SY_ERR_BUDGET_EXCEEDED')
        return 'false';
    if (error.status === 429)
        return error.retryable ? undefined : 'false';
    if (error.status >= 500)
        return error.retryable ? 'true' : 'false';
    return undefined;
}
//# sourceMappingURL=render-error.js.map