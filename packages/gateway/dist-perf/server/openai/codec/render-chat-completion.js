/**
 * Canonical ChatResponse to OpenAI's `chat.completion` object, field for field as OpenAI sends it.
 * `model` is the name the client sent, not the upstream's, so clients see the model they asked for.
 * https://platform.openai.com/docs/api-reference/chat/object
 */
import { mapFinishReason } from './map-finish-reason.js';
import { renderUsage } from './render-usage.js';
export function renderChatCompletion(response, options) {
    return {
        id: response.id,
        object: 'chat.completion',
        created: response.created,
        model: options.model,
        choices: response.choices.map(renderChoice),
        usage: renderUsage(response.usage),
        system_fingerprint: null,
    };
}
function renderChoice(choice) {
    const message = { role: 'assistant', content: choice.content, refusal: choice.refusal ?? null };
    if (choice.toolCalls.length > 0)
        message.tool_calls = choice.toolCalls.map(renderToolCall);
    message.annotations = [];
    return { index: choice.index, message, logprobs: null, finish_reason: mapFinishReason(choice.finishReason) };
}
export function renderToolCall(call) {
    return { id: call.id, type: 'function', function: { name: call.name, arguments: call.arguments } };
}
//# sourceMappingURL=render-chat-completion.js.map