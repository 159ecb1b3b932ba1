/**
 * An Anthropic Message (non-streaming answer) to a canonical ChatResponse. Read tolerantly: only
 * text and tool_use blocks are mapped; thinking and server-tool blocks are skipped.
 * https://docs.anthropic.com/en/api/messages
 */
import { isRecord, recordField, recordsField, stringField } from '../shared/json-fields.js';
import { mapAnthropicStopReason } from './map-anthropic-stop-reason.js';
import { parseAnthropicUsage } from './anthropic-usage.js';
export function parseAnthropicResponse(body, options) {
    const message = isRecord(body) ? body : {};
    const texts = [];
    const toolCalls = [];
    for (const block of recordsField(message, 'content')) {
        const type = stringField(block, 'type');
        if (type === 'text')
            texts.push(stringField(block, 'text') ?? '');
        else if (type === 'tool_use') {
            toolCalls.push({
                id: stringField(block, 'id') ?? '',
                name: stringField(block, 'name') ?? '',
                arguments: JSON.stringify(block.input ?? {}),
            });
        }
    }
    return {
        id: stringField(message, 'id') ?? options.fallbackId,
        model: stringField(message, 'model') ?? options.fallbackModel,
        // Anthropic messages carry no creation time.
        created: Math.floor(Date.now() / 1000),
        choices: [
            {
                index: 0,
                content: texts.length > 0 ? texts.join('') : null,
                toolCalls,
                finishReason: mapAnthropicStopReason(stringField(message, 'stop_reason')),
            },
        ],
        usage: parseAnthropicUsage(recordField(message, 'usage')),
    };
}
//# sourceMappingURL=parse-anthropic-response.js.map