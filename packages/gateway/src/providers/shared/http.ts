/**
 * Outbound HTTP for provider adapters: one keep-alive undici Agent per connect timeout, with
 * first-byte, total and idle timeouts per call (the deployment's own when it sets them: adapters
 * pass `deployment.provider.timeouts`), and transport failures mapped to GatewayErrors.
 */

import { Agent, errors as undiciErrors, request } from 'undici';
import type { Dispatcher } from 'undici';
import { GatewayError } from '../../core/index.js';
import type { Timeouts } from '../../core/index.js';

export interface UpstreamCall {
  url: string;
  method?: 'POST' | 'GET';
  headers: Record<string, string>;
  /** JSON text. */
  body?: string;
  signal: AbortSignal;
  timeouts: Timeouts;
  /** Provider id, named in errors. */
  provider: string;
  /** Streaming calls are not bounded by timeouts.totalMs, only by the idle timeout. */
  stream: boolean;
  /** Trace context headers (traceparent) added to `headers`; absent when tracing is off. */
  traceHeaders?: Readonly<Record<string, string>>;
}

export interface UpstreamResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Dispatcher.ResponseData['body'];
}

export class UpstreamHttp {
  private readonly agents = new Map<number, Agent>();

  private agentFor(connectMs: number): Agent {
    let agent = this.agents.get(connectMs);
    if (!agent) {
      agent = new Agent({ connect: { timeout: connectMs }, keepAliveTimeout: 30_000, connections: 256, pipelining: 1 });
      this.agents.set(connectMs, agent);
    }
    return agent;
  }

  async request(call: UpstreamCall): Promise<UpstreamResponse> {
    const firstByte = preciseFirstByteTimeout(call.timeouts.firstByteMs);
    const signals = [call.signal, ...(firstByte ? [firstByte.signal] : []), ...(call.stream ? [] : [AbortSignal.timeout(call.timeouts.totalMs)])];
    const signal = signals.length === 1 ? call.signal : AbortSignal.any(signals);
    try {
      const response = await request(call.url, {
        method: call.method ?? 'POST',
        headers: call.traceHeaders ? { ...call.headers, ...call.traceHeaders } : call.headers,
        body: call.body,
        signal,
        dispatcher: this.agentFor(call.timeouts.connectMs),
        headersTimeout: call.timeouts.firstByteMs,
        bodyTimeout: call.stream ? call.timeouts.streamIdleMs : call.timeouts.totalMs,
      });
      return { status: response.statusCode, headers: response.headers, body: response.body };
    } catch (error) {
      throw transportError(error, { provider: call.provider, signal, clientSignal: call.signal });
    } finally {
      firstByte?.clear();
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.agents.values()].map((agent) => agent.close()));
    this.agents.clear();
  }
}

/** Below this, undici's coarse timer clock would make a first-byte timeout late by up to a second. */
const PRECISE_FIRST_BYTE_BELOW_MS = 5_000;

/**
 * undici checks headersTimeout on a clock that ticks about every half second, so a short
 * first-byte timeout (a deployment's own, a health probe's) gets a precise timer of its own; the
 * usual long ones cost nothing extra on the hot path.
 */
function preciseFirstByteTimeout(firstByteMs: number): { signal: AbortSignal; clear: () => void } | null {
  if (firstByteMs >= PRECISE_FIRST_BYTE_BELOW_MS) return null;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException('first byte timeout', 'TimeoutError')), firstByteMs);
  timer.unref();
  return { signal: controller.signal, clear: () => clearTimeout(timer) };
}

/** Maps a thrown transport failure (connect, timeout, abort, reset) to a GatewayError. */
export function transportError(
  error: unknown,
  options: { provider: string; signal?: AbortSignal; clientSignal?: AbortSignal },
): GatewayError {
  if (error instanceof GatewayError) return error;
  const { provider } = options;
  if (options.clientSignal?.aborted) {
    return new GatewayError('SY_ERR_CLIENT_DISCONNECTED', 'The client closed the connection.', { provider, cause: error });
  }
  const timedOut =
    options.signal?.aborted ||
    error instanceof undiciErrors.HeadersTimeoutError ||
    error instanceof undiciErrors.BodyTimeoutError ||
    error instanceof undiciErrors.ConnectTimeoutError ||
    (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'));
  if (timedOut) {
    return new GatewayError('SY_ERR_UPSTREAM_TIMEOUT', `Provider "${provider}" did not answer in time.`, {
      provider,
      cause: error,
    });
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new GatewayError('SY_ERR_UPSTREAM_UNREACHABLE', `Could not reach provider "${provider}": ${detail}`, {
    provider,
    cause: error,
  });
}

/** Reads a whole upstream body as text. */
export async function readText(response: UpstreamResponse, provider: string, signal?: AbortSignal): Promise<string> {
  try {
    return await response.body.text();
  } catch (error) {
    throw transportError(error, { provider, clientSignal: signal });
  }
}

/** Parses JSON without throwing; returns undefined for invalid JSON. */
export function parseJsonSafe(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Reads a whole upstream body as JSON, failing with SY_ERR_UPSTREAM_PROTOCOL when it is not JSON. */
export async function readJson(response: UpstreamResponse, provider: string, signal?: AbortSignal): Promise<unknown> {
  const text = await readText(response, provider, signal);
  const value = parseJsonSafe(text);
  if (value === undefined) {
    throw new GatewayError('SY_ERR_UPSTREAM_PROTOCOL', `Provider "${provider}" answered with invalid JSON.`, { provider });
  }
  return value;
}

/** Parses a retry-after header (seconds or HTTP date) or retry-after-ms into milliseconds. */
export function retryAfterMs(headers: UpstreamResponse['headers']): number | undefined {
  const ms = headerValue(headers, 'retry-after-ms');
  if (ms !== undefined && Number.isFinite(Number(ms))) return Number(ms);
  const value = headerValue(headers, 'retry-after');
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

export function headerValue(headers: UpstreamResponse['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Joins a base URL and a path without doubling or dropping slashes. */
export function joinUrl(baseUrl: string, path: string, query: Record<string, string> = {}): string {
  const url = `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
  const params = new URLSearchParams(query).toString();
  if (!params) return url;
  return url.includes('?') ? `${url}&${params}` : `${url}?${params}`;
}
