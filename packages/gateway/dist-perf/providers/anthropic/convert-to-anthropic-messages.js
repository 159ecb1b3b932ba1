/**
 * Canonical messages to Anthropic's top-level `system` plus alternating `messages`.
 *
 * - System messages, wherever they appear, go to the top-level `system`: the Messages API takes no
 *   "system" role in `messages` (https://docs.anthropic.com/en/api/messages).
 * - Tool messages become `tool_result` blocks in a user turn, and consecutive same-role turns are
 *   merged, so the results of one assistant turn's calls land in ONE user message right after it,
 *   ahead of any text: Anthropic rejects a `tool_use` whose `tool_result` is not in the next message,
 *   and tool results placed after text
 *   (https://docs.anthropic.com/en/docs/agents-and-tools/tool-use/implement-tool-use).
 * - Tool call ids are made safe for Anthropic's id pattern (^[a-zA-Z0-9_-]+$) the same way on the
 *   call and on its result, so the pairs hold.
 * - Empty text parts are dropped (the API rejects empty text blocks), and so are turns left empty.
 */
import { parseJsonSafe } from '../shared/http.js';
import { isRecord } from '../shared/json-fields.js';
export function convertToAnthropicMessages(messages) {
    const system = [];
    const turns = [];
    for (const message of messages) {
        if (message.role === 'system') {
            system.push(...textBlocks(message.content));
            continue;
        }
        const role = message.role === 'assistant' ? 'assistant' : 'user';
        const blocks = convertMessage(message);
        if (blocks.length === 0)
            continue;
        const last = turns.at(-1);
        if (last !== undefined && last.role === role)
            last.content.push(...blocks);
        else
            turns.push({ role, content: blocks });
    }
    for (const turn of turns) {
        if (turn.role === 'user')
            turn.content = toolResultsFirst(turn.content);
    }
    return { system, messages: turns };
}
/** Anthropic tool ids must match ^[a-zA-Z0-9_-]+$; ids from other protocols may not. */
export function anthropicToolId(id) {
    const safe = id.replace(/[^a-zA-Z0-9_-]/g, '_');
    return safe.length > 0 ? safe : 'toolu_unnamed';
}
function convertMessage(message) {
    if (message.role === 'user')
        return contentBlocks(message.content);
    if (message.role === 'tool')
        return [toolResult(message.toolCallId, message.content, message.isError)];
    const blocks = textBlocks(message.content);
    for (const call of message.toolCalls) {
        blocks.push({ type: 'tool_use', id: anthropicToolId(call.id), name: call.name, input: parseArguments(call.arguments) });
    }
    return blocks;
}
function toolResult(toolCallId, content, isError) {
    const block = { type: 'tool_result', tool_use_id: anthropicToolId(toolCallId) };
    const parts = contentBlocks(content);
    const only = parts[0];
    if (parts.length === 1 && only?.type === 'text')
        block.content = only.text;
    else if (parts.length > 0)
        block.content = parts;
    if (isError === true)
        block.is_error = true;
    return block;
}
function contentBlocks(content) {
    const blocks = [];
    for (const part of content) {
        if (part.type === 'image')
            blocks.push(imageBlock(part));
        else if (part.text.length > 0)
            blocks.push({ type: 'text', text: part.text });
    }
    return blocks;
}
function textBlocks(content) {
    const blocks = [];
    for (const part of content) {
        if (part.type === 'text' && part.text.length > 0)
            blocks.push({ type: 'text', text: part.text });
    }
    return blocks;
}
function imageBlock(part) {
    const { source } = part;
    if (source.kind === 'base64') {
        return { type: 'image', source: { type: 'base64', media_type: source.mediaType, data: source.data } };
    }
    // OpenAI clients send inline images as data URLs; Anthropic's url source only takes http(s).
    const inline = /^data:([^;,]+);base64,(.*)$/s.exec(source.url);
    if (inline !== null) {
        return { type: 'image', source: { type: 'base64', media_type: inline[1] ?? '', data: inline[2] ?? '' } };
    }
    return { type: 'image', source: { type: 'url', url: source.url } };
}
/** Tool arguments as an object: Anthropic's `input` must be one, so invalid JSON becomes `{}`. */
function parseArguments(text) {
    const value = parseJsonSafe(text);
    return isRecord(value) ? value : {};
}
function toolResultsFirst(blocks) {
    const results = blocks.filter((block) => block.type === 'tool_result');
    if (results.length === 0)
        return blocks;
    return [...results, ...blocks.filter((block) => block.type !== 'tool_result')];
}
//# sourceMappingURL=convert-to-anthropic-messages.js.map