/**
 * The one place a GatewayError becomes OpenAI's error response: status, headers and
 * `{error: {message, type, param, code}}`. The headers steer the official SDKs' retries: they obey
 * `x-should-retry` before looking at the status, and wait for `retry-after`.
 * https://platform.openai.com/docs/guides/error-codes
 */
import { openAIErrorCode } from './openai-error-codes.js';
export function renderOpenAIError(error) {
    const headers = { ...error.headers };
    if (error.retryAfterMs !== undefined)
        headers['retry-after'] = String(Math.max(0, Math.ceil(error.retryAfterMs / 1000)));
    if (error.status === 429 && !error.retryable)
        headers['x-should-retry'] = 'false';
    if (error.status >= 500)
        headers['x-should-retry'] = String(error.retryable);
    return {
        status: error.status,
        headers,
        body: {
            error: { message: error.message, type: errorType(error), param: error.param ?? null, code: openAIErrorCode(error.code) },
        },
    };
}
function errorType(error) {
    const { status } = error;
    if (status === 401)
        return 'authentication_error';
    if (status === 403)
        return 'permission_error';
    if (status === 429)
        return 'rate_limit_error';
    // Failures of the upstream are the API's; failures of the gateway itself are the server's.
    if (status >= 500)
        return error.isUpstream ? 'api_error' : 'server_error';
    return 'invalid_request_error';
}
//# sourceMappingURL=render-openai-error.js.map