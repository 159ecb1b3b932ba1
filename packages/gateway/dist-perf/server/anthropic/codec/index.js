/**
 * The Anthropic Messages protocol as clients speak it to the gateway (`POST /v1/messages`):
 * parse and validate requests into canonical types, and render canonical responses, streams and
 * errors in Anthropic's exact wire format. Pure functions; no I/O.
 */
export { parseMessagesRequest, parseMessagesRequestForRouting, toChatRequest } from './parse-messages-request.js';
export { validateMessagesRequest } from './validate-messages-request.js';
export { renderMessage } from './render-message.js';
export { createMessagesStreamRenderer } from './messages-stream-renderer.js';
export { renderAnthropicError, anthropicErrorType } from './render-error.js';
export { mapStopReason } from './map-stop-reason.js';
//# sourceMappingURL=index.js.map