/**
 * Reads one Gemini candidate (https://ai.google.dev/api/generate-content#candidate): its answer
 * text without thought summaries, its function calls with ids, and its raw finish reason. Shared by
 * the whole-response parser and the stream transform, since a stream chunk is a partial response.
 */
import { arrayField, isObject, numberField, objectField, stringField } from './json-value.js';
export function readGeminiCandidate(candidate, options) {
    const texts = [];
    const toolCalls = [];
    for (const part of arrayField(objectField(candidate, 'content'), 'parts')) {
        if (!isObject(part))
            continue;
        const functionCall = objectField(part, 'functionCall');
        if (functionCall) {
            const name = stringField(functionCall, 'name') ?? '';
            const args = functionCall['args'];
            const id = options.nextToolCallId({
                upstreamId: stringField(functionCall, 'id'),
                thoughtSignature: stringField(part, 'thoughtSignature'),
            });
            toolCalls.push({ id, name, arguments: JSON.stringify(isObject(args) ? args : {}) });
            continue;
        }
        const text = stringField(part, 'text');
        if (text !== undefined && part['thought'] !== true && text.length > 0)
            texts.push(text);
    }
    return {
        index: numberField(candidate, 'index') ?? options.position,
        texts,
        toolCalls,
        finishReason: stringField(candidate, 'finishReason'),
    };
}
//# sourceMappingURL=read-gemini-candidate.js.map