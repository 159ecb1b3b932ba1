/** POST /v1/chat/completions: the OpenAI chat protocol inbound. */
import { GatewayError } from '../../core/index.js';
import { handleChatExchange } from '../chat-exchange.js';
import { createChatStreamRenderer, parseChatCompletionRequest, renderChatCompletion } from './codec/index.js';
/**
 * Parts that are valid OpenAI but have no canonical form (audio and file parts, the legacy
 * `function` role) still pass through to an OpenAI-protocol upstream untouched; they fail, naming
 * the field, only when the request must be translated for another protocol.
 */
function parseForRouting(body) {
    try {
        return { request: parseChatCompletionRequest(body), untranslatable: null };
    }
    catch (error) {
        if (!(error instanceof GatewayError) || error.code !== 'SY_ERR_UNSUPPORTED_OPERATION')
            throw error;
        const stream = body.stream === true;
        const options = body.stream_options;
        const includeUsage = stream && typeof options === 'object' && options !== null && options.include_usage === true;
        return { request: { model: typeof body.model === 'string' ? body.model : '', messages: [], stream, includeUsage }, untranslatable: error };
    }
}
const openaiChatCodec = {
    protocol: 'openai',
    endpoint: 'chat',
    parse: parseForRouting,
    renderResponse: renderChatCompletion,
    createStreamRenderer: createChatStreamRenderer,
    // Nothing of the client's headers goes upstream: organisation and project headers belong to the
    // gateway's own credentials, not the client's.
    forwardHeaders: () => ({}),
};
export function registerChatCompletionsRoute(app, services) {
    app.post('/v1/chat/completions', { config: { dataPlane: { protocol: 'openai', endpoint: 'chat' } } }, (request, reply) => handleChatExchange({ request, reply, services, codec: openaiChatCodec }));
}
//# sourceMappingURL=chat-completions-route.js.map