/** Token usage of one call, normalised across providers. */

export interface Usage {
  /** Input tokens in total, cached ones included (OpenAI's `prompt_tokens` meaning). */
  promptTokens: number;
  /** Output tokens, reasoning included. */
  completionTokens: number;
  /** Input tokens served from the provider's prompt cache (a subset of promptTokens). */
  cachedTokens: number;
  /** Input tokens written to the provider's prompt cache (Anthropic's cache_creation_input_tokens). */
  cacheWriteTokens: number;
  /** Output tokens spent on reasoning, when the provider reports them. */
  reasoningTokens?: number;
  /** True when some figure came from our tokenizer rather than the provider's own count. */
  estimated: boolean;
}

export function emptyUsage(): Usage {
  return { promptTokens: 0, completionTokens: 0, cachedTokens: 0, cacheWriteTokens: 0, estimated: false };
}
