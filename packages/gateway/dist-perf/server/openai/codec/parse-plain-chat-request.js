/**
 * The fast path of chat request parsing: most requests are text messages and a few scalar
 * settings, and for those a direct check is a tenth of the cost of running the whole zod schema
 * (which was several per cent of the gateway's CPU per request). This returns the same ChatRequest
 * the schema path would, or null as soon as anything is not plainly valid (tools, content parts,
 * response formats, metadata, a value out of range…); the schema path then decides, with its
 * messages naming the field at fault. So this may never accept what the schema rejects; the test
 * beside it holds the two paths to the same answers.
 */
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
const absent = (value) => value === undefined || value === null;
const optionalString = (value) => absent(value) || typeof value === 'string';
const numberIn = (value, min, max) => typeof value === 'number' && value >= min && value <= max;
const integerIn = (value, min, max) => Number.isSafeInteger(value) && value >= min && value <= max;
/** Fields that only the schema path handles when they are set. */
const SCHEMA_ONLY_FIELDS = ['tools', 'tool_choice', 'response_format', 'metadata'];
export function parsePlainChatRequest(body) {
    if (!isObject(body))
        return null;
    const { model, messages: rawMessages } = body;
    if (typeof model !== 'string' || model.length === 0)
        return null;
    if (!Array.isArray(rawMessages) || rawMessages.length === 0)
        return null;
    for (const field of SCHEMA_ONLY_FIELDS)
        if (!absent(body[field]))
            return null;
    const messages = new Array(rawMessages.length);
    for (let index = 0; index < rawMessages.length; index += 1) {
        const message = plainMessage(rawMessages[index]);
        if (message === null)
            return null;
        messages[index] = message;
    }
    const stream = body.stream;
    if (!absent(stream) && typeof stream !== 'boolean')
        return null;
    const streaming = stream === true;
    const streamOptions = body.stream_options;
    let includeUsage = false;
    if (!absent(streamOptions)) {
        // stream_options without stream is a 400 the schema path words.
        if (!streaming || !isObject(streamOptions))
            return null;
        const wanted = streamOptions.include_usage;
        if (!absent(wanted) && typeof wanted !== 'boolean')
            return null;
        includeUsage = wanted === true;
    }
    const request = { model, messages, stream: streaming, includeUsage };
    const { parallel_tool_calls: parallelToolCalls, max_tokens: maxTokens, max_completion_tokens: maxCompletionTokens } = body;
    if (!absent(parallelToolCalls)) {
        if (typeof parallelToolCalls !== 'boolean')
            return null;
        request.parallelToolCalls = parallelToolCalls;
    }
    if (!absent(maxTokens) && !integerIn(maxTokens, 1, Number.MAX_SAFE_INTEGER))
        return null;
    if (!absent(maxCompletionTokens) && !integerIn(maxCompletionTokens, 1, Number.MAX_SAFE_INTEGER))
        return null;
    // max_tokens is deprecated in favour of max_completion_tokens; the newer one wins when both are sent.
    const tokenCap = (maxCompletionTokens ?? maxTokens);
    if (!absent(tokenCap))
        request.maxTokens = tokenCap;
    if (!scalarSettings(body, request))
        return null;
    return request;
}
/** temperature, top_p, stop, n, seed, penalties and user: false when one is not plainly valid. */
function scalarSettings(body, request) {
    const { temperature, top_p: topP, stop, n, seed, presence_penalty: presence, frequency_penalty: frequency, user } = body;
    if (!absent(temperature)) {
        if (!numberIn(temperature, 0, 2))
            return false;
        request.temperature = temperature;
    }
    if (!absent(topP)) {
        if (!numberIn(topP, 0, 1))
            return false;
        request.topP = topP;
    }
    if (typeof stop === 'string') {
        request.stop = [stop];
    }
    else if (Array.isArray(stop)) {
        if (stop.length > 4 || !stop.every((item) => typeof item === 'string'))
            return false;
        if (stop.length > 0)
            request.stop = [...stop];
    }
    else if (!absent(stop))
        return false;
    if (!absent(n)) {
        if (!integerIn(n, 1, 128))
            return false;
        request.n = n;
    }
    if (!absent(seed)) {
        if (!integerIn(seed, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER))
            return false;
        request.seed = seed;
    }
    if (!absent(presence)) {
        if (!numberIn(presence, -2, 2))
            return false;
        request.presencePenalty = presence;
    }
    if (!absent(frequency)) {
        if (!numberIn(frequency, -2, 2))
            return false;
        request.frequencyPenalty = frequency;
    }
    if (!absent(user)) {
        if (typeof user !== 'string')
            return false;
        request.user = user;
    }
    return true;
}
/** A message whose content is one string, as the schema and conversion would give it; else null. */
function plainMessage(value) {
    if (!isObject(value))
        return null;
    const { content } = value;
    if (typeof content !== 'string')
        return null;
    switch (value.role) {
        case 'system':
        case 'developer':
            return optionalString(value.name) ? { role: 'system', content: [{ type: 'text', text: content }] } : null;
        case 'user': {
            const { name } = value;
            if (!optionalString(name))
                return null;
            const parts = [{ type: 'text', text: content }];
            return name ? { role: 'user', content: parts, name: name } : { role: 'user', content: parts };
        }
        case 'assistant':
            // Tool calls and legacy function calls go through the schema path.
            if (!absent(value.tool_calls) || !absent(value.function_call) || !optionalString(value.name))
                return null;
            return { role: 'assistant', content: content === '' ? [] : [{ type: 'text', text: content }], toolCalls: [] };
        case 'tool': {
            const toolCallId = value.tool_call_id;
            if (typeof toolCallId !== 'string' || toolCallId.length === 0)
                return null;
            return { role: 'tool', toolCallId, content: [{ type: 'text', text: content }] };
        }
        default:
            return null;
    }
}
//# sourceMappingURL=parse-plain-chat-request.js.map