/**
 * Attribute sets shared by request and attempt spans: the request's parameters when the client
 * gave them, and what the finished request's usage row says of the answer (model, tokens, finish
 * reasons). Values the row does not know are left out rather than recorded as zero.
 */
import { GEN_AI_REQUEST_MAX_TOKENS, GEN_AI_REQUEST_TEMPERATURE, GEN_AI_RESPONSE_FINISH_REASONS, GEN_AI_RESPONSE_MODEL, GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS, GEN_AI_USAGE_INPUT_TOKENS, GEN_AI_USAGE_OUTPUT_TOKENS, } from './gen-ai-attributes.js';
/** Adds gen_ai.request.max_tokens and .temperature when the request set them. */
export function addParameterAttributes(attributes, parameters) {
    if (parameters?.maxTokens !== undefined)
        attributes[GEN_AI_REQUEST_MAX_TOKENS] = parameters.maxTokens;
    if (parameters?.temperature !== undefined)
        attributes[GEN_AI_REQUEST_TEMPERATURE] = parameters.temperature;
    return attributes;
}
/** The answer as the usage row records it: response model, token usage, finish reasons. */
export function answerAttributes(row, finishReasons) {
    const attributes = {
        [GEN_AI_USAGE_INPUT_TOKENS]: row.promptTokens,
        [GEN_AI_USAGE_OUTPUT_TOKENS]: row.completionTokens,
    };
    if (row.upstreamModel)
        attributes[GEN_AI_RESPONSE_MODEL] = row.upstreamModel;
    if (row.cachedTokens > 0)
        attributes[GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS] = row.cachedTokens;
    if (finishReasons && finishReasons.length > 0)
        attributes[GEN_AI_RESPONSE_FINISH_REASONS] = finishReasons.slice();
    return attributes;
}
//# sourceMappingURL=span-attributes.js.map