/**
 * The zod schema of OpenAI's chat completions request, for the fields the gateway maps.
 * Unknown fields pass (they are relayed untouched on pass-through); every optional field also
 * accepts null, as OpenAI's own API does. Each schema's message says what was expected, and the
 * validation module prefixes it with the field path.
 * https://platform.openai.com/docs/api-reference/chat/create
 */
import { z } from 'zod';
/** The message of every issue of one field: "expected …". */
function expecting(what) {
    return { error: `expected ${what}` };
}
const NAME_PATTERN = /^[a-zA-Z0-9_-]{1,64}$/;
const NAME_RULE = 'a name of 1 to 64 letters, digits, underscores or dashes';
const nonEmptyString = (what) => z.string(expecting(what)).min(1, expecting(what));
const optionalString = z.string(expecting('a string')).nullish();
const textPart = z.object({ type: z.literal('text'), text: z.string(expecting('a string')) });
const refusalPart = z.object({ type: z.literal('refusal'), refusal: z.string(expecting('a string')) });
const imageUrlPart = z.object({
    type: z.literal('image_url'),
    image_url: z.object({
        url: nonEmptyString('an http(s) URL or a base64 data: URL'),
        detail: z.enum(['auto', 'low', 'high'], expecting("one of 'auto', 'low' or 'high'")).nullish(),
    }, expecting('an object with a url')),
});
/** Accepted by shape so the conversion can say clearly that they are unsupported. */
const inputAudioPart = z.object({ type: z.literal('input_audio') });
const filePart = z.object({ type: z.literal('file') });
/**
 * The error of a discriminated union: a value that is not an object gets "expected <object>", an
 * object whose discriminator matches no option gets "expected <values>" (on the discriminator's path).
 */
function discriminatorError(object, values) {
    return { error: (issue) => (issue.code === 'invalid_type' ? `expected ${object}` : `expected ${values}`) };
}
const userPart = z.discriminatedUnion('type', [textPart, imageUrlPart, inputAudioPart, filePart], discriminatorError('a content part object', "'text' or 'image_url'"));
const textOnlyPart = z.discriminatedUnion('type', [textPart], discriminatorError('a content part object', "'text'"));
const assistantPart = z.discriminatedUnion('type', [textPart, refusalPart], discriminatorError('a content part object', "'text' or 'refusal'"));
/** Message content: a string, or a non-empty array of the given parts. */
function contentOf(part, arrayOf) {
    return z.union([z.string(), z.array(part, expecting(`an array of ${arrayOf}`)).min(1, expecting(`a non-empty array of ${arrayOf}`))], expecting(`a string or an array of ${arrayOf}`));
}
const userContent = contentOf(userPart, 'content parts');
const textContent = contentOf(textOnlyPart, 'text content parts');
const toolCall = z.object({
    id: nonEmptyString('a non-empty string'),
    type: z.literal('function', expecting("'function'")),
    function: z.object({ name: nonEmptyString('a non-empty string'), arguments: z.string(expecting('a string of JSON text')) }, expecting('an object with name and arguments')),
}, expecting('a tool call object'));
const systemMessage = z.object({ role: z.literal('system'), content: textContent, name: optionalString });
const developerMessage = z.object({ role: z.literal('developer'), content: textContent, name: optionalString });
const userMessage = z.object({ role: z.literal('user'), content: userContent, name: optionalString });
const assistantMessage = z.object({
    role: z.literal('assistant'),
    content: contentOf(assistantPart, 'text content parts').nullish(),
    tool_calls: z.array(toolCall, expecting('an array of tool calls')).nullish(),
    name: optionalString,
    /** Legacy function calling; rejected by the conversion when set. */
    function_call: z.unknown().optional(),
});
const toolMessage = z.object({
    role: z.literal('tool'),
    tool_call_id: nonEmptyString('a non-empty string'),
    content: textContent,
});
/** The legacy `function` role, accepted by shape so the conversion can reject it clearly. */
const functionMessage = z.object({ role: z.literal('function') });
export const chatMessageSchema = z.discriminatedUnion('role', [systemMessage, developerMessage, userMessage, assistantMessage, toolMessage, functionMessage], discriminatorError('a message object', "'system', 'developer', 'user', 'assistant' or 'tool'"));
const toolDefinition = z.object({
    type: z.literal('function', expecting("'function' (the only tool type supported)")),
    function: z.object({
        name: z.string(expecting(NAME_RULE)).regex(NAME_PATTERN, expecting(NAME_RULE)),
        description: optionalString,
        parameters: z.record(z.string(), z.unknown(), expecting('a JSON Schema object')).nullish(),
        strict: z.boolean(expecting('a boolean')).nullish(),
    }, expecting('an object with a name')),
}, expecting('a tool object'));
const TOOL_CHOICE_RULE = `'auto', 'none', 'required' or {"type": "function", "function": {"name": …}}`;
const toolChoice = z.union([
    z.enum(['auto', 'none', 'required'], expecting(TOOL_CHOICE_RULE)),
    z.object({
        type: z.literal('function', expecting("'function'")),
        function: z.object({ name: nonEmptyString('a non-empty string') }, expecting('an object with a name')),
    }, expecting(TOOL_CHOICE_RULE)),
], expecting(TOOL_CHOICE_RULE));
const responseFormat = z.discriminatedUnion('type', [
    z.object({ type: z.literal('text') }),
    z.object({ type: z.literal('json_object') }),
    z.object({
        type: z.literal('json_schema'),
        json_schema: z.object({
            name: z.string(expecting(NAME_RULE)).regex(NAME_PATTERN, expecting(NAME_RULE)),
            description: optionalString,
            schema: z.record(z.string(), z.unknown(), expecting('a JSON Schema object')).nullish(),
            strict: z.boolean(expecting('a boolean')).nullish(),
        }, expecting('an object with a name and a schema')),
    }),
], discriminatorError("an object with type 'text', 'json_object' or 'json_schema'", "'text', 'json_object' or 'json_schema'"));
const positiveInteger = z.number(expecting('a positive integer')).int(expecting('a positive integer')).positive(expecting('a positive integer'));
const numberBetween = (min, max) => z.number(expecting(`a number between ${min} and ${max}`))
    .min(min, expecting(`a number between ${min} and ${max}`))
    .max(max, expecting(`a number between ${min} and ${max}`));
