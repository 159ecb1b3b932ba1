/** POST /v1/messages: the Anthropic Messages protocol inbound, routed to any provider. */

import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { handleChatExchange } from '../chat-exchange.js';
import type { InboundChatCodec } from '../chat-exchange.js';
import type { ChatEntry } from '../fast-path.js';
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

/** Served by the fast path (fast-path.ts) when it can, else by the Fastify route below. */
export const messagesEntry: ChatEntry = { url: '/v1/messages', codec: anthropicMessagesCodec };

export function registerMessagesRoute(app: FastifyInstance, services: GatewayServices): void {
  app.post(messagesEntry.url, { config: { dataPlane: { protocol: 'anthropic', endpoint: 'messages' } } }, (request, reply) =>
    handleChatExchange({ request, reply, services, codec: anthropicMessagesCodec }),
  );
}
