/**
 * What every multi-model endpoint accepts for one chat: a `prompt` or OpenAI-style `messages`,
 * with optional `maxTokens` and `temperature`; its zod fields (strict, each message naming the
 * field), and its conversion to the canonical ChatRequest through the OpenAI codec, so messages
 * are validated exactly as on /v1/chat/completions.
 */
import { z } from 'zod';
import { GatewayError } from '../../core/index.js';
import { parseChatCompletionRequest } from '../openai/codec/index.js';
import { formatPath, invalidRequest } from '../openai/codec/validation.js';
/** The message of every issue of one field: "expected …". */
export function expecting(what) {
    return { error: `expected ${what}` };
}
/** A strict object: an unknown field is a 400 that names it and lists the accepted ones. */
export function strictBody(shape) {
    const accepted = Object.keys(shape).map((name) => `'${name}'`).join(', ');
    return z.strictObject(shape, {
        error: (issue) => issue.code === 'unrecognized_keys'
            ? `unknown field ${issue.keys.map((key) => `'${key}'`).join(', ')}; the accepted fields are ${accepted}`
            : 'expected a JSON object',
    });
}
export const chatInputFields = {
    prompt: z.string(expecting('a non-empty string')).min(1, expecting('a non-empty string')).optional(),
    messages: z.array(z.unknown(), expecting('an array of OpenAI-style chat messages')).min(1, expecting('at least one message')).optional(),
    maxTokens: z.number(expecting('a positive integer')).int(expecting('a positive integer')).positive(expecting('a positive integer')).optional(),
    temperature: z.number(expecting('a number between 0 and 2')).min(0, expecting('a number between 0 and 2')).max(2, expecting('a number between 0 and 2')).optional(),
};
/**
 * The canonical request for `model`. `path` is where the input sits in the body (`['requests', 2]`)
 * so that a fault deep in a message is named in full (`requests[2].messages[0].content`).
 */
export function toChatRequest(options) {
    const { input, model } = options;
    const path = options.path ?? [];
    if (input.prompt !== undefined && input.messages !== undefined) {
        throw invalidRequest([...path, 'prompt'], "send either 'prompt' or 'messages', not both");
    }
    if (input.prompt === undefined && input.messages === undefined) {
        throw invalidRequest([...path, 'prompt'], "required: send 'prompt' (a string) or 'messages' (OpenAI-style chat messages)");
    }
    const messages = input.messages ?? [{ role: 'user', content: input.prompt }];
    let chat;
    try {
        chat = parseChatCompletionRequest({ model, messages });
    }
    catch (error) {
        throw withPathPrefix(error, path);
    }
    if (input.maxTokens !== undefined)
        chat.maxTokens = input.maxTokens;
    if (input.temperature !== undefined)
        chat.temperature = input.temperature;
    return chat;
}
/** The codec's error with its field named from the body's root (`messages[0]` → `requests[2].messages[0]`). */
function withPathPrefix(error, path) {
    if (!(error instanceof GatewayError) || error.param === undefined || path.length === 0)
        return error;
    const param = `${formatPath(path)}.${error.param}`;
    return new GatewayError(error.code, error.message.replace(error.param, param), { param, status: error.status, cause: error });
}
//# sourceMappingURL=chat-input.js.map