/**
 * An OpenAI chat completion body to the canonical ChatResponse, reading only the fields we map.
 * https://platform.openai.com/docs/api-reference/chat/object
 */
import { isRecord, numberField, recordField, recordsField, stringField } from '../shared/json-fields.js';
import { mapOpenAIFinishReason } from './map-openai-finish-reason.js';
import { parseOpenAIUsage } from './parse-openai-usage.js';
export function parseOpenAIResponse(body, fallbacks) {
    const record = isRecord(body) ? body : {};
    const choices = recordsField(record, 'choices').map((choice, position) => parseChoice(choice, position));
    return {
        id: stringField(record, 'id') || fallbacks.id,
        model: stringField(record, 'model') || fallbacks.model,
        created: numberField(record, 'created') ?? Math.floor(Date.now() / 1000),
        choices,
        // No usage at all: zeros marked estimated, so the pipeline counts the tokens itself.
        usage: parseOpenAIUsage(record.usage) ?? {
            promptTokens: 0,
            completionTokens: 0,
            cachedTokens: 0,
            cacheWriteTokens: 0,
            estimated: true,
        },
    };
}
function parseChoice(choice, position) {
    const message = recordField(choice, 'message') ?? {};
    const content = message.content;
    const parsed = {
        index: numberField(choice, 'index') ?? position,
        content: typeof content === 'string' ? content : null,
        toolCalls: recordsField(message, 'tool_calls').map(parseToolCall),
        finishReason: mapOpenAIFinishReason(choice.finish_reason),
    };
    const refusal = stringField(message, 'refusal');
    if (refusal !== undefined)
        parsed.refusal = refusal;
    return parsed;
}
function parseToolCall(call) {
    const target = recordField(call, 'function') ?? {};
    return {
        id: stringField(call, 'id') ?? '',
        name: stringField(target, 'name') ?? '',
        arguments: stringField(target, 'arguments') ?? '',
    };
}
//# sourceMappingURL=parse-openai-response.js.map