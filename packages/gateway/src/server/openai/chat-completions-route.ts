/** POST /v1/chat/completions: the OpenAI chat protocol inbound. */

import type { FastifyInstance } from 'fastify';
import { handleChatExchange } from '../chat-exchange.js';
import type { InboundChatCodec } from '../chat-exchange.js';
import type { GatewayServices } from '../services.js';
import { createChatStreamRenderer, parseChatCompletionRequest, renderChatCompletion } from './codec/index.js';

const openaiChatCodec: InboundChatCodec = {
  protocol: 'openai',
  endpoint: 'chat',
  parse: (body) => ({ request: parseChatCompletionRequest(body), untranslatable: null }),
  renderResponse: renderChatCompletion,
  createStreamRenderer: createChatStreamRenderer,
  // Nothing of the client's headers goes upstream: organisation and project headers belong to the
  // gateway's own credentials, not the client's.
  forwardHeaders: () => ({}),
};

export function registerChatCompletionsRoute(app: FastifyInstance, services: GatewayServices): void {
  app.post('/v1/chat/completions', { config: { dataPlane: { protocol: 'openai', endpoint: 'chat' } } }, (request, reply) =>
    handleChatExchange({ request, reply, services, codec: openaiChatCodec }),
  );
}
