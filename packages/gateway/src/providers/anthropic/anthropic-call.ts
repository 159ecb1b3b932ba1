/**
 * One call to the Messages endpoint, shared by translated and pass-through calls: the URL (the
 * base URL means what the SDK's baseURL means, e.g. https://api.anthropic.com), the headers, and the
 * status check that turns a non-2xx answer into a GatewayError before any byte is relayed.
 * https://docs.anthropic.com/en/api/overview#authentication
 */

import type { ProviderSettings } from '../../core/index.js';
import { joinUrl } from '../shared/http.js';
import type { StreamingResponse, UpstreamCall, UpstreamResponse, WholeResponse } from '../shared/http.js';
import type { CallContext, ForwardedHeaders } from '../types.js';
import { anthropicHttpError } from './anthropic-errors.js';

/** The API version the gateway speaks when translating; 2026-10-21 removed temperature/top_p/top_k. */
export const DEFAULT_ANTHROPIC_VERSION = '2023-06-01';

/** Client headers a pass-through forwards: they select the API version and beta features. */
const FORWARDED = ['anthropic-version', 'anthropic-beta'] as const;

export interface PostMessagesOptions {
  /** The request body, as JSON text. */
  body: string;
  stream: boolean;
  context: CallContext;
  /** Pass-through only: the client's headers, of which anthropic-version and anthropic-beta are sent on. */
  forwarded?: ForwardedHeaders;
}

export async function postMessages(options: PostMessagesOptions): Promise<UpstreamResponse> {
  const call = messagesCall(options);
  const response = await options.context.http.request(call);
  if (response.status < 200 || response.status >= 300) {
    throw await anthropicHttpError(response, { provider: call.provider, signal: call.signal });
  }
  return response;
}

/** A pass-through stream: its body is pushed to one reader; resolves at a 2xx answer's headers. */
export async function postMessagesStream(options: Omit<PostMessagesOptions, 'stream'>): Promise<StreamingResponse> {
  const call = messagesCall({ ...options, stream: true });
  const response = await options.context.http.requestStream(call);
  if ('bytes' in response) throw await anthropicHttpError(response, { provider: call.provider, signal: call.signal });
  return response;
}

/** A non-streaming call read whole (no stream machinery around the body); same checks. */
export async function postMessagesWhole(options: Omit<PostMessagesOptions, 'stream'>): Promise<WholeResponse> {
  const call = messagesCall({ ...options, stream: false });
  const response = await options.context.http.requestWhole(call);
  if (response.status < 200 || response.status >= 300) {
    throw await anthropicHttpError(response, { provider: call.provider, signal: call.signal });
  }
  return response;
}

function messagesCall(options: PostMessagesOptions): UpstreamCall {
  const { deployment, signal } = options.context;
  const settings = deployment.provider;
  return {
    url: joinUrl(settings.baseUrl, 'v1/messages', settings.query),
    headers: anthropicHeaders(settings, options.forwarded ?? {}),
    body: options.body,
    signal,
    timeouts: settings.timeouts,
    provider: settings.id,
    stream: options.stream,
    traceHeaders: options.context.traceHeaders,
  };
}

/** Defaults, then the operator's headers, then the client's version/beta, then the credential. */
export function anthropicHeaders(settings: ProviderSettings, forwarded: ForwardedHeaders): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'anthropic-version': DEFAULT_ANTHROPIC_VERSION,
  };
  for (const [name, value] of Object.entries(settings.headers)) headers[name.toLowerCase()] = value;
  for (const [name, value] of Object.entries(forwarded)) {
    const lower = name.toLowerCase();
    if ((FORWARDED as readonly string[]).includes(lower) && value.length > 0) headers[lower] = value;
  }
  return Object.assign(headers, credentialHeaders(settings));
}

function credentialHeaders(settings: ProviderSettings): Record<string, string> {
  if (settings.apiKey === undefined || settings.authHeader === 'none') return {};
  if (settings.authHeader === 'bearer') return { authorization: `Bearer ${settings.apiKey}` };
  return { [settings.authHeader]: settings.apiKey };
}
