/**
 * A whole generateContent response to a canonical ChatResponse
 * (https://ai.google.dev/api/generate-content#generatecontentresponse). A prompt Gemini blocked
 * comes back without candidates and with `promptFeedback.blockReason`; it becomes one empty choice
 * that stopped for content_filter.
 */
import { randomUUID } from 'node:crypto';
import { createToolCallIdFactory } from './gemini-tool-call-id.js';
import { arrayField, objectField, stringField } from './json-value.js';
import { blockedPromptFinishReason, mapGeminiFinishReason } from './map-gemini-finish-reason.js';
import { mapGeminiUsage } from './map-gemini-usage.js';
import { readGeminiCandidate } from './read-gemini-candidate.js';
export function parseGeminiResponse(body, options) {
    const responseId = stringField(body, 'responseId');
    const nextToolCallId = createToolCallIdFactory(responseId);
    const choices = arrayField(body, 'candidates').map((candidate, position) => {
        const read = readGeminiCandidate(candidate, { position, nextToolCallId });
        const hasToolCalls = read.toolCalls.length > 0;
        return {
            index: read.index,
            content: read.texts.length > 0 ? read.texts.join('') : null,
            toolCalls: read.toolCalls,
            finishReason: read.finishReason
                ? mapGeminiFinishReason(read.finishReason, { hasToolCalls })
                : { unified: hasToolCalls ? 'tool_calls' : 'other', raw: null },
        };
    });
    const blockReason = stringField(objectField(body, 'promptFeedback'), 'blockReason');
    if (choices.length === 0 && blockReason !== undefined) {
        choices.push({ index: 0, content: null, toolCalls: [], finishReason: blockedPromptFinishReason(blockReason) });
    }
    return {
        id: responseId ?? `gemini-${randomUUID()}`,
        model: stringField(body, 'modelVersion') ?? options.model,
        created: Math.floor(Date.now() / 1000),
        choices: choices.sort((left, right) => left.index - right.index),
        usage: mapGeminiUsage(objectField(body, 'usageMetadata')),
    };
}
//# sourceMappingURL=parse-gemini-response.js.map