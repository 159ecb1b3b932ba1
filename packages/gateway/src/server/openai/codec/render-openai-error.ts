/**
 * The one place a GatewayError becomes OpenAI's error response: status, headers and
 * `{error: {message, type, param, code}}`. The headers steer the official SDKs' retries: they obey
 * `x-should-retry` before looking at the status, and wait for `retry-after`.
 * https://platform.openai.com/docs/guides/error-codes
 */

import type { GatewayError } from '../../../core/index.js';
import { openAIErrorCode } from './openai-error-codes.js';

export type OpenAIErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'permission_error'
  | 'rate_limit_error'
  | 'server_error'
  | 'api_error';

export interface OpenAIErrorBody {
  error: { message: string; type: OpenAIErrorType; param: string | null; code: string | null };
}

export interface OpenAIErrorResponse {
  status: number;
  headers: Record<string, string>;
  body: OpenAIErrorBody;
}

export function renderOpenAIError(error: GatewayError): OpenAIErrorResponse {
  const headers: Record<string, string> = { ...error.headers };
  if (error.retryAfterMs !== undefined) headers['retry-after'] = String(Math.max(0, Math.ceil(error.retryAfterMs / 1000)));
  if (error.status === 429 && !error.retryable) headers['x-should-retry'] = 'false';
  if (error.status >= 500) headers['x-should-retry'] = String(error.retryable);
  return {
    status: error.status,
    headers,
    body: {
      error: { message: error.message, type: errorType(error), param: error.param ?? null, code: openAIErrorCode(error.code) },
    },
  };
}

function errorType(error: GatewayError): OpenAIErrorType {
  const { status } = error;
  if (status === 401) return 'authentication_error';
  if (status === 403) return 'permission_error';
  if (status === 429) return 'rate_limit_error';
  // Failures of the upstream are the API's; failures of the gateway itself are the server's.
  if (status >= 500) return error.isUpstream ? 'api_error' : 'server_error';
  return 'invalid_request_error';
}
