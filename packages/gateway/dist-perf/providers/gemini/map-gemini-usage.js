/**
 * Gemini `usageMetadata` to canonical usage (https://ai.google.dev/api/generate-content#UsageMetadata).
 * Thinking tokens are billed as output but counted apart from `candidatesTokenCount`, so they are
 * added back; cached tokens are already part of `promptTokenCount`; tool-use prompt tokens (for
 * example search results fed to the model) are billed as input.
 */
import { numberField } from './json-value.js';
export function mapGeminiUsage(usageMetadata) {
    const thoughts = numberField(usageMetadata, 'thoughtsTokenCount');
    const usage = {
        promptTokens: (numberField(usageMetadata, 'promptTokenCount') ?? 0) + (numberField(usageMetadata, 'toolUsePromptTokenCount') ?? 0),
        completionTokens: (numberField(usageMetadata, 'candidatesTokenCount') ?? 0) + (thoughts ?? 0),
        cachedTokens: numberField(usageMetadata, 'cachedContentTokenCount') ?? 0,
        cacheWriteTokens: 0,
        estimated: false,
    };
    if (thoughts !== undefined)
        usage.reasoningTokens = thoughts;
    return usage;
}
//# sourceMappingURL=map-gemini-usage.js.map