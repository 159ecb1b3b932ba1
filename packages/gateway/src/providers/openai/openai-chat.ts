/** Translating chat calls (canonical request in, canonical response or events out), plain and streaming. */

import type { ChatRequest, ChatResponse, StreamEvent } from '../../core/index.js';
import { readJson } from '../shared/http.js';
import type { CallContext } from '../types.js';
import { convertToOpenAIRequest } from './convert-to-openai-request.js';
import { callOpenAI, callOpenAIWhole } from './openai-call.js';
import { openaiStreamEvents } from './openai-stream-transform.js';
import { parseOpenAIResponse } from './parse-openai-response.js';

export async function openaiChat(request: ChatRequest, context: CallContext): Promise<ChatResponse> {
  const body = convertToOpenAIRequest({ ...request, stream: false }, context.deployment);
  const response = await callOpenAIWhole({ endpoint: 'chat', body: JSON.stringify(body) }, context);
  const json = await readJson(response, context.deployment.provider.id, context.signal);
  return parseOpenAIResponse(json, { model: context.deployment.model, id: `chatcmpl-${context.requestId}` });
}

export async function openaiChatStream(request: ChatRequest, context: CallContext): Promise<AsyncIterable<StreamEvent>> {
  const body = convertToOpenAIRequest({ ...request, stream: true }, context.deployment);
  const response = await callOpenAI({ endpoint: 'chat', body: JSON.stringify(body), stream: true }, context);
  return openaiStreamEvents({
    body: response.body,
    provider: context.deployment.provider.id,
    signal: context.signal,
    fallbackModel: context.deployment.model,
    fallbackId: `chatcmpl-${context.requestId}`,
  });
}
