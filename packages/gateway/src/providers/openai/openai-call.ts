/**
 * One upstream call in the OpenAI protocol: URL, headers and timeouts from the deployment, and a
 * non-2xx answer turned into a GatewayError before anything is returned.
 */

import type { CallContext } from '../types.js';
import type { StreamingResponse, UpstreamCall, UpstreamResponse, WholeResponse } from '../shared/http.js';
import { openaiHttpError } from './openai-errors.js';
import { openaiHeaders, openaiUrl } from './openai-urls.js';
import type { OpenAIEndpoint } from './openai-urls.js';

export interface OpenAICall {
  endpoint: OpenAIEndpoint;
  /** JSON text of the request body. */
  body: string;
  stream: boolean;
  /** Client headers a pass-through forwards. */
  forwardedHeaders?: Record<string, string>;
}

/** Sends the call; resolves with a 2xx response (headers received), rejects with a GatewayError. */
export async function callOpenAI(call: OpenAICall, context: CallContext): Promise<UpstreamResponse> {
  const upstream = upstreamCall(call, context);
  const response = await context.http.request(upstream);
  if (response.status < 200 || response.status >= 300) {
    throw await openaiHttpError(response, { provider: upstream.provider, signal: context.signal });
  }
  return response;
}

/** A pass-through stream: its body is pushed to one reader; resolves at a 2xx answer's headers. */
export async function callOpenAIStream(call: Omit<OpenAICall, 'stream'>, context: CallContext): Promise<StreamingResponse> {
  const upstream = upstreamCall({ ...call, stream: true }, context);
  const response = await context.http.requestStream(upstream);
  if ('bytes' in response) throw await openaiHttpError(response, { provider: upstream.provider, signal: context.signal });
  return response;
}

/** A non-streaming call read whole; resolves with a 2xx answer, rejects with a GatewayError. */
export async function callOpenAIWhole(call: Omit<OpenAICall, 'stream'>, context: CallContext): Promise<WholeResponse> {
  const upstream = upstreamCall({ ...call, stream: false }, context);
  const response = await context.http.requestWhole(upstream);
  if (response.status < 200 || response.status >= 300) {
    throw await openaiHttpError(response, { provider: upstream.provider, signal: context.signal });
  }
  return response;
}

function upstreamCall(call: OpenAICall, context: CallContext): UpstreamCall {
  const { provider } = context.deployment;
  return {
    url: openaiUrl(context.deployment, call.endpoint),
    headers: openaiHeaders(provider, call.forwardedHeaders),
    body: call.body,
    signal: context.signal,
    timeouts: provider.timeouts,
    provider: provider.id,
    stream: call.stream,
    traceHeaders: context.traceHeaders,
  };
}
