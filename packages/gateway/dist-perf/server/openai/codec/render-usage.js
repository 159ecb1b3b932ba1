/** Canonical usage to OpenAI's `usage` object, as chat completions (and their final stream chunk) carry it. */
export function renderUsage(usage) {
    return {
        prompt_tokens: usage.promptTokens,
        completion_tokens: usage.completionTokens,
        total_tokens: usage.promptTokens + usage.completionTokens,
        prompt_tokens_details: { cached_tokens: usage.cachedTokens },
        completion_tokens_details: { reasoning_tokens: usage.reasoningTokens ?? 0 },
    };
}
//# sourceMappingURL=render-usage.js.map