/**
 * Schemas of what POST /v1/messages answers: the `message` object (render-message.ts) and the
 * events of a stream (messages-stream-renderer.ts). On a pass-through to Anthropic the upstream's
 * own objects and events are relayed, which may carry more (thinking blocks, server tool use).
 * https://docs.anthropic.com/en/api/messages, https://docs.anthropic.com/en/docs/build-with-claude/streaming
 */
import { integer, nullable, object, string } from './components.js';
import { ref } from './openapi-types.js';
const STOP_REASONS = ['end_turn', 'max_tokens', 'stop_sequence', 'tool_use', 'refusal'];
const textBlock = object({ type: { const: 'text' }, text: { type: 'string' } }, ['type', 'text'], { title: 'text' });
const toolUseBlock = object({ type: { const: 'tool_use' }, id: string('The call id; answer it with a tool_result naming it.'), name: { type: 'string' }, input: { type: 'object' } }, ['type', 'id', 'name', 'input'], { title: 'tool_use' });
/** A stream event's data: `type` repeats the event name. */
function event(name, properties, required, description) {
    return object({ type: { const: name }, ...properties }, ['type', ...required], { description });
}
const index = integer('The content block index.');
export const ANTHROPIC_RESPONSE_SCHEMAS = {
    AnthropicUsage: object({
        input_tokens: integer('Input tokens neither read from nor written to the prompt cache.'),
        output_tokens: integer('Output tokens.'),
        cache_creation_input_tokens: integer('Input tokens written to the prompt cache.'),
        cache_read_input_tokens: integer('Input tokens read from the prompt cache.'),
    }, ['input_tokens', 'output_tokens']),
    Message: object({
        id: string('The message id (`msg_…`).'),
        type: { const: 'message' },
        role: { const: 'assistant' },
        model: string('The model name you sent.'),
        content: { type: 'array', items: { oneOf: [textBlock, toolUseBlock] } },
        stop_reason: nullable(string('Why generation stopped; null only in message_start.', { enum: STOP_REASONS })),
        stop_sequence: nullable({ type: 'string' }),
        usage: ref('schemas', 'AnthropicUsage'),
    }, ['id', 'type', 'role', 'model', 'content', 'stop_reason', 'stop_sequence', 'usage']),
    MessageStartEvent: event('message_start', { message: ref('schemas', 'Message') }, ['message'], 'First: the message with empty content and the input usage known so far.'),
    PingEvent: event('ping', {}, [], 'Keep-alive; ignore it.'),
    ContentBlockStartEvent: event('content_block_start', { index, content_block: { oneOf: [textBlock, toolUseBlock], description: 'Empty text, or a tool_use with `input: {}`.' } }, ['index', 'content_block'], 'A content block opens.'),
    ContentBlockDeltaEvent: event('content_block_delta', {
        index,
        delta: {
            oneOf: [
                object({ type: { const: 'text_delta' }, text: { type: 'string' } }, ['type', 'text']),
                object({ type: { const: 'input_json_delta' }, partial_json: string("The next piece of the tool's input JSON text.") }, ['type', 'partial_json']),
            ],
        },
    }, ['index', 'delta'], 'The next piece of the open block.'),
    ContentBlockStopEvent: event('content_block_stop', { index }, ['index'], 'The block is complete.'),
    MessageDeltaEvent: event('message_delta', {
        delta: object({ stop_reason: nullable({ type: 'string', enum: STOP_REASONS }), stop_sequence: nullable({ type: 'string' }) }, ['stop_reason']),
        usage: object({
            output_tokens: integer('Output tokens so far (cumulative).'),
            input_tokens: integer('Final input usage; the gateway sends it when it translated, Anthropic may not.'),
            cache_creation_input_tokens: { type: 'integer' },
            cache_read_input_tokens: { type: 'integer' },
        }, ['output_tokens']),
    }, ['delta', 'usage'], 'Top-level changes: the stop reason and the final usage.'),
    MessageStopEvent: event('message_stop', {}, [], 'Last event of a successful stream.'),
    MessageStreamErrorEvent: event('error', { error: object({ type: string('As in AnthropicError.'), message: { type: 'string' } }, ['type', 'message']) }, ['error'], 'A failure after the stream began; the stream ends here, without closing blocks or message_stop.'),
};
export const MESSAGES_SSE_EVENTS = [
    ['message_start', 'MessageStartEvent'],
    ['ping', 'PingEvent'],
    ['content_block_start', 'ContentBlockStartEvent'],
    ['content_block_delta', 'ContentBlockDeltaEvent'],
    ['content_block_stop', 'ContentBlockStopEvent'],
    ['message_delta', 'MessageDeltaEvent'],
    ['message_stop', 'MessageStopEvent'],
    ['error', 'MessageStreamErrorEvent'],
].map(([name, schema]) => ({ event: name, description: ANTHROPIC_RESPONSE_SCHEMAS[schema].description ?? '', data: ref('schemas', schema) }));
//# sourceMappingURL=anthropic-messages-response.js.map