/**
 * Schemas of the Anthropic Messages request body, hand-written after the zod schemas the route
 * validates with (src/server/anthropic/codec/request-schema.ts, content-block-schema.ts,
 * tool-schema.ts). Unknown fields and block types pass: they reach an Anthropic upstream on a
 * pass-through, and are refused by name (400) only when the request must be translated.
 * https://docs.anthropic.com/en/api/messages
 */
import { JSON_SCHEMA_OBJECT, integer, nullable, number, object, string } from './components.js';
import { ref } from './openapi-types.js';
const cacheControl = nullable(object({ type: { type: 'string', examples: ['ephemeral'] } }, ['type'], { description: 'Prompt-cache breakpoint (honoured by Anthropic upstreams).' }));
const imageSource = {
    oneOf: [
        object({ type: { const: 'base64' }, media_type: { type: 'string', enum: ['image/jpeg', 'image/png', 'image/gif', 'image/webp'] }, data: { type: 'string', minLength: 1 } }, ['type', 'media_type', 'data']),
        object({ type: { const: 'url' }, url: { type: 'string', minLength: 1 } }, ['type', 'url']),
        object({ type: { const: 'file' }, file_id: string('Files API id; only an Anthropic upstream can resolve it.', { minLength: 1 }) }, ['type', 'file_id']),
    ],
};
const textBlock = object({ type: { const: 'text' }, text: { type: 'string' }, cache_control: cacheControl }, ['type', 'text'], { title: 'text' });
const imageBlock = object({ type: { const: 'image' }, source: imageSource, cache_control: cacheControl }, ['type', 'source'], { title: 'image' });
const otherBlock = object({ type: string('Any other block type (document, search_result, server tool blocks, …).', { minLength: 1 }) }, ['type'], { title: 'other', description: 'Kept for a pass-through to Anthropic; a translated request refuses it with a 400 naming the type.' });
export const ANTHROPIC_REQUEST_SCHEMAS = {
    MessagesRequest: object({
        model: string('A model group name from GET /v1/models.', { minLength: 1, examples: ['claude'] }),
        max_tokens: integer('Most tokens to generate. Required, as by the real API.', { minimum: 1 }),
        messages: { type: 'array', minItems: 1, items: ref('schemas', 'MessageParam'), description: 'Alternating user and assistant turns.' },
        system: nullable({ description: 'The system prompt.', oneOf: [{ type: 'string' }, { type: 'array', items: textBlock }] }),
        tools: nullable({ type: 'array', items: ref('schemas', 'AnthropicTool') }),
        tool_choice: nullable(ref('schemas', 'AnthropicToolChoice')),
        stop_sequences: nullable({ type: 'array', items: { type: 'string' } }),
        temperature: nullable(number('Sampling temperature.', { minimum: 0, maximum: 1 })),
        top_p: nullable(number('Nucleus sampling mass.', { minimum: 0, maximum: 1 })),
        top_k: nullable(integer('Sample only from the top K tokens.', { minimum: 0 })),
        metadata: nullable(object({ user_id: nullable({ type: 'string' }) })),
        stream: nullable({ type: 'boolean', description: 'Answer as server-sent events (`text/event-stream`).', default: false }),
    }, ['model', 'max_tokens', 'messages'], { description: 'Optional fields also accept null. Unknown fields (`thinking`, `service_tier`, …) are forwarded on a pass-through to Anthropic.' }),
    MessageParam: object({
        role: { type: 'string', enum: ['user', 'assistant'] },
        content: { description: 'A string, or content blocks.', oneOf: [{ type: 'string' }, { type: 'array', items: ref('schemas', 'ContentBlockParam') }] },
    }, ['role', 'content']),
    ContentBlockParam: {
        description: '`tool_use` blocks belong in assistant turns, `tool_result` blocks in user turns.',
        oneOf: [
            textBlock,
            imageBlock,
            object({ type: { const: 'tool_use' }, id: { type: 'string', minLength: 1 }, name: { type: 'string', minLength: 1 }, input: { type: 'object' }, cache_control: cacheControl }, ['type', 'id', 'name', 'input'], { title: 'tool_use' }),
            object({
                type: { const: 'tool_result' },
                tool_use_id: { type: 'string', minLength: 1 },
                content: nullable({ oneOf: [{ type: 'string' }, { type: 'array', items: { oneOf: [textBlock, imageBlock] } }] }),
                is_error: nullable({ type: 'boolean' }),
                cache_control: cacheControl,
            }, ['type', 'tool_use_id'], { title: 'tool_result' }),
            object({ type: { const: 'thinking' }, thinking: { type: 'string' }, signature: { type: 'string' } }, ['type', 'thinking', 'signature'], { title: 'thinking' }),
            object({ type: { const: 'redacted_thinking' }, data: { type: 'string' } }, ['type', 'data'], { title: 'redacted_thinking' }),
            otherBlock,
        ],
    },
    AnthropicTool: {
        description: 'A custom tool, or a server tool named by its versioned `type` (web_search_20250305, …; pass-through only).',
        oneOf: [
            object({
                type: nullable({ const: 'custom' }),
                name: { type: 'string', minLength: 1 },
                description: nullable({ type: 'string' }),
                input_schema: JSON_SCHEMA_OBJECT,
                cache_control: cacheControl,
            }, ['name', 'input_schema'], { title: 'custom' }),
            object({ type: string('A server tool type.', { examples: ['web_search_20250305'] }), name: { type: 'string' } }, ['type'], { title: 'server tool' }),
        ],
    },
    AnthropicToolChoice: {
        oneOf: [
            object({ type: { const: 'auto' }, disable_parallel_tool_use: nullable({ type: 'boolean' }) }, ['type']),
            object({ type: { const: 'any' }, disable_parallel_tool_use: nullable({ type: 'boolean' }) }, ['type']),
            object({ type: { const: 'tool' }, name: { type: 'string', minLength: 1 }, disable_parallel_tool_use: nullable({ type: 'boolean' }) }, ['type', 'name']),
            object({ type: { const: 'none' } }, ['type']),
        ],
    },
};
//# sourceMappingURL=anthropic-messages-request.js.map