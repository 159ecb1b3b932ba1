/**
 * Reads OpenAI's usage object into the canonical Usage. Shared by responses, streams and
 * pass-through. https://platform.openai.com/docs/api-reference/chat/object#chat/object-usage
 */
import { isRecord, numberField, recordField } from '../shared/json-fields.js';
/** The canonical usage, or null when the value is not a usage object (absent, or `null` on a chunk). */
export function parseOpenAIUsage(value) {
    if (!isRecord(value))
        return null;
    const promptDetails = recordField(value, 'prompt_tokens_details');
    const completionDetails = recordField(value, 'completion_tokens_details');
    const promptTokens = numberField(value, 'prompt_tokens');
    const completionTokens = numberField(value, 'completion_tokens');
    const reasoningTokens = completionDetails ? numberField(completionDetails, 'reasoning_tokens') : undefined;
    const usage = {
        promptTokens: promptTokens ?? 0,
        completionTokens: completionTokens ?? 0,
        cachedTokens: (promptDetails ? numberField(promptDetails, 'cached_tokens') : undefined) ?? 0,
        cacheWriteTokens: 0,
        // A server that omits a count leaves it to our tokenizer (the pipeline estimates).
        estimated: promptTokens === undefined || completionTokens === undefined,
    };
    if (reasoningTokens !== undefined)
        usage.reasoningTokens = reasoningTokens;
    return usage;
}
//# sourceMappingURL=parse-openai-usage.js.map