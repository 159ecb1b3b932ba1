/**
 * Maps Anthropic error bodies (`{type:"error", error:{type, message}}`) to GatewayErrors, for HTTP
 * errors and for the in-band `event: error` frame of a stream. The upstream body itself is never
 * relayed to a client; its message is kept inside the GatewayError.
 * https://docs.anthropic.com/en/api/errors
 */

import type { GatewayError } from '../../core/index.js';
import type { UpstreamResponse, WholeResponse } from '../shared/http.js';
import { upstreamErrorFromResponse, upstreamHttpError } from '../shared/upstream-error.js';
import type { UpstreamErrorInput } from '../shared/upstream-error.js';
import { isRecord, recordField, stringField } from '../shared/json-fields.js';

interface AnthropicErrorDetail {
  type: string | undefined;
  message: string | undefined;
}

/** The HTTP status Anthropic documents for each error type, used for in-band errors (sent under a 200). */
const STATUS_OF_TYPE: Record<string, number> = {
  invalid_request_error: 400,
  authentication_error: 401,
  billing_error: 402,
  permission_error: 403,
  not_found_error: 404,
  request_too_large: 413,
  rate_limit_error: 429,
  api_error: 500,
  timeout_error: 504,
  overloaded_error: 529,
};

/** Builds the GatewayError for a non-2xx upstream answer, consuming its body. */
export function anthropicHttpError(response: UpstreamResponse | WholeResponse, options: { provider: string; signal?: AbortSignal }): Promise<GatewayError> {
  return upstreamErrorFromResponse(response, {
    ...options,
    describe: (body) => {
      const detail = readErrorDetail(body);
      return { message: detail.message, hint: hintFor(detail) };
    },
  });
}

/** Builds the GatewayError for the data of an in-band `event: error` frame. */
export function anthropicInBandError(data: unknown, provider: string): GatewayError {
  const detail = readErrorDetail(data);
  return upstreamHttpError({
    provider,
    status: (detail.type === undefined ? undefined : STATUS_OF_TYPE[detail.type]) ?? 500,
    message: detail.message ?? 'The stream reported an error.',
    hint: hintFor(detail),
  });
}

function readErrorDetail(body: unknown): AnthropicErrorDetail {
  if (!isRecord(body)) return { type: undefined, message: undefined };
  const error = recordField(body, 'error') ?? body;
  return { type: stringField(error, 'type'), message: stringField(error, 'message') };
}

function hintFor(detail: AnthropicErrorDetail): UpstreamErrorInput['hint'] {
  switch (detail.type) {
    case 'authentication_error':
      return 'auth';
    case 'overloaded_error':
      return 'overloaded';
    case 'rate_limit_error':
      return 'rate_limit';
    case 'invalid_request_error':
      // e.g. "prompt is too long: 215000 tokens > 200000 maximum"
      return detail.message !== undefined && /prompt is too long/i.test(detail.message) ? 'context_window' : undefined;
    default:
      return undefined;
  }
}
