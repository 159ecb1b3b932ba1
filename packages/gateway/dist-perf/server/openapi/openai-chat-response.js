/**
 * Schemas of what POST /v1/chat/completions answers: the `chat.completion` object, and the
 * `chat.completion.chunk` frames of a stream, after render-chat-completion.ts and
 * chat-stream-renderer.ts. On a pass-through the upstream's own object is relayed, which may
 * carry more fields. https://platform.openai.com/docs/api-reference/chat/object
 */
import { integer, nullable, object, string } from './components.js';
import { ref } from './openapi-types.js';
const FINISH_REASONS = ['stop', 'length', 'tool_calls', 'content_filter'];
const toolCallDelta = object({
    index: integer('Which tool call of the choice this fragment belongs to.'),
    id: string('Sent with the first fragment of a call.'),
    type: { const: 'function' },
    function: object({ name: string('Sent with the first fragment.'), arguments: string('The next piece of the arguments JSON text.') }),
}, ['index']);
export const OPENAI_CHAT_RESPONSE_SCHEMAS = {
    OpenAIUsage: object({
        prompt_tokens: integer('Input tokens, cached ones included.'),
        completion_tokens: integer('Output tokens.'),
        total_tokens: integer('prompt_tokens + completion_tokens.'),
        prompt_tokens_details: object({ cached_tokens: integer('Input tokens read from the prompt cache.') }),
        completion_tokens_details: object({ reasoning_tokens: integer('Output tokens spent on reasoning.') }),
    }, ['prompt_tokens', 'completion_tokens', 'total_tokens']),
    ChatCompletion: object({
        id: string('The completion id.'),
        object: { const: 'chat.completion' },
        created: integer('Unix seconds.'),
        model: string('The model name you sent (not the upstream\'s).'),
        choices: {
            type: 'array',
            items: object({
                index: { type: 'integer' },
                message: object({
                    role: { const: 'assistant' },
                    content: nullable(string('The text; null when the model only called tools.')),
                    refusal: nullable({ type: 'string' }),
                    tool_calls: { type: 'array', items: ref('schemas', 'ChatToolCall') },
                    annotations: { type: 'array', items: { type: 'object' } },
                }, ['role', 'content']),
                logprobs: { type: 'null' },
                finish_reason: string('Why generation stopped.', { enum: FINISH_REASONS }),
            }, ['index', 'message', 'finish_reason']),
        },
        usage: ref('schemas', 'OpenAIUsage'),
        system_fingerprint: nullable({ type: 'string' }),
    }, ['id', 'object', 'created', 'model', 'choices']),
    ChatCompletionChunk: object({
        id: string('The same id on every chunk of a stream.'),
        object: { const: 'chat.completion.chunk' },
        created: integer('Unix seconds; the same on every chunk.'),
        model: string('The model name you sent.'),
        system_fingerprint: nullable({ type: 'string' }),
        choices: {
            type: 'array',
            description: 'One entry per choice that changed; empty on the final usage chunk.',
            items: object({
                index: { type: 'integer' },
                delta: object({
                    role: { const: 'assistant', description: 'Only on the first chunk of a choice.' },
                    content: nullable(string('The next piece of text.')),
                    refusal: nullable({ type: 'string' }),
                    tool_calls: { type: 'array', items: toolCallDelta },
                }),
                logprobs: { type: 'null' },
                finish_reason: nullable(string('Set on the last chunk of the choice.', { enum: FINISH_REASONS })),
            }, ['index', 'delta']),
        },
        usage: nullable({ ...ref('schemas', 'OpenAIUsage'), description: 'Only with stream_options.include_usage: null on every chunk but the final one.' }),
    }, ['id', 'object', 'created', 'model', 'choices']),
    OpenAIStreamError: object({ error: object({ message: { type: 'string' }, type: { type: 'string' }, param: { type: 'null' }, code: nullable({ type: 'string' }) }, ['message', 'type']) }, ['error'], { description: 'A failure after the stream began: sent as one data frame, after which the stream ends without [DONE].' }),
};
//# sourceMappingURL=openai-chat-response.js.map