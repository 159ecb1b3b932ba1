/** POST /v1/messages in the document: the Anthropic protocol's request, answer, stream and errors. */
import { createMessagesStreamRenderer } from '../anthropic/codec/messages-stream-renderer.js';
import { renderMessage } from '../anthropic/codec/render-message.js';
import { SAMPLE_FAILED_STREAM, SAMPLE_REQUEST_ID, SAMPLE_TEXT_RESPONSE, SAMPLE_TEXT_STREAM, SAMPLE_TOOL_RESPONSE, SAMPLE_TOOL_STREAM, renderStreamText } from './canonical-samples.js';
import { ANSWER_HEADERS, KEY_SECURITY, ROUTING_PARAMETERS } from './components.js';
import { errorResponses } from './errors.js';
import { MESSAGES_SSE_EVENTS } from './anthropic-messages-response.js';
import { ref } from './openapi-types.js';
const STREAM_DESCRIPTION = `With \`"stream": true\` the answer is \`text/event-stream\`; each frame is \`event: <name>\`, \`data: <JSON>\` and a blank line, in this order:

1. \`message_start\` (the message with empty content), then \`ping\`;
2. for each content block: \`content_block_start\`, \`content_block_delta\`s (\`text_delta\` or \`input_json_delta\`), \`content_block_stop\`;
3. \`message_delta\` with the \`stop_reason\` and the final usage;
4. \`message_stop\`.

A failure after the first byte arrives as an \`error\` event, and the stream ends there (the SDK raises it). Nothing is retried once bytes were sent. On a pass-through to Anthropic the upstream's events are relayed as they came (thinking deltas included).`;
const model = { model: 'claude' };
const weatherTool = {
    name: 'get_weather',
    description: 'Current weather in a city.',
    input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};
function streamText(events) {
    return renderStreamText(createMessagesStreamRenderer({ model: 'claude', requestId: SAMPLE_REQUEST_ID }), events);
}
export const MESSAGES_OPERATION = {
    operationId: 'createMessage',
    summary: 'Create a message (Anthropic protocol)',
    description: `The Anthropic Messages API, routed to any provider. Passed through (only \`model\` rewritten, \`anthropic-version\` and \`anthropic-beta\` forwarded) when the deployment speaks Anthropic; translated otherwise, in which case Anthropic-only features (documents, server tools, file sources) get a 400 naming them. Errors use Anthropic's shape.\n\n${STREAM_DESCRIPTION}`,
    tags: ['Anthropic'],
    security: KEY_SECURITY,
    parameters: [ref('parameters', 'RequestId'), ref('parameters', 'AnthropicVersion'), ref('parameters', 'AnthropicBeta'), ...ROUTING_PARAMETERS],
    requestBody: {
        required: true,
        content: {
            'application/json': {
                schema: ref('schemas', 'MessagesRequest'),
                examples: {
                    basic: { summary: 'A question', value: { ...model, max_tokens: 1024, system: 'Be brief.', messages: [{ role: 'user', content: 'Hello!' }] } },
                    streaming: { summary: 'Streamed', value: { ...model, max_tokens: 1024, stream: true, messages: [{ role: 'user', content: 'Hello!' }] } },
                    tools: { summary: 'With a tool', value: { ...model, max_tokens: 1024, tools: [weatherTool], messages: [{ role: 'user', content: 'Weather in Paris?' }] } },
                },
            },
        },
    },
    responses: {
        '200': {
            description: 'The message: one JSON object, or a stream of server-sent events when `stream` is true.',
            headers: ANSWER_HEADERS,
            content: {
                'application/json': {
                    schema: ref('schemas', 'Message'),
                    examples: {
                        text: { summary: 'A text answer', value: renderMessage(SAMPLE_TEXT_RESPONSE, model) },
                        tools: { summary: 'A tool call', value: renderMessage(SAMPLE_TOOL_RESPONSE, model) },
                    },
                },
                'text/event-stream': {
                    schema: { type: 'string', contentMediaType: 'text/event-stream', description: STREAM_DESCRIPTION },
                    'x-sse-events': MESSAGES_SSE_EVENTS,
                    examples: {
                        text: { summary: 'Text', value: streamText(SAMPLE_TEXT_STREAM) },
                        tools: { summary: 'A tool call', value: streamText(SAMPLE_TOOL_STREAM) },
                        failed: { summary: 'A failure mid-stream', value: streamText(SAMPLE_FAILED_STREAM) },
                    },
                },
            },
        },
        ...errorResponses('anthropic'),
    },
};
//# sourceMappingURL=anthropic-messages.js.map