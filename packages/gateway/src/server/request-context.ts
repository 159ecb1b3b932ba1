/** Access to the per-request pipeline state that the onRequest hook attaches to each Fastify request. */

import type { FastifyRequest } from 'fastify';
import { GatewayError } from '../core/index.js';
import type { ApiCaller, Principal, RequestState } from '../pipeline/request-state.js';

declare module 'fastify' {
  interface FastifyRequest {
    gatewayState: RequestState | null;
    /** Set on management routes by the onRequest hook once the caller is authorised. */
    apiCaller: ApiCaller | null;
  }
  interface FastifyContextConfig {
    /** Set on data-plane routes: which protocol and endpoint the route speaks. */
    dataPlane?: { protocol: 'openai' | 'anthropic'; endpoint: 'chat' | 'messages' | 'embeddings' };
    /** Set on every /api route: the permission the caller needs (docs/governance.md), or `public`. */
    permission?: string;
  }
}

export function stateOf(request: { readonly gatewayState: RequestState | null }): RequestState & { principal: Principal } {
  const state = request.gatewayState;
  if (!state || !state.principal) throw new GatewayError('SY_ERR_INTERNAL', 'request reached a handler without authentication');
  return state as RequestState & { principal: Principal };
}

/** The parsed body as a JSON object, or a 400 saying what it was instead. */
export function requireObjectBody(body: unknown): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    const kind = body === undefined ? 'empty' : Array.isArray(body) ? 'an array' : typeof body === 'string' ? 'a string' : String(body);
    throw new GatewayError('SY_ERR_INVALID_REQUEST', `The request body must be a JSON object; it was ${kind}.`);
  }
  return body as Record<string, unknown>;
}

/** The authorised caller of a management route. */
export function callerOf(request: FastifyRequest): ApiCaller {
  const caller = request.apiCaller;
  if (!caller) throw new GatewayError('SY_ERR_INTERNAL', 'management route reached without a declared permission');
  return caller;
}
