/**
 * Schemas of the OpenAI chat completions request body, hand-written after the zod schema the
 * route validates with (src/server/openai/codec/chat-request-schema.ts). Fields not listed pass:
 * they are relayed untouched when the model's deployment speaks OpenAI.
 * https://platform.openai.com/docs/api-reference/chat/create
 */
import { JSON_SCHEMA_OBJECT, integer, nullable, number, object, string } from './components.js';
import { ref } from './openapi-types.js';
const NAME = string('1–64 letters, digits, underscores or dashes.', { pattern: '^[a-zA-Z0-9_-]{1,64}$' });
const textPart = object({ type: { const: 'text' }, text: { type: 'string' } }, ['type', 'text'], { title: 'Text part' });
const imagePart = object({
    type: { const: 'image_url' },
    image_url: object({
        url: string('An http(s) URL or a base64 `data:` URL.', { minLength: 1 }),
        detail: nullable(string('How closely the model looks at the image.', { enum: ['auto', 'low', 'high'] })),
    }, ['url']),
}, ['type', 'image_url'], { title: 'Image part' });
const refusalPart = object({ type: { const: 'refusal' }, refusal: { type: 'string' } }, ['type', 'refusal'], { title: 'Refusal part' });
/** A string, or a non-empty array of the given parts. */
function content(part, description) {
    return { description, oneOf: [{ type: 'string' }, { type: 'array', items: part, minItems: 1 }] };
}
const textContent = content(textPart, 'The text, as a string or an array of text parts.');
export const OPENAI_CHAT_REQUEST_SCHEMAS = {
    ChatCompletionRequest: object({
        model: string('A model group name from GET /v1/models.', { minLength: 1, examples: ['gpt-4o'] }),
        messages: { type: 'array', minItems: 1, items: ref('schemas', 'ChatMessage'), description: 'The conversation so far.' },
        tools: nullable({ type: 'array', items: ref('schemas', 'ChatTool'), description: 'Functions the model may call.' }),
        tool_choice: nullable(ref('schemas', 'ChatToolChoice')),
        parallel_tool_calls: nullable({ type: 'boolean', description: 'Whether the model may call several tools in one turn.' }),
        response_format: nullable(ref('schemas', 'ChatResponseFormat')),
        max_tokens: nullable(integer('Most tokens to generate (legacy name).', { minimum: 1 })),
        max_completion_tokens: nullable(integer('Most tokens to generate.', { minimum: 1 })),
        temperature: nullable(number('Sampling temperature.', { minimum: 0, maximum: 2 })),
        top_p: nullable(number('Nucleus sampling mass.', { minimum: 0, maximum: 1 })),
        stop: nullable({ description: 'Up to 4 sequences where generation stops.', oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' }, maxItems: 4 }] }),
        n: nullable(integer('How many choices to generate.', { minimum: 1, maximum: 128 })),
        seed: nullable(integer('Seed for best-effort deterministic sampling.')),
        presence_penalty: nullable(number('Penalty for tokens already present.', { minimum: -2, maximum: 2 })),
        frequency_penalty: nullable(number('Penalty by token frequency.', { minimum: -2, maximum: 2 })),
        user: nullable(string('Your id for the end user.')),
        stream: nullable({ type: 'boolean', description: 'Answer as server-sent events (`text/event-stream`) instead of one JSON object.', default: false }),
        stream_options: nullable(object({ include_usage: nullable({ type: 'boolean', description: 'Send a final chunk with `choices: []` and the usage.' }) })),
        metadata: nullable({ type: 'object', additionalProperties: { type: 'string' }, description: 'String keys to string values.' }),
    }, ['model', 'messages'], { description: 'Every optional field also accepts null. Unknown fields are relayed on an OpenAI pass-through and ignored when translated.' }),
    ChatMessage: {
        description: 'One message of the conversation, by role. (The legacy `function` role is refused with a 400.)',
        oneOf: [
            ref('schemas', 'ChatSystemMessage'),
            ref('schemas', 'ChatDeveloperMessage'),
            ref('schemas', 'ChatUserMessage'),
            ref('schemas', 'ChatAssistantMessage'),
            ref('schemas', 'ChatToolMessage'),
        ],
        discriminator: {
            propertyName: 'role',
            mapping: {
                system: '#/components/schemas/ChatSystemMessage',
                developer: '#/components/schemas/ChatDeveloperMessage',
                user: '#/components/schemas/ChatUserMessage',
                assistant: '#/components/schemas/ChatAssistantMessage',
                tool: '#/components/schemas/ChatToolMessage',
            },
        },
    },
    ChatSystemMessage: object({ role: { const: 'system' }, content: textContent, name: nullable({ type: 'string' }) }, ['role', 'content']),
    ChatDeveloperMessage: object({ role: { const: 'developer' }, content: textContent, name: nullable({ type: 'string' }) }, ['role', 'content']),
    ChatUserMessage: object({
        role: { const: 'user' },
        content: content({ oneOf: [textPart, imagePart] }, 'A string, or an array of text and image parts. (Audio and file parts are refused with a 400.)'),
        name: nullable({ type: 'string' }),
    }, ['role', 'content']),
    ChatAssistantMessage: object({
        role: { const: 'assistant' },
        content: nullable(content({ oneOf: [textPart, refusalPart] }, 'What the assistant said; null when it only called tools.')),
        tool_calls: nullable({ type: 'array', items: ref('schemas', 'ChatToolCall') }),
        name: nullable({ type: 'string' }),
    }, ['role']),
    ChatToolMessage: object({ role: { const: 'tool' }, tool_call_id: string('The id of the tool call this answers.', { minLength: 1 }), content: textContent }, ['role', 'tool_call_id', 'content']),
    ChatToolCall: object({
        id: string('The call id, to be named by the tool message that answers it.', { minLength: 1 }),
        type: { const: 'function' },
        function: object({ name: { type: 'string', minLength: 1 }, arguments: string('The arguments as JSON text.') }, ['name', 'arguments']),
    }, ['id', 'type', 'function']),
    ChatTool: object({
        type: { const: 'function', description: 'The only tool type supported.' },
        function: object({
            name: NAME,
            description: nullable({ type: 'string' }),
            parameters: nullable(JSON_SCHEMA_OBJECT),
            strict: nullable({ type: 'boolean' }),
        }, ['name']),
    }, ['type', 'function']),
    ChatToolChoice: {
        description: 'Whether and which tool the model must call.',
        oneOf: [
            { type: 'string', enum: ['auto', 'none', 'required'] },
            object({ type: { const: 'function' }, function: object({ name: { type: 'string', minLength: 1 } }, ['name']) }, ['type', 'function']),
        ],
    },
    ChatResponseFormat: {
        description: 'Plain text, any JSON object, or JSON following a schema.',
        oneOf: [
            object({ type: { const: 'text' } }, ['type']),
            object({ type: { const: 'json_object' } }, ['type']),
            object({
                type: { const: 'json_schema' },
                json_schema: object({ name: NAME, description: nullable({ type: 'string' }), schema: nullable(JSON_SCHEMA_OBJECT), strict: nullable({ type: 'boolean' }) }, ['name']),
            }, ['type', 'json_schema']),
        ],
    },
};
//# sourceMappingURL=openai-chat-request.js.map