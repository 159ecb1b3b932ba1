/** POST /v1/chat/completions in the document: request, JSON answer, stream frames and errors. */
import { createChatStreamRenderer } from '../openai/codec/chat-stream-renderer.js';
import { renderChatCompletion } from '../openai/codec/render-chat-completion.js';
import { SAMPLE_FAILED_STREAM, SAMPLE_REQUEST_ID, SAMPLE_TEXT_RESPONSE, SAMPLE_TEXT_STREAM, SAMPLE_TOOL_RESPONSE, SAMPLE_TOOL_STREAM, renderStreamText } from './canonical-samples.js';
import { ANSWER_HEADERS, KEY_SECURITY, ROUTING_PARAMETERS } from './components.js';
import { errorResponses } from './errors.js';
import { ref } from './openapi-types.js';
const STREAM_DESCRIPTION = `With \`"stream": true\` the answer is \`text/event-stream\`. Each frame is one line \`data: <JSON>\` and a blank line:

1. a \`chat.completion.chunk\` with \`delta: {"role": "assistant", "content": ""}\` opens each choice;
2. chunks with \`delta.content\` (text) or \`delta.tool_calls\` (a call's id and name first, then pieces of its arguments) follow;
3. a chunk with an empty delta and \`finish_reason\` closes each choice;
4. only with \`stream_options.include_usage\`: one chunk with \`choices: []\` and \`usage\` (every earlier chunk has \`usage: null\`);
5. \`data: [DONE]\` ends the stream.

A failure after the first byte cannot change the status (already 200): it arrives as one \`data: {"error": {…}}\` frame, and the stream ends without \`[DONE]\`. The official SDKs raise it as an error. Nothing is retried once bytes were sent.`;
const SSE_EVENTS = [
    { event: null, description: 'A chunk of the answer.', data: ref('schemas', 'ChatCompletionChunk') },
    { event: null, description: 'A failure mid-stream; the last frame.', data: ref('schemas', 'OpenAIStreamError') },
    { event: null, description: 'The end of a successful stream: the literal text `[DONE]`.', data: { const: '[DONE]' } },
];
const model = { model: 'gpt-4o' };
const weatherTool = {
    type: 'function',
    function: {
        name: 'get_weather',
        description: 'Current weather in a city.',
        parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
    },
};
function streamText(events, includeUsage) {
    return renderStreamText(createChatStreamRenderer({ model: 'gpt-4o', includeUsage, requestId: SAMPLE_REQUEST_ID }), events);
}
export const CHAT_COMPLETIONS_OPERATION = {
    operationId: 'createChatCompletion',
    summary: 'Create a chat completion (OpenAI protocol)',
    description: `Sends a conversation to the model group named by \`model\`. The gateway picks a deployment: when it speaks the OpenAI protocol the body is passed through (only \`model\` rewritten) and the upstream's answer relayed as it came; otherwise the request is translated (Anthropic, Gemini, simulator) and the answer rendered in OpenAI's shape. Retries and fallbacks happen only before the first byte is sent.\n\n${STREAM_DESCRIPTION}`,
    tags: ['OpenAI'],
    security: KEY_SECURITY,
    parameters: [ref('parameters', 'RequestId'), ...ROUTING_PARAMETERS],
    requestBody: {
        required: true,
        content: {
            'application/json': {
                schema: ref('schemas', 'ChatCompletionRequest'),
                examples: {
                    basic: { summary: 'A question', value: { ...model, messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hello!' }] } },
                    streaming: { summary: 'Streamed, with usage', value: { ...model, stream: true, stream_options: { include_usage: true }, messages: [{ role: 'user', content: 'Hello!' }] } },
                    tools: { summary: 'With a tool', value: { ...model, tools: [weatherTool], messages: [{ role: 'user', content: 'Weather in Paris?' }] } },
                    image: {
                        summary: 'With an image',
                        value: { ...model, messages: [{ role: 'user', content: [{ type: 'text', text: 'What is this?' }, { type: 'image_url', image_url: { url: 'https://example.com/cat.png' } }] }] },
                    },
                },
            },
        },
    },
    responses: {
        '200': {
            description: 'The completion: one JSON object, or a stream of server-sent events when `stream` is true.',
            headers: ANSWER_HEADERS,
            content: {
                'application/json': {
                    schema: ref('schemas', 'ChatCompletion'),
                    examples: {
                        text: { summary: 'A text answer', value: renderChatCompletion(SAMPLE_TEXT_RESPONSE, model) },
                        tools: { summary: 'A tool call', value: renderChatCompletion(SAMPLE_TOOL_RESPONSE, model) },
                    },
                },
                'text/event-stream': {
                    schema: { type: 'string', contentMediaType: 'text/event-stream', description: STREAM_DESCRIPTION },
                    'x-sse-events': SSE_EVENTS,
                    examples: {
                        text: { summary: 'Text, with include_usage', value: streamText(SAMPLE_TEXT_STREAM, true) },
                        tools: { summary: 'A tool call, without include_usage', value: streamText(SAMPLE_TOOL_STREAM, false) },
                        failed: { summary: 'A failure mid-stream', value: streamText(SAMPLE_FAILED_STREAM, false) },
                    },
                },
            },
        },
        ...errorResponses('openai'),
    },
};
//# sourceMappingURL=openai-chat.js.map