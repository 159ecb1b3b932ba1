/**
 * Renders canonical stream events as an Anthropic Messages SSE stream: message_start, ping,
 * content blocks (start, deltas, stop) one after another, then message_delta and message_stop.
 * Only choice 0 is rendered: the Messages API has a single choice.
 * https://docs.anthropic.com/en/docs/build-with-claude/streaming#event-types
 */
import { emptyUsage } from '../../../core/index.js';
import { mapStopReason } from './map-stop-reason.js';
import { toMessageId } from './message-id.js';
import { anthropicErrorType } from './render-error.js';
import { renderUsage } from './render-usage.js';
function frame(event, data) {
    return `event: ${event}\ndata: ${JSON.stringify({ type: event, ...data })}\n\n`;
}
export function createMessagesStreamRenderer(options) {
    let started = false;
    let ended = false;
    let openBlock = null;
    let nextBlockIndex = 0;
    /** Canonical tool-call index → content block index. */
    const toolBlocks = new Map();
    let finishReason = null;
    let usage = null;
    function start(id) {
        if (started)
            return '';
        started = true;
        const known = usage === null ? null : renderUsage(usage);
        const message = {
            id: toMessageId(id),
            type: 'message',
            role: 'assistant',
            model: options.model,
            content: [],
            stop_reason: null,
            stop_sequence: null,
            usage: {
                input_tokens: known?.input_tokens ?? 0,
                output_tokens: 0,
                cache_creation_input_tokens: known?.cache_creation_input_tokens ?? 0,
                cache_read_input_tokens: known?.cache_read_input_tokens ?? 0,
            },
        };
        // The real API sends a ping right after message_start; clients are used to ignoring it.
        return frame('message_start', { message }) + frame('ping', {});
    }
    function closeBlock() {
        if (openBlock === null)
            return '';
        const { index } = openBlock;
        openBlock = null;
        return frame('content_block_stop', { index });
    }
    function openNewBlock(kind, contentBlock) {
        const closed = closeBlock();
        openBlock = { index: nextBlockIndex, kind };
        nextBlockIndex += 1;
        return closed + frame('content_block_start', { index: openBlock.index, content_block: contentBlock });
    }
    function renderText(text) {
        let out = start(options.requestId);
        if (openBlock?.kind !== 'text')
            out += openNewBlock('text', { type: 'text', text: '' });
        const index = openBlock?.index ?? 0;
        return out + frame('content_block_delta', { index, delta: { type: 'text_delta', text } });
    }
    function renderToolStart(event) {
        const out = start(options.requestId) + openNewBlock('tool_use', { type: 'tool_use', id: event.id, name: event.name, input: {} });
        toolBlocks.set(event.index, openBlock?.index ?? 0);
        return out;
    }
    function renderToolDelta(event) {
        const index = toolBlocks.get(event.index);
        // A delta for a call that never started has no block to go to.
        if (index === undefined)
            return '';
        // Upstreams stream calls one after another, so the block is the open one; if an upstream
        // interleaved calls, the delta still names its own block, which the SDK accumulates by index.
        return frame('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: event.argumentsDelta } });
    }
    function render(event) {
        if (ended)
            return '';
        switch (event.type) {
            case 'start':
                return start(event.id);
            case 'text-delta':
                return event.choice === 0 && event.text !== '' ? renderText(event.text) : '';
            case 'tool-call-start':
                return event.choice === 0 ? renderToolStart(event) : '';
            case 'tool-call-delta':
                return event.choice === 0 && event.argumentsDelta !== '' ? renderToolDelta(event) : '';
            case 'finish':
                if (event.choice === 0)
                    finishReason = event.finishReason;
                return '';
            case 'usage':
                usage = event.usage;
                return '';
            case 'error':
                // The stream ends here: no block is closed and no message_stop follows, as with the real
                // API, whose SDK throws on this event. https://docs.anthropic.com/en/api/messages-streaming#error-events
                ended = true;
                return frame('error', { error: { type: anthropicErrorType(event.error.status), message: event.error.message } });
        }
    }
    function end() {
        if (ended)
            return '';
        let out = start(options.requestId) + closeBlock();
        ended = true;
        const stopReason = mapStopReason({ finishReason, hasToolCalls: toolBlocks.size > 0 });
        const final = renderUsage(usage ?? emptyUsage());
        out += frame('message_delta', {
            delta: { stop_reason: stopReason, stop_sequence: null },
            usage: {
                output_tokens: final.output_tokens,
                input_tokens: final.input_tokens,
                cache_read_input_tokens: final.cache_read_input_tokens,
                cache_creation_input_tokens: final.cache_creation_input_tokens,
            },
        });
        return out + frame('message_stop', {});
    }
    return { render, end };
}
//# sourceMappingURL=messages-stream-renderer.js.map