/**
 * Canonical messages to Gemini `contents` and `systemInstruction`
 * (https://ai.google.dev/gemini-api/docs/function-calling#multi-turn). Gemini knows two roles,
 * `user` and `model`: system messages move to `systemInstruction`, tool results become
 * `functionResponse` parts of a user turn (named after the call they answer, since Gemini pairs
 * them by name), and consecutive turns of one role are merged.
 */
import { GatewayError } from '../../core/index.js';
import { convertGeminiImage } from './convert-gemini-image.js';
import { SKIP_THOUGHT_SIGNATURE, thoughtSignatureOf } from './gemini-tool-call-id.js';
import { isObject } from './json-value.js';
export function convertToGeminiContents(messages, options) {
    const toolNames = new Map();
    const system = [];
    const contents = [];
    const push = (content) => {
        if (content.parts.length === 0)
            return;
        const last = contents[contents.length - 1];
        if (last && last.role === content.role)
            last.parts.push(...content.parts);
        else
            contents.push(content);
    };
    messages.forEach((message, index) => {
        switch (message.role) {
            case 'system': {
                const text = message.content.map((part) => part.text).join('\n');
                if (text.length > 0)
                    system.push({ text });
                return;
            }
            case 'user':
                push({ role: 'user', parts: message.content.map(convertContentPart) });
                return;
            case 'assistant':
                for (const call of message.toolCalls)
                    toolNames.set(call.id, call.name);
                push({ role: 'model', parts: convertAssistant(message, { index, ...options }) });
                return;
            case 'tool':
                push({ role: 'user', parts: convertToolResult(message, { index, toolNames }) });
                return;
        }
    });
    return system.length > 0 ? { contents, systemInstruction: { parts: system } } : { contents };
}
function convertContentPart(part) {
    return part.type === 'text' ? { text: part.text } : convertGeminiImage(part.source);
}
function convertAssistant(message, options) {
    const parts = message.content.filter((part) => part.text.length > 0).map((part) => ({ text: part.text }));
    const signed = message.toolCalls.some((call) => thoughtSignatureOf(call.id) !== undefined);
    const calls = message.toolCalls.map((call, callIndex) => {
        const functionCall = { name: call.name, args: parseArguments(call.arguments, options.index) };
        // Only the first call of a parallel set carries a signature; the sentinel stands in for a lost one.
        const sentinel = !signed && callIndex === 0 && options.requireThoughtSignatures ? SKIP_THOUGHT_SIGNATURE : undefined;
        const thoughtSignature = thoughtSignatureOf(call.id) ?? sentinel;
        return thoughtSignature === undefined ? { functionCall } : { functionCall, thoughtSignature };
    });
    return [...parts, ...calls];
}
function parseArguments(text, index) {
    if (text.trim().length === 0)
        return {};
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        value = undefined;
    }
    if (!isObject(value)) {
        throw new GatewayError('SY_ERR_INVALID_REQUEST', `messages[${index}] has a tool call whose arguments are not a JSON object; Gemini needs an object.`, { param: `messages[${index}].tool_calls` });
    }
    return value;
}
function convertToolResult(message, options) {
    const name = options.toolNames.get(message.toolCallId);
    if (name === undefined) {
        throw new GatewayError('SY_ERR_INVALID_REQUEST', `messages[${options.index}] answers tool call "${message.toolCallId}", which no earlier assistant message made.`, { param: `messages[${options.index}].tool_call_id` });
    }
    const text = message.content.flatMap((part) => (part.type === 'text' ? [part.text] : [])).join('');
    const images = message.content.flatMap((part) => (part.type === 'image' ? [convertGeminiImage(part.source)] : []));
    return [{ functionResponse: { name, response: toolResponse(text, message.isError === true) } }, ...images];
}
/**
 * Gemini wants an object as a function's response; "output" and "error" are the documented keys,
 * and any other object is taken as the output as a whole
 * (https://ai.google.dev/api/caching#FunctionResponse).
 */
function toolResponse(text, isError) {
    if (isError)
        return { error: text };
    try {
        const value = JSON.parse(text);
        if (isObject(value))
            return value;
    }
    catch {
        // Not JSON: sent as text below.
    }
    return { result: text };
}
//# sourceMappingURL=convert-to-gemini-contents.js.map