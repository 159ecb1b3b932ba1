/**
 * A canonical ChatRequest to an OpenAI chat completions body for one deployment. Canonical fields
 * the protocol lacks (topK, metadata) are dropped; metadata would need `store: true` upstream.
 * https://platform.openai.com/docs/api-reference/chat/create
 */
import { convertToOpenAIMessages } from './convert-to-openai-messages.js';
/**
 * Reasoning models (o1, o3, o4-mini, gpt-5…) reject `max_tokens` and take `max_completion_tokens`.
 * https://platform.openai.com/docs/guides/reasoning
 */
const COMPLETION_TOKENS_MODELS = /^(o\d|gpt-5)/;
export function convertToOpenAIRequest(request, deployment) {
    const body = { model: deployment.model, messages: convertToOpenAIMessages(request.messages) };
    if (request.tools !== undefined && request.tools.length > 0) {
        body.tools = request.tools.map((tool) => ({
            type: 'function',
            function: {
                name: tool.name,
                ...(tool.description !== undefined ? { description: tool.description } : {}),
                parameters: tool.parameters,
                ...(tool.strict !== undefined ? { strict: tool.strict } : {}),
            },
        }));
    }
    if (request.toolChoice !== undefined)
        body.tool_choice = convertToolChoice(request.toolChoice);
    if (request.parallelToolCalls !== undefined)
        body.parallel_tool_calls = request.parallelToolCalls;
    if (request.responseFormat !== undefined)
        body.response_format = convertResponseFormat(request.responseFormat);
    if (request.maxTokens !== undefined) {
        if (COMPLETION_TOKENS_MODELS.test(deployment.model))
            body.max_completion_tokens = request.maxTokens;
        else
            body.max_tokens = request.maxTokens;
    }
    if (request.temperature !== undefined)
        body.temperature = request.temperature;
    if (request.topP !== undefined)
        body.top_p = request.topP;
    if (request.stop !== undefined && request.stop.length > 0)
        body.stop = request.stop;
    if (request.n !== undefined)
        body.n = request.n;
    if (request.seed !== undefined)
        body.seed = request.seed;
    if (request.presencePenalty !== undefined)
        body.presence_penalty = request.presencePenalty;
    if (request.frequencyPenalty !== undefined)
        body.frequency_penalty = request.frequencyPenalty;
    if (request.user !== undefined)
        body.user = request.user;
    if (request.stream) {
        body.stream = true;
        // The gateway accounts every stream, so it asks for usage whether or not the client did.
        if (deployment.provider.supportsStreamUsage)
            body.stream_options = { include_usage: true };
    }
    return body;
}
function convertToolChoice(choice) {
    return choice.type === 'tool' ? { type: 'function', function: { name: choice.name } } : choice.type;
}
function convertResponseFormat(format) {
    if (format.type !== 'json_schema')
        return { type: format.type };
    return {
        type: 'json_schema',
        json_schema: {
            name: format.name,
            schema: format.schema,
            ...(format.strict !== undefined ? { strict: format.strict } : {}),
            ...(format.description !== undefined ? { description: format.description } : {}),
        },
    };
}
//# sourceMappingURL=convert-to-openai-request.js.map