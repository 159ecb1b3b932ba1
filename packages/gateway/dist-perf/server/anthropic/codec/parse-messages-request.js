/**
 * Parses an inbound Anthropic Messages body (`POST /v1/messages`) into a canonical ChatRequest,
 * for requests that go to a provider of another protocol. Validation errors are
 * SY_ERR_INVALID_REQUEST; valid input that cannot be translated is SY_ERR_UNSUPPORTED_OPERATION.
 * Both name the field at fault in Anthropic's style ("messages.0.content.1.type: …").
 */
import { convertMessages } from './convert-messages.js';
import { convertToolChoice, convertTools } from './convert-tools.js';
import { throwUntranslatable } from './unsupported.js';
import { validateMessagesRequest } from './validate-messages-request.js';
export function parseMessagesRequest(body) {
    return toChatRequest(validateMessagesRequest(body));
}
/**
 * For callers that must route before they know whether the upstream speaks Anthropic: a request
 * with a `document` block or a server tool is valid, and is relayed untouched to an Anthropic
 * upstream (pass-through), so its translation error is held back instead of thrown. Validation
 * errors are still thrown.
 */
export function parseMessagesRequestForRouting(body) {
    let untranslatable = null;
    const request = toChatRequest(validateMessagesRequest(body), (error) => {
        untranslatable ??= error;
    });
    return { request, untranslatable };
}
/** Translates an already validated request; by default, untranslatable input throws. */
export function toChatRequest(request, report = throwUntranslatable) {
    const chat = {
        model: request.model,
        messages: convertMessages(request, report),
        maxTokens: request.max_tokens,
        stream: request.stream === true,
        // An Anthropic stream always reports usage (message_start and message_delta), so the
        // provider must be asked for it whatever the client said.
        includeUsage: true,
    };
    if (request.tools !== undefined && request.tools !== null && request.tools.length > 0) {
        chat.tools = convertTools(request.tools, report);
    }
    if (request.tool_choice !== undefined && request.tool_choice !== null) {
        const { toolChoice, parallelToolCalls } = convertToolChoice(request.tool_choice);
        chat.toolChoice = toolChoice;
        if (parallelToolCalls !== undefined)
            chat.parallelToolCalls = parallelToolCalls;
    }
    if (typeof request.temperature === 'number')
        chat.temperature = request.temperature;
    if (typeof request.top_p === 'number')
        chat.topP = request.top_p;
    if (typeof request.top_k === 'number')
        chat.topK = request.top_k;
    if (request.stop_sequences !== undefined && request.stop_sequences !== null && request.stop_sequences.length > 0) {
        chat.stop = request.stop_sequences;
    }
    // metadata.user_id is Anthropic's only metadata field, and means what OpenAI's `user` means.
    const userId = request.metadata?.user_id;
    if (typeof userId === 'string' && userId !== '')
        chat.user = userId;
    return chat;
}
//# sourceMappingURL=parse-messages-request.js.map