/**
 * Canonical stream events to OpenAI's `chat.completion.chunk` server-sent events, in the order and
 * shape the official SDKs accumulate: a role chunk opens each choice, deltas follow, a chunk with an
 * empty delta carries finish_reason, then (only when the client asked with
 * stream_options.include_usage) one chunk with `choices: []` and the usage, then `data: [DONE]`.
 * A mid-stream failure becomes an in-band `{"error": …}` frame, which the SDKs throw on.
 * https://platform.openai.com/docs/api-reference/chat-streaming/streaming
 */
import { emptyUsage } from '../../../core/index.js';
import { mapFinishReason } from './map-finish-reason.js';
import { renderOpenAIError } from './render-openai-error.js';
import { renderUsage } from './render-usage.js';
const DONE = 'data: [DONE]\n\n';
export function createChatStreamRenderer(options) {
    let identity;
    const opened = new Set();
    const finished = new Set();
    let usage;
    let closed = false;
    /** Fixed by the first event (the start event's when there is one), then stable for the stream. */
    function streamIdentity(start) {
        identity ??= start?.id
            ? { id: start.id, created: start.created }
            : { id: `chatcmpl-${options.requestId}`, created: Math.floor(Date.now() / 1000) };
        return identity;
    }
    function frame(choices, finalUsage) {
        const { id, created } = streamIdentity();
        const chunk = {
            id,
            object: 'chat.completion.chunk',
            created,
            model: options.model,
            system_fingerprint: null,
            choices,
        };
        // OpenAI sends `usage: null` on every chunk but the last when include_usage is on, and no key otherwise.
        if (options.includeUsage)
            chunk.usage = finalUsage === undefined ? null : renderUsage(finalUsage);
        return `data: ${JSON.stringify(chunk)}\n\n`;
    }
    function choiceFrame(index, delta, finishReason = null) {
        return frame([{ index, delta, logprobs: null, finish_reason: finishReason }]);
    }
    /** The role chunk that opens a choice, once; '' when the choice is already open. */
    function open(index) {
        if (opened.has(index))
            return '';
        opened.add(index);
        return choiceFrame(index, { role: 'assistant', content: '' });
    }
    function render(event) {
        if (closed)
            return '';
        switch (event.type) {
            case 'start':
                streamIdentity(event);
                return open(0);
            case 'usage':
                usage = event.usage;
                return '';
            case 'error':
                closed = true;
                return `data: ${JSON.stringify({ error: { ...renderOpenAIError(event.error).body.error, param: null } })}\n\n`;
            default:
                return finished.has(event.choice) ? '' : open(event.choice) + renderChoiceEvent(event);
        }
    }
    function renderChoiceEvent(event) {
        switch (event.type) {
            case 'text-delta':
                return event.text === '' ? '' : choiceFrame(event.choice, { content: event.text });
            case 'tool-call-start':
                return choiceFrame(event.choice, {
                    tool_calls: [{ index: event.index, id: event.id, type: 'function', function: { name: event.name, arguments: '' } }],
                });
            case 'tool-call-delta':
                if (event.argumentsDelta === '')
                    return '';
                return choiceFrame(event.choice, { tool_calls: [{ index: event.index, function: { arguments: event.argumentsDelta } }] });
            case 'finish':
                finished.add(event.choice);
                return choiceFrame(event.choice, {}, mapFinishReason(event.finishReason));
        }
    }
    function end(fallbackUsage) {
        if (closed)
            return '';
        closed = true;
        // The SDKs' accumulators require every choice to have a role and a finish_reason.
        let text = opened.size === 0 ? open(0) : '';
        for (const index of [...opened].sort((left, right) => left - right)) {
            if (!finished.has(index))
                text += choiceFrame(index, {}, 'stop');
        }
        if (options.includeUsage)
            text += frame([], usage ?? fallbackUsage ?? emptyUsage());
        return text + DONE;
    }
    return { render, end };
}
//# sourceMappingURL=chat-stream-renderer.js.map