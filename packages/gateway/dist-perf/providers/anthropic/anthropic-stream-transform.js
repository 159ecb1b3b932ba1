/**
 * An Anthropic Messages stream (named SSE events) to canonical StreamEvents.
 * https://docs.anthropic.com/en/docs/build-with-claude/streaming
 *
 * message_start carries the id, model and input usage; each content block is opened, filled by
 * deltas (text_delta, input_json_delta) and closed; message_delta carries the stop reason and the
 * cumulative usage; message_stop ends it. `ping` is ignored; `event: error` (e.g. overloaded_error)
 * ends the stream with one `error` event, and so does a transport failure or a stream that stops
 * before message_stop.
 */
import { GatewayError } from '../../core/index.js';
import { parseJsonSafe, transportError } from '../shared/http.js';
import { parseSse } from '../shared/sse.js';
import { applyUsage, emptyCounters, toUsage } from './anthropic-usage.js';
import { anthropicInBandError } from './anthropic-errors.js';
import { isRecord, numberField, recordField, stringField } from '../shared/json-fields.js';
import { mapAnthropicStopReason } from './map-anthropic-stop-reason.js';
export async function* anthropicStreamEvents(options) {
    const { provider } = options;
    const state = { started: false, stopped: false, counters: emptyCounters(), toolIndexByBlock: new Map() };
    try {
        for await (const sse of parseSse(options.body)) {
            if (sse.data.length === 0 || sse.event === 'ping')
                continue;
            const data = parseJsonSafe(sse.data);
            if (sse.event === 'error' || (isRecord(data) && data.type === 'error')) {
                yield { type: 'error', error: anthropicInBandError(data, provider) };
                return;
            }
            if (!isRecord(data)) {
                yield { type: 'error', error: protocolError(provider, 'sent an invalid stream event') };
                return;
            }
            yield* eventsOf(data, state, options);
        }
    }
    catch (error) {
        yield { type: 'error', error: transportError(error, { provider, clientSignal: options.signal }) };
        return;
    }
    if (!state.stopped)
        yield { type: 'error', error: protocolError(provider, 'ended the stream before message_stop') };
}
function* eventsOf(data, state, options) {
    const type = stringField(data, 'type');
    if (type === 'message_start') {
        const message = recordField(data, 'message') ?? {};
        const usage = recordField(message, 'usage');
        if (usage !== undefined)
            applyUsage(state.counters, usage);
        yield* start(state, options, message);
        return;
    }
    yield* start(state, options, {});
    const index = numberField(data, 'index') ?? 0;
    if (type === 'content_block_start') {
        const block = recordField(data, 'content_block') ?? {};
        const blockType = stringField(block, 'type');
        if (blockType === 'text') {
            const text = stringField(block, 'text');
            if (text)
                yield { type: 'text-delta', choice: 0, text };
        }
        else if (blockType === 'tool_use') {
            const toolIndex = state.toolIndexByBlock.size;
            state.toolIndexByBlock.set(index, toolIndex);
            yield { type: 'tool-call-start', choice: 0, index: toolIndex, id: stringField(block, 'id') ?? '', name: stringField(block, 'name') ?? '' };
            // The API opens a tool_use block with `input: {}` and streams the JSON; some proxies send it whole.
            const input = recordField(block, 'input');
            if (input !== undefined && Object.keys(input).length > 0) {
                yield { type: 'tool-call-delta', choice: 0, index: toolIndex, argumentsDelta: JSON.stringify(input) };
            }
        }
    }
    else if (type === 'content_block_delta') {
        const delta = recordField(data, 'delta') ?? {};
        const deltaType = stringField(delta, 'type');
        const text = stringField(delta, 'text');
        const partialJson = stringField(delta, 'partial_json');
        const toolIndex = state.toolIndexByBlock.get(index);
        if (deltaType === 'text_delta' && text)
            yield { type: 'text-delta', choice: 0, text };
        if (deltaType === 'input_json_delta' && partialJson && toolIndex !== undefined) {
            yield { type: 'tool-call-delta', choice: 0, index: toolIndex, argumentsDelta: partialJson };
        }
    }
    else if (type === 'message_delta') {
        const delta = recordField(data, 'delta') ?? {};
        yield { type: 'finish', choice: 0, finishReason: mapAnthropicStopReason(stringField(delta, 'stop_reason')) };
        const usage = recordField(data, 'usage');
        if (usage !== undefined)
            applyUsage(state.counters, usage);
        yield { type: 'usage', usage: toUsage(state.counters) };
    }
    else if (type === 'message_stop') {
        state.stopped = true;
    }
}
function* start(state, options, message) {
    if (state.started)
        return;
    state.started = true;
    yield {
        type: 'start',
        id: stringField(message, 'id') ?? options.fallbackId,
        model: stringField(message, 'model') ?? options.fallbackModel,
        created: Math.floor(Date.now() / 1000),
    };
}
function protocolError(provider, what) {
    return new GatewayError('SY_ERR_UPSTREAM_PROTOCOL', `Provider "${provider}" ${what}.`, { provider });
}
//# sourceMappingURL=anthropic-stream-transform.js.map