/**
 * OpenAI chat messages (already shape-checked by the schema) to canonical messages: `developer`
 * becomes `system`, string content becomes one text part, image URLs become ImageSources, and
 * features the canonical model cannot carry are rejected here with the field that holds them.
 */
import { parseImageUrl } from './image-url.js';
import { invalidRequest } from './validation.js';
export function convertChatMessages(messages) {
    return messages.map((message, index) => convertMessage(message, ['messages', index]));
}
function convertMessage(message, path) {
    switch (message.role) {
        case 'system':
        case 'developer':
            return { role: 'system', content: textParts(message.content) };
        case 'user': {
            const content = userParts(message.content, [...path, 'content']);
            return message.name ? { role: 'user', content, name: message.name } : { role: 'user', content };
        }
        case 'assistant':
            return convertAssistant(message, path);
        case 'tool':
            return { role: 'tool', toolCallId: message.tool_call_id, content: textParts(message.content) };
        case 'function':
            throw invalidRequest([...path, 'role'], "the legacy 'function' role is not supported; send tool results as role 'tool' with a tool_call_id", 'SY_ERR_UNSUPPORTED_OPERATION');
    }
}
function convertAssistant(message, path) {
    if (message.function_call !== undefined && message.function_call !== null) {
        throw invalidRequest([...path, 'function_call'], 'legacy function_call is not supported; use tool_calls', 'SY_ERR_UNSUPPORTED_OPERATION');
    }
    const toolCalls = (message.tool_calls ?? []).map((call) => ({
        id: call.id,
        name: call.function.name,
        arguments: call.function.arguments,
    }));
    const content = assistantParts(message.content ?? null);
    if (content.length === 0 && toolCalls.length === 0 && (message.content === undefined || message.content === null)) {
        throw invalidRequest([...path, 'content'], 'expected a string or text parts (content may be null only with tool_calls)');
    }
    return { role: 'assistant', content, toolCalls };
}
function textParts(content) {
    if (typeof content === 'string')
        return [{ type: 'text', text: content }];
    return content.map((part) => ({ type: 'text', text: part.text }));
}
/** An assistant's empty string is how SDKs write "no text" beside tool calls: it becomes no part. */
function assistantParts(content) {
    if (content === null || content === '')
        return [];
    if (typeof content === 'string')
        return [{ type: 'text', text: content }];
    return content.map((part) => ({ type: 'text', text: part.type === 'text' ? part.text : part.refusal }));
}
function userParts(content, path) {
    if (typeof content === 'string')
        return [{ type: 'text', text: content }];
    return content.map((part, index) => {
        const partPath = [...path, index];
        switch (part.type) {
            case 'text':
                return { type: 'text', text: part.text };
            case 'image_url':
                return {
                    type: 'image',
                    source: parseImageUrl({ url: part.image_url.url, detail: part.image_url.detail, path: [...partPath, 'image_url', 'url'] }),
                };
            case 'input_audio':
            case 'file':
                throw invalidRequest([...partPath, 'type'], `content parts of type '${part.type}' are not supported by this gateway; send text or image_url parts`, 'SY_ERR_UNSUPPORTED_OPERATION');
        }
    });
}
//# sourceMappingURL=convert-chat-messages.js.map