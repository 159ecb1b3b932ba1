/** POST /v1/messages: the Anthropic Messages protocol inbound, routed to any provider. */

import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { handleChatExchange } from '../chat-exchange.js';
import type { InboundChatCodec } from '../chat-exchange.js';
import type { GatewayServices } from '../services.js';
import { createMessagesStreamRenderer, parseMessagesRequestForRouting, renderMessage } from './codec/index.js';

/** The client's API version and beta flags decide the upstream's behaviour on a pass-through. */
function forwardAnthropicHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const forwarded: Record<string, string> = {};
  for (const name of ['anthropic-version', 'anthropic-beta']) {
    const value = headers[name];
    if (typeof value === 'string') forwarded[name] = value;
    else if (Array.isArray(value)) forwarded[name] = value.join(',');
  }
  return forwarded;
}

const anthropicMessagesCodec: InboundChatCodec = {
  protocol: 'anthropic',
  endpoint: 'messages',
  parse: parseMessagesRequestForRouting,
  renderResponse: renderMessage,
  createStreamRenderer: ({ model, requestId }) => createMessagesStreamRenderer({ model, requestId }),
  forwardHeaders: forwardAnthropicHeaders,
};

export function registerMessagesRoute(app: FastifyInstance, services: GatewayServices): void {
  app.post('/v1/messages', { config: { dataPlane: { protocol: 'anthropic', endpoint: 'messages' } } }, (request, reply) =>
    handleChatExchange({ request, reply, services, codec: anthropicMessagesCodec }),
  );
}
