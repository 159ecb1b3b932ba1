/**
 * Token counts for when a provider reports none (or the client disconnected before it could):
 * the o200k_base encoding (our own counter in o200k-tokenizer.ts), a close estimate for most
 * current models. Rows that use it are marked `tokensEstimated`. Special-token markup in the text
 * (`<|endoftext|>`) is counted as ordinary text, never refused.
 */

import { countO200kTokens } from './o200k-tokenizer.js';
import type { ChatRequest, ContentPart } from '../core/index.js';

// The encoding's rank table costs a few MiB (4 MiB of typed arrays, about 5 MiB of resident memory)
// and some 50 ms to read, and most gateways never need it (providers report usage), so
// o200k-ranks.ts reads it on the first estimate rather than at start. Synchronously, because
// accounting is: the one-off pause happens at most once.

/** Tokens charged per image when we cannot know its size; OpenAI's low-detail figure. */
const IMAGE_TOKENS = 85;
/** Per-message framing tokens in OpenAI's chat format. */
const MESSAGE_OVERHEAD = 3;

export function estimateTextTokens(text: string): number {
  return countO200kTokens(text);
}

function partsTokens(parts: ContentPart[]): number {
  let total = 0;
  for (const part of parts) total += part.type === 'text' ? estimateTextTokens(part.text) : IMAGE_TOKENS;
  return total;
}

export function estimatePromptTokens(request: ChatRequest): number {
  let total = 3;
  for (const message of request.messages) {
    total += MESSAGE_OVERHEAD + partsTokens(message.content);
    if (message.role === 'assistant') {
      for (const call of message.toolCalls) total += estimateTextTokens(call.name) + estimateTextTokens(call.arguments);
    }
  }
  for (const tool of request.tools ?? []) {
    total += estimateTextTokens(tool.name) + estimateTextTokens(tool.description ?? '') + estimateTextTokens(JSON.stringify(tool.parameters));
  }
  return total;
}

/**
 * A cheap prompt size for routing decisions (context-window fit, rules on prompt size): about four
 * characters a token. The tokenizer is exact but costs far more than routing can spend per request.
 */
export function approximatePromptTokens(request: ChatRequest): number {
  let characters = 0;
  let images = 0;
  for (const message of request.messages) {
    for (const part of message.content) {
      if (part.type === 'text') characters += part.text.length;
      else images += 1;
    }
    if (message.role === 'assistant') for (const call of message.toolCalls) characters += call.arguments.length + call.name.length;
  }
  for (const tool of request.tools ?? []) characters += tool.name.length + (tool.description?.length ?? 0) + JSON.stringify(tool.parameters).length;
  return Math.ceil(characters / 4) + images * IMAGE_TOKENS + request.messages.length * MESSAGE_OVERHEAD;
}
