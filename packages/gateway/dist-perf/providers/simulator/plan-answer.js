/**
 * Decides what the simulator answers to a request: prose, a tool call or a JSON object, how long,
 * and the usage. Pure and deterministic: the same request (and seed) always plans the same answer,
 * streamed or not.
 */
import { createRandom, hashSeed, randomHex } from './prng.js';
import { valueFromSchema } from './value-from-schema.js';
import { countWords, generateWords } from './words.js';
/** Prompt tokens added per tool definition, as if its schema were in the prompt. */
const TOKENS_PER_TOOL = 10;
export function planAnswer(input) {
    const { request, settings, model } = input;
    const key = JSON.stringify([model, request.messages, request.tools, request.toolChoice, request.responseFormat, request.maxTokens]);
    const seed = hashSeed(settings.seed, key);
    const choiceCount = Math.max(1, request.n ?? 1);
    const choices = Array.from({ length: choiceCount }, (_, index) => planChoice({ request, settings, random: createRandom(seed + index) }));
    const completionTokens = choices.reduce((total, choice) => total + choiceTokens(choice), 0);
    return {
        id: `sim-${randomHex(createRandom(seed ^ 0x5eed), 24)}`,
        choices,
        usage: {
            promptTokens: promptTokens(request),
            completionTokens,
            cachedTokens: 0,
            cacheWriteTokens: 0,
            // The simulator is the provider: its counts are the provider's own, not our estimate.
            estimated: false,
        },
    };
}
function planChoice(input) {
    const { request, settings, random } = input;
    const tool = toolToCall(request);
    if (tool !== undefined) {
        const args = valueFromSchema(tool.parameters, { random, withoutRequired: 'none' });
        const toolCall = { id: `call_${randomHex(random, 24)}`, name: tool.name, arguments: JSON.stringify(args ?? {}) };
        return { text: null, toolCalls: [toolCall], finishReason: { unified: 'tool_calls', raw: 'tool_calls' } };
    }
    const limited = request.maxTokens !== undefined && request.maxTokens < settings.answerWords;
    const wordCount = limited ? Math.max(1, request.maxTokens ?? 1) : settings.answerWords;
    const finishReason = limited ? { unified: 'length', raw: 'length' } : { unified: 'stop', raw: 'stop' };
    const format = request.responseFormat;
    if (format?.type === 'json_object') {
        return { text: JSON.stringify({ answer: generateWords(random, wordCount) }), toolCalls: [], finishReason };
    }
    if (format?.type === 'json_schema') {
        const value = valueFromSchema(format.schema, { random, withoutRequired: 'all' });
        return { text: JSON.stringify(value), toolCalls: [], finishReason: { unified: 'stop', raw: 'stop' } };
    }
    return { text: generateWords(random, wordCount), toolCalls: [], finishReason };
}
/**
 * A tool is called when the client requires one, or offers tools and its last message (a user's,
 * not a tool result) mentions the weather — the classic tool-calling example.
 */
function toolToCall(request) {
    const tools = request.tools ?? [];
    const choice = request.toolChoice;
    if (tools.length === 0 || choice?.type === 'none')
        return undefined;
    if (choice?.type === 'tool')
        return tools.find((tool) => tool.name === choice.name) ?? tools[0];
    if (choice?.type === 'required')
        return tools[0];
    const last = request.messages.at(-1);
    return last?.role === 'user' && /weather/i.test(messageText(last)) ? tools[0] : undefined;
}
function messageText(message) {
    const parts = message.content.map((part) => (part.type === 'text' ? part.text : '')).join(' ');
    if (message.role !== 'assistant')
        return parts;
    return [parts, ...message.toolCalls.map((call) => `${call.name} ${call.arguments}`)].join(' ');
}
function promptTokens(request) {
    const words = request.messages.reduce((total, message) => total + countWords(messageText(message)), 0);
    return words + TOKENS_PER_TOOL * (request.tools?.length ?? 0);
}
function choiceTokens(choice) {
    const toolWords = choice.toolCalls.reduce((total, call) => total + countWords(`${call.name} ${call.arguments}`), 0);
    return Math.max(1, countWords(choice.text ?? '') + toolWords);
}
//# sourceMappingURL=plan-answer.js.map