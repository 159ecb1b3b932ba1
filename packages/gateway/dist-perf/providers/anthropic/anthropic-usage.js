/**
 * Anthropic usage to canonical Usage. Anthropic's `input_tokens` excludes the prompt-cache reads and
 * writes, so the canonical prompt total adds them back
 * (https://docs.anthropic.com/en/docs/build-with-claude/prompt-caching#tracking-cache-performance).
 */
import { numberField } from '../shared/json-fields.js';
export function emptyCounters() {
    return { inputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, outputTokens: 0 };
}
/**
 * Overwrites the counters the usage object carries. Used for a whole message's usage, for
 * `message_start` and for `message_delta`, whose counters are cumulative totals (later API versions
 * repeat the input counts there; when present they are the final ones).
 */
export function applyUsage(counters, usage) {
    counters.inputTokens = numberField(usage, 'input_tokens') ?? counters.inputTokens;
    counters.cacheReadTokens = numberField(usage, 'cache_read_input_tokens') ?? counters.cacheReadTokens;
    counters.cacheWriteTokens = numberField(usage, 'cache_creation_input_tokens') ?? counters.cacheWriteTokens;
    counters.outputTokens = numberField(usage, 'output_tokens') ?? counters.outputTokens;
}
export function toUsage(counters) {
    return {
        promptTokens: counters.inputTokens + counters.cacheReadTokens + counters.cacheWriteTokens,
        completionTokens: counters.outputTokens,
        cachedTokens: counters.cacheReadTokens,
        cacheWriteTokens: counters.cacheWriteTokens,
        estimated: false,
    };
}
export function parseAnthropicUsage(usage) {
    const counters = emptyCounters();
    if (usage !== undefined)
        applyUsage(counters, usage);
    return toUsage(counters);
}
//# sourceMappingURL=anthropic-usage.js.map