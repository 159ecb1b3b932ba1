/**
 * A canonical ChatRequest to an Anthropic Messages API body (https://docs.anthropic.com/en/api/messages).
 *
 * Anthropic requires `max_tokens`, so the deployment's default fills in when the client set none.
 * It has no `n`, seed or penalties: n > 1 is refused, seed and penalties are dropped. The base API
 * has no JSON mode, so a JSON response format becomes a system instruction (with the schema).
 */
import { GatewayError } from '../../core/index.js';
import { convertToAnthropicMessages } from './convert-to-anthropic-messages.js';
export function convertToAnthropicRequest(request, deployment) {
    if (request.n !== undefined && request.n > 1) {
        throw new GatewayError('SY_ERR_UNSUPPORTED_OPERATION', 'n > 1 is not supported by Anthropic models', { param: 'n' });
    }
    const { system, messages } = convertToAnthropicMessages(request.messages);
    const instruction = jsonInstruction(request.responseFormat);
    if (instruction !== undefined)
        system.push({ type: 'text', text: instruction });
    const body = {
        model: deployment.model,
        messages,
        max_tokens: request.maxTokens ?? deployment.defaultMaxTokens,
    };
    const [onlySystem] = system;
    if (system.length === 1 && onlySystem !== undefined)
        body.system = onlySystem.text;
    else if (system.length > 1)
        body.system = system;
    if (request.stop !== undefined && request.stop.length > 0)
        body.stop_sequences = request.stop;
    // Anthropic's temperature range is 0..1 where OpenAI's is 0..2; clamping keeps a fallback from an
    // OpenAI model working instead of failing with a 400.
    if (request.temperature !== undefined)
        body.temperature = Math.min(1, Math.max(0, request.temperature));
    if (request.topP !== undefined)
        body.top_p = request.topP;
    if (request.topK !== undefined)
        body.top_k = request.topK;
    const tools = request.tools ?? [];
    if (tools.length > 0) {
        body.tools = tools.map(convertTool);
        const toolChoice = convertToolChoice(request);
        if (toolChoice !== undefined)
            body.tool_choice = toolChoice;
    }
    const userId = request.user ?? request.metadata?.user_id;
    if (userId !== undefined && userId.length > 0)
        body.metadata = { user_id: userId };
    if (request.stream)
        body.stream = true;
    return body;
}
function convertTool(tool) {
    // input_schema must be an object schema; OpenAI allows omitting `parameters` (read as `{}`).
    const converted = { name: tool.name, input_schema: { type: 'object', ...tool.parameters } };
    if (tool.description !== undefined)
        converted.description = tool.description;
    return converted;
}
/** https://docs.anthropic.com/en/docs/agents-and-tools/tool-use/implement-tool-use#forcing-tool-use */
function convertToolChoice(request) {
    const choice = request.toolChoice;
    if (choice?.type === 'none')
        return { type: 'none' };
    const parallel = request.parallelToolCalls === false ? { disable_parallel_tool_use: true } : {};
    if (choice === undefined)
        return request.parallelToolCalls === false ? { type: 'auto', ...parallel } : undefined;
    if (choice.type === 'auto')
        return { type: 'auto', ...parallel };
    if (choice.type === 'required')
        return { type: 'any', ...parallel };
    return { type: 'tool', name: choice.name, ...parallel };
}
function jsonInstruction(format) {
    if (format === undefined || format.type === 'text')
        return undefined;
    const only = 'Respond with only a valid JSON value: no prose before or after it, no Markdown code fences.';
    if (format.type === 'json_object')
        return `${only} The value must be a JSON object.`;
    const description = format.description === undefined ? '' : ` (${format.description})`;
    return `${only} It must conform to this JSON Schema named "${format.name}"${description}:\n${JSON.stringify(format.schema)}`;
}
//# sourceMappingURL=convert-to-anthropic-request.js.map