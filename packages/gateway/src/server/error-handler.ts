/**
 * The edge where errors become responses: Fastify's own errors (bad JSON, body too large, wrong
 * content type) are turned into GatewayErrors, then rendered once in the protocol of the route
 * (Anthropic's shape on /v1/messages, OpenAI's elsewhere). A request that was authenticated gets
 * its usage row here when it failed before an answer started.
 */

import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyBaseLogger, FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { GatewayError, isGatewayError } from '../core/index.js';
import { responseHeadersOf } from '../pipeline/request-state.js';
import type { RequestState } from '../pipeline/request-state.js';
import { renderAnthropicError } from './anthropic/codec/index.js';
import type { RenderedAnthropicError } from './anthropic/codec/render-error.js';
import { renderOpenAIError } from './openai/codec/index.js';
import type { OpenAIErrorResponse } from './openai/codec/render-openai-error.js';
import type { GatewayServices } from './services.js';

function isFastifyError(error: unknown): error is FastifyError {
  return error instanceof Error && typeof (error as FastifyError).code === 'string';
}

export function toGatewayErrorAtEdge(error: unknown, bodyLimitBytes: number, request: { readonly headers: IncomingHttpHeaders }): GatewayError {
  if (isGatewayError(error)) return error;
  if (isFastifyError(error)) {
    switch (error.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return new GatewayError('SY_ERR_BODY_TOO_LARGE', `The request body is larger than this gateway's limit of ${bodyLimitBytes} bytes.`);
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE': {
        const type = request.headers['content-type'] ?? 'none';
        return new GatewayError('SY_ERR_UNSUPPORTED_MEDIA_TYPE', `Unsupported Content-Type '${type}'; send the body as application/json.`);
      }
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return new GatewayError('SY_ERR_INVALID_JSON', 'The request body is empty; send a JSON object.');
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        return new GatewayError('SY_ERR_INVALID_JSON', `The request body is not valid JSON: ${error.message}`);
      default:
        break;
    }
    if (error instanceof SyntaxError || error.statusCode === 400) {
      return new GatewayError('SY_ERR_INVALID_JSON', `The request body is not valid JSON: ${error.message}`);
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return new GatewayError('SY_ERR_INVALID_REQUEST', error.message, { status: error.statusCode });
    }
  }
  const message = error instanceof Error ? error.message : String(error);
  return new GatewayError('SY_ERR_INTERNAL', `Internal error: ${message}`, { cause: error });
}

function protocolOf(request: FastifyRequest): 'openai' | 'anthropic' {
  const dataPlane = request.routeOptions.config?.dataPlane;
  if (dataPlane) return dataPlane.protocol;
  if (request.url.startsWith('/v1/messages')) return 'anthropic';
  // The Anthropic SDK's models.list sends anthropic-version and expects its own error shape.
  if (request.url.startsWith('/v1/models') && typeof request.headers['anthropic-version'] === 'string') return 'anthropic';
  return 'openai';
}

/** An error in the protocol's own shape: status, headers and body. */
export function renderEdgeError(protocol: 'openai' | 'anthropic', error: GatewayError, requestId: string): OpenAIErrorResponse | RenderedAnthropicError {
  return protocol === 'anthropic' ? renderAnthropicError(error, requestId) : renderOpenAIError(error);
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: GatewayError): FastifyReply {
  const rendered = renderEdgeError(protocolOf(request), error, request.id);
  return reply.code(rendered.status).headers(rendered.headers).send(rendered.body);
}

/**
 * What every failed request gets, whichever entry it came through: a log line at the level its
 * status deserves, and its usage row when it was authenticated. Answers the headers the error
 * response carries besides the error's own (the provider tried, the rate-limit state).
 */
export function recordEdgeError(options: { thrown: unknown; error: GatewayError; state: RequestState | null; log: FastifyBaseLogger; services: GatewayServices }): Record<string, string> {
  const { error, state } = options;
  const level = error.status >= 500 && !error.isUpstream ? 'error' : error.status >= 500 ? 'warn' : 'info';
  options.log[level]({ code: error.code, status: error.status, provider: error.provider, err: level === 'error' ? options.thrown : undefined }, error.message);
  if (!state) return {};
  const outcome = error.code === 'SY_ERR_CLIENT_DISCONNECTED' ? 'client_disconnected' : 'error';
  options.services.accountant.finish(state, { status: error.status, outcome, errorCode: error.code });
  const headers: Record<string, string> = { ...responseHeadersOf(state) };
  if (state.deployment) headers['x-switchyard-provider'] = state.deployment.provider.id;
  return headers;
}

export function registerErrorHandling(app: FastifyInstance, services: GatewayServices): void {
  app.setErrorHandler((thrown, request, reply) => {
    const error = toGatewayErrorAtEdge(thrown, services.bodyLimitBytes, request);
    const headers = recordEdgeError({ thrown, error, state: request.gatewayState, log: request.log, services });
    if (reply.sent || reply.raw.headersSent) return;
    reply.headers(headers);
    return sendError(request, reply, error);
  });
  app.setNotFoundHandler((request, reply) => {
    const error = new GatewayError('SY_ERR_ROUTE_NOT_FOUND', `There is no route ${request.method} ${request.url.split('?')[0]} on this gateway.`);
    return sendError(request, reply, error);
  });
}
