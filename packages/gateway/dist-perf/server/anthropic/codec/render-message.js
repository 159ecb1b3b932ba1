/**
 * Renders a canonical ChatResponse as an Anthropic Messages API message object, the non-streaming
 * answer of `POST /v1/messages`. https://docs.anthropic.com/en/api/messages
 */
import { mapStopReason } from './map-stop-reason.js';
import { toMessageId } from './message-id.js';
import { renderUsage } from './render-usage.js';
export function renderMessage(response, options) {
    const choice = response.choices.find((candidate) => candidate.index === 0) ?? response.choices[0];
    const toolCalls = choice?.toolCalls ?? [];
    // A provider that reports a refusal apart from the content (OpenAI) still owes the client its words.
    const text = choice?.content || choice?.refusal || '';
    const content = [];
    if (text !== '' || toolCalls.length === 0)
        content.push({ type: 'text', text });
    for (const call of toolCalls)
        content.push(renderToolUse(call));
    return {
        id: toMessageId(response.id),
        type: 'message',
        role: 'assistant',
        model: options.model,
        content,
        stop_reason: mapStopReason({ finishReason: choice?.finishReason ?? null, hasToolCalls: toolCalls.length > 0 }),
        stop_sequence: null,
        usage: renderUsage(response.usage),
    };
}
/**
 * The call id is kept as the upstream made it (`call_…` from OpenAI-style upstreams): the client
 * answers with a tool_result naming this id, and it must pair back exactly when sent upstream.
 */
export function renderToolUse(call) {
    return { type: 'tool_use', id: call.id, name: call.name, input: parseArguments(call.arguments) };
}
/** Anthropic's `input` is an object; arguments that are not a JSON object (a truncated call) become {}. */
export function parseArguments(text) {
    if (text.trim() === '')
        return {};
    try {
        const value = JSON.parse(text);
        return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
    }
    catch {
        return {};
    }
}
//# sourceMappingURL=render-message.js.map