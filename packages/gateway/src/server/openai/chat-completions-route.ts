/** POST /v1/chat/completions: the OpenAI chat protocol inbound. */

import type { FastifyInstance } from 'fastify';
import { GatewayError } from '../../core/index.js';
import type { ChatRequest } from '../../core/index.js';
import { handleChatExchange } from '../chat-exchange.js';
import type { InboundChatCodec } from '../chat-exchange.js';
import type { ChatEntry } from '../fast-path.js';
import type { GatewayServices } from '../services.js';
import { createChatStreamRenderer, parseChatCompletionRequest, renderChatCompletion } from './codec/index.js';

/**
 * Parts that are valid OpenAI but have no canonical form (audio and file parts, the legacy
 * `function` role) still pass through to an OpenAI-protocol upstream untouched; they fail, naming
 * the field, only when the request must be translated for another protocol.
 */
function parseForRouting(body: Record<string, unknown>): { request: ChatRequest; untranslatable: GatewayError | null } {
  try {
    return { request: parseChatCompletionRequest(body), untranslatable: null };
  } catch (error) {
    if (!(error instanceof GatewayError) || error.code !== 'SY_ERR_UNSUPPORTED_OPERATION') throw error;
    const stream = body.stream === true;
    const options = body.stream_options;
    const includeUsage = stream && typeof options === 'object' && options !== null && (options as { include_usage?: unknown }).include_usage === true;
    return { request: { model: typeof body.model === 'string' ? body.model : '', messages: [], stream, includeUsage }, untranslatable: error };
  }
}

const openaiChatCodec: InboundChatCodec = {
  protocol: 'openai',
  endpoint: 'chat',
  parse: parseForRouting,
  renderResponse: renderChatCompletion,
  createStreamRenderer: createChatStreamRenderer,
  // Nothing of the client's headers goes upstream: organisation and project headers belong to the
  // gateway's own credentials, not the client's.
  forwardHeaders: () => ({}),
};

/** Served by the fast path (fast-path.ts) when it can, else by the Fastify route below. */
export const chatCompletionsEntry: ChatEntry = { url: '/v1/chat/completions', codec: openaiChatCodec };

export function registerChatCompletionsRoute(app: FastifyInstance, services: GatewayServices): void {
  app.post(chatCompletionsEntry.url, { config: { dataPlane: { protocol: 'openai', endpoint: 'chat' } } }, (request, reply) =>
    handleChatExchange({ request, reply, services, codec: openaiChatCodec }),
  );
}
