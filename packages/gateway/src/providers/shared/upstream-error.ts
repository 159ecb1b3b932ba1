/**
 * Maps an upstream HTTP error (status plus the message the provider gave) to a GatewayError, the
 * same way for every provider. Adapters extract the message and hints from their own error shape
 * and call this. The provider's message is kept; a rejected credential becomes a 502 that names the
 * provider, so a client can tell it from its own key being rejected.
 */

import { GatewayError } from '../../core/index.js';
import type { ErrorCode } from '../../core/index.js';
import { parseJsonSafe, readText, retryAfterMs } from './http.js';
import type { UpstreamResponse, WholeResponse } from './http.js';

export interface UpstreamErrorInput {
  provider: string;
  status: number;
  /** The provider's own message. */
  message: string;
  /** Hints from the provider's error body that refine the class. */
  hint?: 'context_window' | 'content_filter' | 'auth' | 'overloaded' | 'rate_limit';
  retryAfterMs?: number;
}

export function upstreamHttpError(input: UpstreamErrorInput): GatewayError {
  const { provider, status, message } = input;
  const code = classify(status, input.hint);
  const text =
    code === 'SY_ERR_UPSTREAM_AUTH'
      ? `Provider "${provider}" rejected the gateway's credentials (upstream ${status}): ${message}`
      : code === 'SY_ERR_UPSTREAM_PERMISSION'
        ? `Provider "${provider}" denied the gateway's credentials access (upstream ${status}): ${message}`
        : code.startsWith('SY_ERR_UPSTREAM_SERVER') || code === 'SY_ERR_UPSTREAM_OVERLOADED' || code === 'SY_ERR_UPSTREAM_TIMEOUT'
          ? `Provider "${provider}" failed (upstream ${status}): ${message}`
          : message;
  return new GatewayError(code, text, { provider, upstreamStatus: status, retryAfterMs: input.retryAfterMs });
}

function classify(status: number, hint: UpstreamErrorInput['hint']): ErrorCode {
  if (hint === 'context_window') return 'SY_ERR_CONTEXT_WINDOW_EXCEEDED';
  if (hint === 'content_filter') return 'SY_ERR_CONTENT_FILTERED';
  if (hint === 'auth') return 'SY_ERR_UPSTREAM_AUTH';
  if (hint === 'overloaded') return 'SY_ERR_UPSTREAM_OVERLOADED';
  if (hint === 'rate_limit') return 'SY_ERR_UPSTREAM_RATE_LIMITED';
  if (status === 401) return 'SY_ERR_UPSTREAM_AUTH';
  if (status === 403) return 'SY_ERR_UPSTREAM_PERMISSION';
  if (status === 404) return 'SY_ERR_UPSTREAM_NOT_FOUND';
  if (status === 408 || status === 504) return 'SY_ERR_UPSTREAM_TIMEOUT';
  if (status === 413) return 'SY_ERR_CONTEXT_WINDOW_EXCEEDED';
  if (status === 429) return 'SY_ERR_UPSTREAM_RATE_LIMITED';
  if (status === 503 || status === 529) return 'SY_ERR_UPSTREAM_OVERLOADED';
  if (status >= 500) return 'SY_ERR_UPSTREAM_SERVER';
  return 'SY_ERR_UPSTREAM_BAD_REQUEST';
}

/** What an adapter reads from its protocol's error body: the provider's message and a class hint. */
export interface UpstreamErrorDetail {
  message: string | undefined;
  hint: UpstreamErrorInput['hint'];
}

/**
 * Builds the GatewayError for a non-2xx upstream answer, consuming its body. `describe` reads the
 * protocol's own error shape; without a message there, the body's text (or the status) stands in.
 */
export async function upstreamErrorFromResponse(
  response: UpstreamResponse | WholeResponse,
  options: { provider: string; signal?: AbortSignal; describe: (body: unknown, status: number) => UpstreamErrorDetail },
): Promise<GatewayError> {
  let text = '';
  try {
    text = await readText(response, options.provider, options.signal);
  } catch {
    // The status alone still classifies the failure.
  }
  const detail = options.describe(parseJsonSafe(text), response.status);
  return upstreamHttpError({
    provider: options.provider,
    status: response.status,
    message: detail.message ?? (text.trim().slice(0, 500) || `HTTP ${response.status}`),
    hint: detail.hint,
    retryAfterMs: retryAfterMs(response.headers),
  });
}
