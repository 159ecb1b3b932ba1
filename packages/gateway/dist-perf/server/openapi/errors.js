/**
 * The error shapes of the document: OpenAI's `{error: {…}}` on the OpenAI-protocol routes and
 * Anthropic's `{type: "error", …}` on /v1/messages, one response component per protocol and
 * status. Which codes give which status comes from core's ERROR_CODES, and each example is made by
 * the real renderers, so the document cannot drift from what the error edge sends.
 */
import { ERROR_CODES, GatewayError } from '../../core/index.js';
import { renderAnthropicError } from '../anthropic/codec/render-error.js';
import { OPENAI_ERROR_CODES, openAIErrorCode } from '../openai/codec/openai-error-codes.js';
import { renderOpenAIError } from '../openai/codec/render-openai-error.js';
import { COMMON_HEADERS, object, nullable, string } from './components.js';
import { ref } from './openapi-types.js';
/** Every status the error edge can send to a client (499 is only ever written to the usage log). */
export const ERROR_STATUSES = [400, 401, 403, 404, 413, 415, 429, 500, 502, 503, 504];
const OPENAI_ERROR_TYPES = ['invalid_request_error', 'authentication_error', 'permission_error', 'rate_limit_error', 'server_error', 'api_error'];
const ANTHROPIC_ERROR_TYPES = [
    'invalid_request_error', 'authentication_error', 'permission_error', 'not_found_error', 'request_too_large',
    'rate_limit_error', 'api_error', 'overloaded_error', 'timeout_error',
];
export const ERROR_SCHEMAS = {
    OpenAIError: object({
        error: object({
            message: string('What went wrong, in words a person can act on.'),
            type: string('The class of error.', { enum: OPENAI_ERROR_TYPES }),
            param: nullable(string('The request field at fault (`messages[0].content`), when there is one.')),
            code: nullable(string("A stable code; OpenAI's own where one exists (`invalid_api_key`, `model_not_found`, `context_length_exceeded`).", { enum: [...new Set(Object.values(OPENAI_ERROR_CODES))] })),
        }, ['message', 'type', 'param', 'code']),
    }, ['error'], { description: "OpenAI's error shape. https://platform.openai.com/docs/guides/error-codes" }),
    AnthropicError: object({
        type: { const: 'error' },
        error: object({ type: string('The class of error, chosen by HTTP status.', { enum: ANTHROPIC_ERROR_TYPES }), message: string('What went wrong.') }, ['type', 'message']),
        request_id: string('The request id, as in the x-request-id header.'),
    }, ['type', 'error'], { description: "Anthropic's error shape. https://docs.anthropic.com/en/api/errors" }),
};
const EXAMPLE_REQUEST_ID = 'req_3f9a1c0d5e7b2a4c6d8e0f12';
/** One representative failure per status, rendered by the real renderers for the examples. */
const EXAMPLES = {
    400: new GatewayError('SY_ERR_INVALID_REQUEST', 'temperature: expected a number between 0 and 2', { param: 'temperature' }),
    401: new GatewayError('SY_ERR_UNAUTHENTICATED', 'Missing API key. Send it as "Authorization: Bearer <key>" or "x-api-key: <key>".'),
    403: new GatewayError('SY_ERR_MODEL_FORBIDDEN', "API key sy-3f9a… is not allowed to use the model 'gpt-4o'.", { param: 'model' }),
    404: new GatewayError('SY_ERR_MODEL_NOT_FOUND', "The model 'gpt-5' does not exist on this gateway. List the available models with GET /v1/models.", { param: 'model' }),
    413: new GatewayError('SY_ERR_BODY_TOO_LARGE', "The request body is larger than this gateway's limit of 1048576 bytes."),
    415: new GatewayError('SY_ERR_UNSUPPORTED_MEDIA_TYPE', "Unsupported Content-Type 'text/plain'; send the body as application/json."),
    429: new GatewayError('SY_ERR_UPSTREAM_RATE_LIMITED', 'Rate limit reached for requests.', { provider: 'openai', upstreamStatus: 429, retryAfterMs: 20_000 }),
    500: new GatewayError('SY_ERR_INTERNAL', 'Internal error: unexpected state.'),
    502: new GatewayError('SY_ERR_UPSTREAM_SERVER', 'Provider "openai" failed (upstream 500): The server had an error.', { provider: 'openai', upstreamStatus: 500 }),
    503: new GatewayError('SY_ERR_UPSTREAM_OVERLOADED', 'Provider "anthropic" failed (upstream 529): Overloaded', { provider: 'anthropic', upstreamStatus: 529 }),
    504: new GatewayError('SY_ERR_UPSTREAM_TIMEOUT', 'Provider "openai" did not answer in time.', { provider: 'openai' }),
};
/** Causes that are not a code's default status. */
const EXTRA_CAUSES = {
    403: 'A virtual key without the `data` scope is refused here too.',
    503: 'Also sent when the key store is unreachable and the key was not verified recently.',
};
function codesWithStatus(status) {
    return Object.keys(ERROR_CODES).filter((code) => ERROR_CODES[code].status === status);
}
function describe(protocol, status) {
    const codes = codesWithStatus(status).map((code) => (protocol === 'openai' ? `\`${openAIErrorCode(code)}\` (${code})` : code));
    const lead = protocol === 'openai' ? 'Error codes' : 'Gateway codes (the message says which)';
    const extra = EXTRA_CAUSES[status] ? ` ${EXTRA_CAUSES[status]}` : '';
    return `${lead}: ${codes.join(', ')}.${extra}`;
}
function headersFor(protocol, status) {
    const headers = { ...COMMON_HEADERS, 'x-switchyard-provider': ref('headers', 'Provider') };
    if (status === 429 || status >= 500) {
        headers['retry-after'] = ref('headers', 'RetryAfter');
        headers['x-should-retry'] = ref('headers', 'ShouldRetry');
    }
    if (protocol === 'anthropic')
        headers['request-id'] = ref('headers', 'AnthropicRequestId');
    return headers;
}
/** The name of the response component for a protocol and status, e.g. `OpenAIError429`. */
export function errorResponseName(protocol, status) {
    return `${protocol === 'openai' ? 'OpenAI' : 'Anthropic'}Error${status}`;
}
/** Every error response component, for both protocols. */
export function errorResponseComponents() {
    const responses = {};
    for (const protocol of ['openai', 'anthropic']) {
        for (const status of ERROR_STATUSES) {
            const example = EXAMPLES[status];
            const value = protocol === 'openai' ? renderOpenAIError(example).body : renderAnthropicError(example, EXAMPLE_REQUEST_ID).body;
            responses[errorResponseName(protocol, status)] = {
                description: describe(protocol, status),
                headers: headersFor(protocol, status),
                content: {
                    'application/json': {
                        schema: ref('schemas', protocol === 'openai' ? 'OpenAIError' : 'AnthropicError'),
                        examples: { [example.code]: { summary: example.message, value } },
                    },
                },
            };
        }
    }
    return responses;
}
/** References to the error responses of the given statuses, keyed by status, for an operation. */
export function errorResponses(protocol, statuses = ERROR_STATUSES) {
    return Object.fromEntries(statuses.map((status) => [String(status), ref('responses', errorResponseName(protocol, status))]));
}
//# sourceMappingURL=errors.js.map