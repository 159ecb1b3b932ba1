/**
 * streamGenerateContent (`alt=sse`) events to canonical stream events
 * (https://ai.google.dev/api/generate-content#method:-models.streamgeneratecontent). Each SSE `data:`
 * is a partial GenerateContentResponse: text arrives in pieces, a function call arrives whole (so it
 * becomes a tool-call-start plus one delta holding all its arguments), `finishReason` comes on a
 * candidate's last chunk, and `usageMetadata` grows chunk by chunk, so only the last one counts.
 * Gemini reports a failure after the stream began as an in-band `{"error":{…}}` chunk.
 */
import { randomUUID } from 'node:crypto';
import { GatewayError } from '../../core/index.js';
import { parseJsonSafe } from '../shared/http.js';
import { geminiStreamError } from './gemini-errors.js';
import { createToolCallIdFactory } from './gemini-tool-call-id.js';
import { arrayField, isObject, objectField, stringField } from './json-value.js';
import { blockedPromptFinishReason, mapGeminiFinishReason } from './map-gemini-finish-reason.js';
import { mapGeminiUsage } from './map-gemini-usage.js';
import { readGeminiCandidate } from './read-gemini-candidate.js';
export async function* transformGeminiStream(events, options) {
    const { provider } = options;
    const candidates = new Map();
    let nextToolCallId;
    let usage;
    let failure;
    try {
        for await (const event of events) {
            if (event.data.trim().length === 0)
                continue;
            const body = parseJsonSafe(event.data);
            if (!isObject(body)) {
                failure = new GatewayError('SY_ERR_UPSTREAM_PROTOCOL', `Provider "${provider}" sent an invalid stream chunk.`, { provider });
                break;
            }
            if (isObject(body['error'])) {
                failure = geminiStreamError({ provider, body });
                break;
            }
            if (nextToolCallId === undefined) {
                const responseId = stringField(body, 'responseId');
                nextToolCallId = createToolCallIdFactory(responseId);
                const id = responseId ?? `gemini-${randomUUID()}`;
                yield { type: 'start', id, model: stringField(body, 'modelVersion') ?? options.model, created: Math.floor(Date.now() / 1000) };
            }
            yield* chunkEvents(body, { candidates, nextToolCallId });
            const usageMetadata = objectField(body, 'usageMetadata');
            if (usageMetadata)
                usage = mapGeminiUsage(usageMetadata);
        }
    }
    catch (error) {
        failure = options.mapTransportError(error);
    }
    const unfinished = nextToolCallId === undefined || [...candidates.values()].some((state) => !state.finished);
    if (!failure && unfinished) {
        failure = new GatewayError('SY_ERR_UPSTREAM_PROTOCOL', `Provider "${provider}" ended the stream before the answer finished.`, {
            provider,
        });
    }
    if (usage)
        yield { type: 'usage', usage };
    if (failure)
        yield { type: 'error', error: failure };
}
function* chunkEvents(body, state) {
    const list = arrayField(body, 'candidates');
    const blockReason = stringField(objectField(body, 'promptFeedback'), 'blockReason');
    if (list.length === 0 && blockReason !== undefined && !state.candidates.has(0)) {
        state.candidates.set(0, { toolCalls: 0, finished: true });
        yield { type: 'finish', choice: 0, finishReason: blockedPromptFinishReason(blockReason) };
        return;
    }
    for (const [position, candidate] of list.entries()) {
        const read = readGeminiCandidate(candidate, { position, nextToolCallId: state.nextToolCallId });
        const choice = read.index;
        const current = state.candidates.get(choice) ?? { toolCalls: 0, finished: false };
        state.candidates.set(choice, current);
        for (const text of read.texts)
            yield { type: 'text-delta', choice, text };
        for (const call of read.toolCalls) {
            const index = current.toolCalls;
            current.toolCalls += 1;
            yield { type: 'tool-call-start', choice, index, id: call.id, name: call.name };
            yield { type: 'tool-call-delta', choice, index, argumentsDelta: call.arguments };
        }
        if (read.finishReason !== undefined && !current.finished) {
            current.finished = true;
            yield { type: 'finish', choice, finishReason: mapGeminiFinishReason(read.finishReason, { hasToolCalls: current.toolCalls > 0 }) };
        }
    }
}
//# sourceMappingURL=gemini-stream-transform.js.map