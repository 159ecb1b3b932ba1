/**
 * Translates the `system` and `messages` of a validated Anthropic request into canonical messages.
 * Anthropic carries tool results as blocks inside a user turn; the canonical form (OpenAI's) has
 * one `tool` message per result, placed right after the assistant turn that made the calls. So a
 * user turn with tool_result blocks becomes its tool messages, in block order, and then a user
 * message with whatever else the turn held. Anthropic requires the results to come first in
 * the turn anyway (https://docs.anthropic.com/en/docs/agents-and-tools/tool-use/implement-tool-use).
 */
import { throwUntranslatable, unsupported } from './unsupported.js';
export function convertMessages(request, report = throwUntranslatable) {
    const converted = [];
    const system = convertSystem(request.system);
    if (system.length > 0)
        converted.push({ role: 'system', content: system });
    request.messages.forEach((message, index) => {
        const context = { messageIndex: index, report };
        converted.push(...(message.role === 'user' ? convertUser(message, context) : [convertAssistant(message, context)]));
    });
    return converted;
}
function convertSystem(system) {
    if (system === undefined || system === null)
        return [];
    // cache_control is an Anthropic prompt-caching hint; other protocols cache on their own.
    if (typeof system === 'string')
        return system === '' ? [] : [{ type: 'text', text: system }];
    return system.map((block) => ({ type: 'text', text: block.text }));
}
function convertUser(message, context) {
    if (typeof message.content === 'string')
        return [{ role: 'user', content: [{ type: 'text', text: message.content }] }];
    const toolMessages = [];
    const rest = [];
    message.content.forEach((block, blockIndex) => {
        const param = `messages.${context.messageIndex}.content.${blockIndex}`;
        if (block.type === 'tool_result')
            toolMessages.push(convertToolResult(block, { param, report: context.report }));
        else if (!isThinking(block))
            rest.push(...convertPart(block, { param, report: context.report }));
    });
    return rest.length > 0 ? [...toolMessages, { role: 'user', content: rest }] : toolMessages;
}
function convertAssistant(message, context) {
    if (typeof message.content === 'string') {
        return { role: 'assistant', content: [{ type: 'text', text: message.content }], toolCalls: [] };
    }
    const content = [];
    const toolCalls = [];
    message.content.forEach((block, blockIndex) => {
        const param = `messages.${context.messageIndex}.content.${blockIndex}`;
        if (block.type === 'text')
            content.push({ type: 'text', text: block.text });
        else if (block.type === 'tool_use')
            toolCalls.push({ id: block.id, name: block.name, arguments: JSON.stringify(block.input) });
        else if (!isThinking(block))
            context.report(unsupportedBlock(block, param));
    });
    return { role: 'assistant', content, toolCalls };
}
/**
 * Thinking blocks are dropped rather than rejected: clients (the SDK's tool loops, Claude Code)
 * send back the assistant turn exactly as they received it, thinking included, and the signature
 * that makes a thinking block meaningful is only verifiable by Anthropic. Other protocols have no
 * place for it, and the model does not need its earlier reasoning to continue.
 */
function isThinking(block) {
    return block.type === 'thinking' || block.type === 'redacted_thinking';
}
function convertToolResult(block, options) {
    const content = block.content ?? [];
    const parts = typeof content === 'string'
        ? [{ type: 'text', text: content }]
        : content.flatMap((part, index) => convertPart(part, { ...options, param: `${options.param}.content.${index}` }));
    const converted = { role: 'tool', toolCallId: block.tool_use_id, content: parts };
    if (block.is_error === true)
        converted.isError = true;
    return converted;
}
/** A text or image block as a canonical part; anything else is reported and left out. */
function convertPart(block, options) {
    if (block.type === 'text')
        return [{ type: 'text', text: block.text }];
    const source = block.type === 'image' ? convertImageSource(block.source) : null;
    if (source !== null)
        return [{ type: 'image', source }];
    options.report(block.type === 'image'
        ? unsupported({ param: `${options.param}.source.type`, what: `An image with a '${block.source.type}' source` })
        : unsupportedBlock(block, options.param));
    return [];
}
/** null for a Files API reference, which only Anthropic can resolve. */
function convertImageSource(source) {
    if (source.type === 'base64')
        return { kind: 'base64', mediaType: source.media_type, data: source.data };
    if (source.type === 'url')
        return { kind: 'url', url: source.url };
    return null;
}
function unsupportedBlock(block, param) {
    const type = block.type === 'other' ? block.blockType : block.type;
    return unsupported({ param: `${param}.type`, what: `A '${type}' content block` });
}
//# sourceMappingURL=convert-messages.js.map