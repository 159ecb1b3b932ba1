/**
 * Maps OpenAI error bodies ({error:{message,type,param,code}}) to GatewayErrors, for HTTP errors
 * and for the in-band `data: {"error":…}` chunk of a stream. Azure and OpenAI-compatible servers
 * vary the shape (Azure: code "401"; vLLM: a top-level message), so every field is optional.
 * https://platform.openai.com/docs/guides/error-codes
 */

import { GatewayError } from '../../core/index.js';
import type { UpstreamResponse, WholeResponse } from '../shared/http.js';
import { upstreamErrorFromResponse, upstreamHttpError } from '../shared/upstream-error.js';
import type { UpstreamErrorInput } from '../shared/upstream-error.js';
import { isRecord, recordField, stringField } from '../shared/json-fields.js';

interface OpenAIErrorDetail {
  message: string | undefined;
  code: string | undefined;
}

const HINTS: Record<string, UpstreamErrorInput['hint']> = {
  context_length_exceeded: 'context_window',
  string_above_max_length: 'context_window',
  content_filter: 'content_filter',
  content_policy_violation: 'content_filter',
  invalid_api_key: 'auth',
  rate_limit_exceeded: 'rate_limit',
};

/** Builds the GatewayError for a non-2xx upstream answer, consuming its body. */
export function openaiHttpError(response: UpstreamResponse | WholeResponse, options: { provider: string; signal?: AbortSignal }): Promise<GatewayError> {
  return upstreamErrorFromResponse(response, {
    ...options,
    describe: (body, status) => {
      const detail = readErrorDetail(body);
      return { message: detail.message, hint: hintFor(detail, status) };
    },
  });
}

/** Builds the GatewayError for an in-band stream error chunk. */
export function openaiInBandError(chunk: unknown, provider: string): GatewayError {
  const detail = readErrorDetail(chunk);
  const message = detail.message ?? 'The stream reported an error.';
  const hint = hintFor(detail, 200);
  if (hint !== undefined) return upstreamHttpError({ provider, status: 200, message, hint });
  return new GatewayError('SY_ERR_UPSTREAM_SERVER', `Provider "${provider}" failed mid-stream: ${message}`, { provider });
}

/** Whether a parsed chunk is an in-band error (`{"error":{…}}`). */
export function isOpenAIErrorChunk(chunk: unknown): boolean {
  return isRecord(chunk) && (isRecord(chunk.error) || typeof chunk.error === 'string');
}

function readErrorDetail(body: unknown): OpenAIErrorDetail {
  if (!isRecord(body)) return { message: undefined, code: undefined };
  if (typeof body.error === 'string') return { message: body.error, code: undefined };
  const error = recordField(body, 'error') ?? body;
  const code = error.code;
  return {
    message: stringField(error, 'message'),
    code: typeof code === 'string' ? code : stringField(error, 'type'),
  };
}

function hintFor(detail: OpenAIErrorDetail, status: number): UpstreamErrorInput['hint'] {
  const byCode = detail.code === undefined ? undefined : HINTS[detail.code];
  if (byCode !== undefined) return byCode;
  // OpenAI-compatible servers (vLLM, Ollama) report an overlong prompt as a plain 400 message.
  if (status === 400 && detail.message !== undefined && /maximum context length|context window/i.test(detail.message)) {
    return 'context_window';
  }
  return undefined;
}
