/** POST /v1/messages: the Anthropic Messages protocol inbound, routed to any provider. */
import { handleChatExchange } from '../chat-exchange.js';
import { createMessagesStreamRenderer, parseMessagesRequestForRouting, renderMessage } from './codec/index.js';
/** The client's API version and beta flags decide the upstream's behaviour on a pass-through. */
function forwardAnthropicHeaders(headers) {
    const forwarded = {};
    for (const name of ['anthropic-version', 'anthropic-beta']) {
        const value = headers[name];
        if (typeof value === 'string')
            forwarded[name] = value;
        else if (Array.isArray(value))
            forwarded[name] = value.join(',');
    }
    return forwarded;
}
const anthropicMessagesCodec = {
    protocol: 'anthropic',
    endpoint: 'messages',
    parse: parseMessagesRequestForRouting,
    renderResponse: renderMessage,
    createStreamRenderer: ({ model, requestId }) => createMessagesStreamRenderer({ model, requestId }),
    forwardHeaders: forwardAnthropicHeaders,
};
export function registerMessagesRoute(app, services) {
    app.post('/v1/messages', { config: { dataPlane: { protocol: 'anthropic', endpoint: 'messages' } } }, (request, reply) => handleChatExchange({ request, reply, services, codec: anthropicMessagesCodec }));
}
//# sourceMappingURL=messages-route.js.map