const STOP_RULE = 'a string or an array of up to 4 strings';
export const chatCompletionRequestSchema = z.object({
    model: nonEmptyString('a non-empty string (the model name)'),
    messages: z.array(chatMessageSchema, expecting('a non-empty array of messages')).min(1, expecting('a non-empty array of messages')),
    tools: z.array(toolDefinition, expecting('an array of tools')).nullish(),
    tool_choice: toolChoice.nullish(),
    parallel_tool_calls: z.boolean(expecting('a boolean')).nullish(),
    response_format: responseFormat.nullish(),
    max_tokens: positiveInteger.nullish(),
    max_completion_tokens: positiveInteger.nullish(),
    temperature: numberBetween(0, 2).nullish(),
    top_p: numberBetween(0, 1).nullish(),
    stop: z.union([z.string(), z.array(z.string(expecting('a string')), expecting(STOP_RULE)).max(4, expecting(STOP_RULE))], expecting(STOP_RULE)).nullish(),
    n: z.number(expecting('an integer between 1 and 128')).int(expecting('an integer between 1 and 128')).min(1, expecting('an integer between 1 and 128')).max(128, expecting('an integer between 1 and 128')).nullish(),
    seed: z.number(expecting('an integer')).int(expecting('an integer')).nullish(),
    presence_penalty: numberBetween(-2, 2).nullish(),
    frequency_penalty: numberBetween(-2, 2).nullish(),
    user: optionalString,
    stream: z.boolean(expecting('a boolean')).nullish(),
    stream_options: z.object({ include_usage: z.boolean(expecting('a boolean')).nullish() }, expecting('an object')).nullish(),
    metadata: z.record(z.string(), z.string(expecting('a string value')), expecting('an object of string keys to string values')).nullish(),
});
//# sourceMappingURL=chat-request-schema.js.map