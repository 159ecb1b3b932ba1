/**
 * An OpenAI chat completion stream (SSE of `chat.completion.chunk`s) to canonical StreamEvents.
 * https://platform.openai.com/docs/api-reference/chat-streaming
 *
 * A usage-only chunk (`choices: []`) comes before `data: [DONE]` when include_usage was asked;
 * Azure sends a `choices: []` chunk with prompt_filter_results and an empty id first; a failure
 * after the headers arrives as `data: {"error":{…}}`. Transport failures end the stream with one
 * `error` event.
 */
import { GatewayError } from '../../core/index.js';
import { parseJsonSafe, transportError } from '../shared/http.js';
import { parseSse } from '../shared/sse.js';
import { isRecord, numberField, recordField, recordsField, stringField } from '../shared/json-fields.js';
import { mapOpenAIFinishReason } from './map-openai-finish-reason.js';
import { isOpenAIErrorChunk, openaiInBandError } from './openai-errors.js';
import { parseOpenAIUsage } from './parse-openai-usage.js';
export async function* openaiStreamEvents(options) {
    const { provider } = options;
    const state = { started: false, toolCalls: new Set() };
    try {
        for await (const sse of parseSse(options.body)) {
            if (sse.data.length === 0)
                continue;
            if (sse.data === '[DONE]')
                return;
            const chunk = parseJsonSafe(sse.data);
            if (isOpenAIErrorChunk(chunk)) {
                yield { type: 'error', error: openaiInBandError(chunk, provider) };
                return;
            }
            if (!isRecord(chunk)) {
                const error = new GatewayError('SY_ERR_UPSTREAM_PROTOCOL', `Provider "${provider}" sent an invalid stream chunk.`, {
                    provider,
                });
                yield { type: 'error', error };
                return;
            }
            yield* chunkEvents(chunk, state, options);
        }
    }
    catch (error) {
        yield { type: 'error', error: transportError(error, { provider, clientSignal: options.signal }) };
    }
}
function* chunkEvents(chunk, state, options) {
    const choices = recordsField(chunk, 'choices');
    const id = stringField(chunk, 'id');
    // Azure's leading prompt-filter chunk has an empty id and model and no choices: skip it for start.
    if (!state.started && (choices.length > 0 || id)) {
        state.started = true;
        yield {
            type: 'start',
            id: id || options.fallbackId,
            model: stringField(chunk, 'model') || options.fallbackModel,
            created: numberField(chunk, 'created') ?? Math.floor(Date.now() / 1000),
        };
    }
    for (const choice of choices) {
        const choiceIndex = numberField(choice, 'index') ?? 0;
        const delta = recordField(choice, 'delta') ?? {};
        const text = stringField(delta, 'content');
        if (text)
            yield { type: 'text-delta', choice: choiceIndex, text };
        for (const [position, call] of recordsField(delta, 'tool_calls').entries()) {
            const index = numberField(call, 'index') ?? position;
            const target = recordField(call, 'function') ?? {};
            const key = `${choiceIndex}:${index}`;
            const callId = stringField(call, 'id');
            const name = stringField(target, 'name');
            if (!state.toolCalls.has(key) && (callId || name)) {
                state.toolCalls.add(key);
                yield { type: 'tool-call-start', choice: choiceIndex, index, id: callId ?? '', name: name ?? '' };
            }
            const argumentsDelta = stringField(target, 'arguments');
            if (argumentsDelta)
                yield { type: 'tool-call-delta', choice: choiceIndex, index, argumentsDelta };
        }
        if (typeof choice.finish_reason === 'string') {
            yield { type: 'finish', choice: choiceIndex, finishReason: mapOpenAIFinishReason(choice.finish_reason) };
        }
    }
    const usage = parseOpenAIUsage(chunk.usage);
    if (usage !== null)
        yield { type: 'usage', usage };
}
//# sourceMappingURL=openai-stream-transform.js.map