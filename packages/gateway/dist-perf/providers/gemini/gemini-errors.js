/**
 * Gemini error bodies to GatewayErrors. Google APIs answer `{error:{code, message, status, details}}`
 * (https://ai.google.dev/gemini-api/docs/troubleshooting#error-codes, https://google.aip.dev/193).
 * A bad API key is a 400 INVALID_ARGUMENT with reason API_KEY_INVALID, not a 401, so it is
 * recognised from the details and the message.
 */
import { parseJsonSafe, retryAfterMs } from '../shared/http.js';
import { upstreamHttpError } from '../shared/upstream-error.js';
import { arrayField, isObject, numberField, objectField, stringField } from './json-value.js';
/** An HTTP error answer (non-2xx) to a GatewayError. */
export function geminiHttpError(options) {
    const error = objectField(parseJsonSafe(options.bodyText), 'error');
    const fallbackMessage = options.bodyText.trim().slice(0, 500) || `HTTP ${options.status}`;
    return fromErrorObject({
        provider: options.provider,
        status: options.status,
        error,
        fallbackMessage,
        retryAfterMs: retryAfterMs(options.headers),
    });
}
/** An in-band `{"error":{…}}` stream chunk to a GatewayError. */
export function geminiStreamError(options) {
    const error = objectField(options.body, 'error');
    return fromErrorObject({
        provider: options.provider,
        status: numberField(error, 'code') ?? 500,
        error,
        fallbackMessage: 'The stream reported an error.',
    });
}
function fromErrorObject(options) {
    const { error } = options;
    const message = stringField(error, 'message') ?? options.fallbackMessage;
    const details = arrayField(error, 'details');
    return upstreamHttpError({
        provider: options.provider,
        status: options.status,
        message,
        hint: hintFor({ status: options.status, grpcStatus: stringField(error, 'status'), message, details }),
        retryAfterMs: options.retryAfterMs ?? retryDelayMs(details),
    });
}
function hintFor(options) {
    const { grpcStatus, message, details } = options;
    const reasons = details.map((detail) => stringField(detail, 'reason'));
    if (grpcStatus === 'UNAUTHENTICATED' || reasons.includes('API_KEY_INVALID') || /API key (not valid|expired)/i.test(message)) {
        return 'auth';
    }
    if (grpcStatus === 'RESOURCE_EXHAUSTED')
        return 'rate_limit';
    if (grpcStatus === 'UNAVAILABLE')
        return 'overloaded';
    if (grpcStatus === 'INVALID_ARGUMENT' && /exceeds the maximum number of tokens/i.test(message))
        return 'context_window';
    return undefined;
}
/** RetryInfo's `retryDelay` ("22s", "1.5s") in milliseconds (https://google.aip.dev/193#retryinfo). */
function retryDelayMs(details) {
    for (const detail of details) {
        if (!isObject(detail) || !String(detail['@type']).endsWith('google.rpc.RetryInfo'))
            continue;
        const match = /^(\d+(?:\.\d+)?)s$/.exec(stringField(detail, 'retryDelay') ?? '');
        if (match)
            return Math.round(Number(match[1]) * 1000);
    }
    return undefined;
}
//# sourceMappingURL=gemini-errors.js.map