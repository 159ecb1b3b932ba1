/**
 * Canonical answers (the gateway's own types) that the document's examples are rendered from,
 * through the same renderers the routes use, so an example always looks like a real answer.
 */
import { GatewayError } from '../../core/index.js';
export const SAMPLE_REQUEST_ID = 'req_3f9a1c0d5e7b2a4c6d8e0f12';
const CREATED = 1_767_225_600;
const USAGE = { promptTokens: 12, completionTokens: 9, cachedTokens: 0, cacheWriteTokens: 0, estimated: false };
export const SAMPLE_TEXT_RESPONSE = {
    id: 'chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG',
    model: 'gpt-4o-2024-08-06',
    created: CREATED,
    choices: [{ index: 0, content: 'Hello! How can I help you today?', toolCalls: [], finishReason: { unified: 'stop', raw: 'stop' } }],
    usage: USAGE,
};
export const SAMPLE_TOOL_RESPONSE = {
    ...SAMPLE_TEXT_RESPONSE,
    choices: [
        {
            index: 0,
            content: null,
            toolCalls: [{ id: 'call_abc123', name: 'get_weather', arguments: '{"city":"Paris"}' }],
            finishReason: { unified: 'tool_calls', raw: 'tool_calls' },
        },
    ],
    usage: { ...USAGE, promptTokens: 61, completionTokens: 15 },
};
const START = { type: 'start', id: 'chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG', model: 'gpt-4o-2024-08-06', created: CREATED };
export const SAMPLE_TEXT_STREAM = [
    START,
    { type: 'text-delta', choice: 0, text: 'Hello' },
    { type: 'text-delta', choice: 0, text: '! How can I help?' },
    { type: 'finish', choice: 0, finishReason: { unified: 'stop', raw: 'stop' } },
    { type: 'usage', usage: USAGE },
];
export const SAMPLE_TOOL_STREAM = [
    START,
    { type: 'tool-call-start', choice: 0, index: 0, id: 'call_abc123', name: 'get_weather' },
    { type: 'tool-call-delta', choice: 0, index: 0, argumentsDelta: '{"city":' },
    { type: 'tool-call-delta', choice: 0, index: 0, argumentsDelta: '"Paris"}' },
    { type: 'finish', choice: 0, finishReason: { unified: 'tool_calls', raw: 'tool_calls' } },
    { type: 'usage', usage: { ...USAGE, promptTokens: 61, completionTokens: 15 } },
];
/** A stream the upstream broke off after the first words: the failure arrives in-band. */
export const SAMPLE_FAILED_STREAM = [
    START,
    { type: 'text-delta', choice: 0, text: 'Hello' },
    { type: 'error', error: new GatewayError('SY_ERR_UPSTREAM_SERVER', 'Provider "openai" failed mid-stream: connection reset.', { provider: 'openai' }) },
];
export const SAMPLE_EMBEDDINGS = {
    model: 'text-embedding-3-small',
    embeddings: [[0.0023064255, -0.009327292, 0.015797347, -0.0077780345]],
    usage: { promptTokens: 5, estimated: false },
};
/** Renders events with a renderer of either protocol into the SSE text a client would receive. */
export function renderStreamText(renderer, events) {
    return events.map((event) => renderer.render(event)).join('') + renderer.end();
}
//# sourceMappingURL=canonical-samples.js.map