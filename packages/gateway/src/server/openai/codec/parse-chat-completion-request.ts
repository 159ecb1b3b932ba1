/**
 * Parses and validates a client's OpenAI chat completions body into the canonical ChatRequest.
 * Throws a 400 GatewayError naming the field at fault; unknown fields are ignored here (the
 * pass-through path relays the raw body, so they still reach an OpenAI-protocol upstream). Plain
 * text requests take a direct check (parse-plain-chat-request.ts); the rest, and every request the
 * direct check is unsure of, the zod schema.
 */

import type { ChatRequest } from '../../../core/index.js';
import { chatCompletionRequestSchema } from './chat-request-schema.js';
import { convertChatMessages } from './convert-chat-messages.js';
import { convertResponseFormat, convertToolChoice, convertTools } from './convert-chat-tools.js';
import { parsePlainChatRequest } from './parse-plain-chat-request.js';
import { invalidRequest, parseWithSchema } from './validation.js';

export function parseChatCompletionRequest(body: unknown): ChatRequest {
  return parsePlainChatRequest(body) ?? parseWithZod(body);
}

/** The schema path: every field the gateway maps, with a 400 naming the first one at fault. */
export function parseWithZod(body: unknown): ChatRequest {
  const parsed = parseWithSchema(chatCompletionRequestSchema, body);
  const stream = parsed.stream === true;
  // https://platform.openai.com/docs/api-reference/chat/create#chat-create-stream_options
  if (parsed.stream_options != null && !stream) {
    throw invalidRequest(['stream_options'], 'only allowed when stream is true');
  }
  const request: ChatRequest = {
    model: parsed.model,
    messages: convertChatMessages(parsed.messages),
    stream,
    includeUsage: stream && parsed.stream_options?.include_usage === true,
  };
  if (parsed.tools != null && parsed.tools.length > 0) request.tools = convertTools(parsed.tools);
  if (parsed.tool_choice != null) request.toolChoice = convertToolChoice(parsed.tool_choice, request.tools);
  if (parsed.parallel_tool_calls != null) request.parallelToolCalls = parsed.parallel_tool_calls;
  if (parsed.response_format != null) request.responseFormat = convertResponseFormat(parsed.response_format);
  // max_tokens is deprecated in favour of max_completion_tokens; the newer one wins when both are sent.
  const maxTokens = parsed.max_completion_tokens ?? parsed.max_tokens;
  if (maxTokens != null) request.maxTokens = maxTokens;
  if (parsed.temperature != null) request.temperature = parsed.temperature;
  if (parsed.top_p != null) request.topP = parsed.top_p;
  const stop = typeof parsed.stop === 'string' ? [parsed.stop] : parsed.stop;
  if (stop != null && stop.length > 0) request.stop = stop;
  if (parsed.n != null) request.n = parsed.n;
  if (parsed.seed != null) request.seed = parsed.seed;
  if (parsed.presence_penalty != null) request.presencePenalty = parsed.presence_penalty;
  if (parsed.frequency_penalty != null) request.frequencyPenalty = parsed.frequency_penalty;
  if (parsed.user != null) request.user = parsed.user;
  if (parsed.metadata != null) request.metadata = parsed.metadata;
  return request;
}
