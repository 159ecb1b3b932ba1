/**
 * The `code` string each GatewayError code has in OpenAI's error shape. Where OpenAI has a code of
 * its own for the same failure, it is used (invalid_api_key, model_not_found,
 * context_length_exceeded), so clients that branch on OpenAI's codes keep working.
 * https://platform.openai.com/docs/guides/error-codes
 */
/**
 * Every ErrorCode must have an entry (the type enforces it).
 */
export const OPENAI_ERROR_CODES = {
    SY_ERR_INVALID_REQUEST: 'invalid_request',
    SY_ERR_INVALID_JSON: 'invalid_json',
    SY_ERR_BODY_TOO_LARGE: 'body_too_large',
    SY_ERR_UNSUPPORTED_MEDIA_TYPE: 'unsupported_media_type',
    SY_ERR_UNAUTHENTICATED: 'invalid_api_key',
    SY_ERR_KEY_REVOKED: 'key_revoked',
    SY_ERR_KEY_EXPIRED: 'key_expired',
    SY_ERR_MODEL_FORBIDDEN: 'model_not_allowed',
    SY_ERR_FORBIDDEN: 'permission_denied',
    SY_ERR_NOT_FOUND: 'not_found',
    SY_ERR_CONFLICT: 'conflict',
    SY_ERR_RATE_LIMITED: 'rate_limit_exceeded',
    SY_ERR_MODEL_NOT_FOUND: 'model_not_found',
    SY_ERR_ROUTE_NOT_FOUND: 'unknown_url',
    SY_ERR_UNSUPPORTED_OPERATION: 'unsupported_operation',
    SY_ERR_CONTEXT_WINDOW_EXCEEDED: 'context_length_exceeded',
    SY_ERR_CONTENT_FILTERED: 'content_filter',
    SY_ERR_UPSTREAM_BAD_REQUEST: 'upstream_bad_request',
    SY_ERR_UPSTREAM_NOT_FOUND: 'upstream_not_found',
    SY_ERR_UPSTREAM_RATE_LIMITED: 'upstream_rate_limited',
    SY_ERR_UPSTREAM_AUTH: 'upstream_auth_error',
    SY_ERR_UPSTREAM_PERMISSION: 'upstream_permission_error',
    SY_ERR_UPSTREAM_SERVER: 'upstream_error',
    SY_ERR_UPSTREAM_OVERLOADED: 'upstream_overloaded',
    SY_ERR_UPSTREAM_TIMEOUT: 'upstream_timeout',
    SY_ERR_UPSTREAM_UNREACHABLE: 'upstream_unreachable',
    SY_ERR_UPSTREAM_PROTOCOL: 'upstream_protocol_error',
    SY_ERR_NO_DEPLOYMENT_AVAILABLE: 'no_deployment_available',
    SY_ERR_CONCURRENCY_LIMITED: 'concurrency_limited',
    SY_ERR_SHUTTING_DOWN: 'shutting_down',
    SY_ERR_CLIENT_DISCONNECTED: 'client_disconnected',
    SY_ERR_INTERNAL: 'internal_error',
    SY_ERR_BUDGET_EXCEEDED: 'budget_exceeded',
};
/** The OpenAI code for a gateway code; a code missing from the table gets its own name in snake case. */
export function openAIErrorCode(code) {
    return OPENAI_ERROR_CODES[code] ?? code.replace(/^SY_ERR_/, '').toLowerCase();
}
//# sourceMappingURL=openai-error-codes.js.map