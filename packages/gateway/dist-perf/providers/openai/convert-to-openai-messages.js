/**
 * Canonical messages to OpenAI chat messages. Text-only content goes as a plain string, which
 * every OpenAI-compatible server accepts; images become `image_url` parts (base64 as a data: URL).
 * https://platform.openai.com/docs/api-reference/chat/create#chat-create-messages
 */
export function convertToOpenAIMessages(messages) {
    return messages.map((message) => {
        switch (message.role) {
            case 'system':
                return { role: 'system', content: joinText(message.content) };
            case 'user': {
                const converted = { role: 'user', content: convertUserContent(message.content) };
                if (message.name !== undefined)
                    converted.name = message.name;
                return converted;
            }
            case 'assistant': {
                const text = joinText(message.content);
                if (message.toolCalls.length === 0)
                    return { role: 'assistant', content: text };
                return {
                    role: 'assistant',
                    // OpenAI sends null content beside tool calls; we do the same when there is no text.
                    content: text.length > 0 ? text : null,
                    tool_calls: message.toolCalls.map((call) => ({
                        id: call.id,
                        type: 'function',
                        function: { name: call.name, arguments: call.arguments },
                    })),
                };
            }
            case 'tool':
                // Tool messages carry text only in the OpenAI protocol; other parts cannot be sent.
                return { role: 'tool', tool_call_id: message.toolCallId, content: joinText(textParts(message.content)) };
        }
    });
}
function convertUserContent(parts) {
    if (parts.every((part) => part.type === 'text') && parts.length <= 1)
        return joinText(textParts(parts));
    return parts.map((part) => {
        if (part.type === 'text')
            return { type: 'text', text: part.text };
        const { source } = part;
        if (source.kind === 'base64') {
            return { type: 'image_url', image_url: { url: `data:${source.mediaType};base64,${source.data}` } };
        }
        return {
            type: 'image_url',
            image_url: source.detail === undefined ? { url: source.url } : { url: source.url, detail: source.detail },
        };
    });
}
function textParts(parts) {
    return parts.filter((part) => part.type === 'text');
}
function joinText(parts) {
    return parts.map((part) => part.text).join('\n');
}
//# sourceMappingURL=convert-to-openai-messages.js.map