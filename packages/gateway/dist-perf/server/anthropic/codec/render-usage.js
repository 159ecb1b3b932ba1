/**
 * Canonical usage → Anthropic `usage`. Anthropic's `input_tokens` counts only the input that was
 * neither read from nor written to the prompt cache; the canonical promptTokens counts all of it.
 * https://docs.anthropic.com/en/docs/build-with-claude/prompt-caching#tracking-cache-performance
 */
export function renderUsage(usage) {
    return {
        input_tokens: Math.max(0, usage.promptTokens - usage.cachedTokens - usage.cacheWriteTokens),
        output_tokens: usage.completionTokens,
        cache_creation_input_tokens: usage.cacheWriteTokens,
        cache_read_input_tokens: usage.cachedTokens,
    };
}
//# sourceMappingURL=render-usage.js.map