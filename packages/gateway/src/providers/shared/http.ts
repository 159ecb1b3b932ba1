/**
 * Outbound HTTP for provider adapters: one keep-alive undici Agent per connect timeout, with
 * first-byte, total and idle timeouts per call (the deployment's own when it sets them: adapters
 * pass `deployment.provider.timeouts`), and transport failures mapped to GatewayErrors.
 */

import { Agent } from 'undici';
import type { Dispatcher } from 'undici';
import { GatewayError } from '../../core/index.js';
import type { Timeouts } from '../../core/index.js';
import { type DispatchTarget, dispatchStream, dispatchWhole, PRECISE_TIMEOUT_BELOW_MS, type StreamingResponse, type WholeResponse } from './dispatch-call.js';
import { timeoutError, transportError } from './transport-error.js';

export type { StreamingResponse, WholeResponse } from './dispatch-call.js';
export { transportError } from './transport-error.js';

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

/** Most distinct upstream URLs whose origin and path are kept (they come from the configuration). */
const URL_MEMO_SIZE = 1_000;

export class UpstreamHttp {
  private readonly agents = new Map<number, Agent>();
  /**
   * Origin and path per URL: calling the Agent directly with them spares undici's `request(url)`
   * a `new URL()` and a copy of the options on every call.
   */
  private readonly targets = new Map<string, { origin: string; path: string }>();

  private targetOf(url: string): { origin: string; path: string } {
    let target = this.targets.get(url);
    if (target === undefined) {
      const parsed = new URL(url);
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new TypeError(`not an http(s) URL: ${url}`);
      target = { origin: parsed.origin, path: `${parsed.pathname}${parsed.search}` };
      if (this.targets.size >= URL_MEMO_SIZE) this.targets.clear();
      this.targets.set(url, target);
    }
    return target;
  }

  private agentFor(connectMs: number): Agent {
    let agent = this.agents.get(connectMs);
    if (!agent) {
      agent = new Agent({ connect: { timeout: connectMs }, keepAliveTimeout: 30_000, connections: 256, pipelining: 1 });
      this.agents.set(connectMs, agent);
    }
    return agent;
  }

  async request(call: UpstreamCall): Promise<UpstreamResponse> {
    const startedAt = performance.now();
    const totalMs = call.stream ? Number.POSITIVE_INFINITY : call.timeouts.totalMs;
    // Until the headers arrive, the tighter of the first-byte and (non-streaming) total timeouts applies.
    const headersWithinMs = Math.min(call.timeouts.firstByteMs, totalMs);
    const precise = headersWithinMs < PRECISE_TIMEOUT_BELOW_MS ? new PreciseHeadersTimeout(call.signal, headersWithinMs) : null;
    const signal = precise?.signal ?? call.signal;
    let response: Dispatcher.ResponseData;
    try {
      const { origin, path } = this.targetOf(call.url);
      response = await this.agentFor(call.timeouts.connectMs).request({
        origin,
        path,
        method: call.method ?? 'POST',
        headers: call.traceHeaders ? { ...call.headers, ...call.traceHeaders } : call.headers,
        body: call.body,
        signal,
        headersTimeout: headersWithinMs,
        bodyTimeout: call.stream ? call.timeouts.streamIdleMs : call.timeouts.totalMs,
      });
    } catch (error) {
      precise?.end();
      throw transportError(error, { provider: call.provider, signal, clientSignal: call.signal });
    }
    guardBody(response.body, { precise, remainingMs: totalMs - (performance.now() - startedAt) });
    return { status: response.statusCode, headers: response.headers, body: response.body };
  }

  /**
   * A non-streaming call whose answer is wanted whole, collected at the dispatcher (dispatch-call.ts):
   * same timeouts and errors as `request` with `stream: false`.
   */
  requestWhole(call: UpstreamCall): Promise<WholeResponse> {
    return dispatchWhole(this.dispatchTarget(call), call);
  }

  /**
   * A streaming call whose body is pushed to one reader (a pass-through relay) without a Node
   * stream: a 2xx answer resolves at its headers, any other is read whole for its error.
   */
  requestStream(call: UpstreamCall): Promise<StreamingResponse | WholeResponse> {
    return dispatchStream(this.dispatchTarget(call), call);
  }

  private dispatchTarget(call: UpstreamCall): DispatchTarget {
    const { origin, path } = this.targetOf(call.url);
    return { dispatcher: this.agentFor(call.timeouts.connectMs), origin, path };
  }

  async close(): Promise<void> {
    await Promise.all([...this.agents.values()].map((agent) => agent.close()));
    this.agents.clear();
  }
}

/**
 * How one upstream attempt ends on time, at the least cost per call: the client's own abort signal
 * goes to undici as it is, the first byte is awaited with undici's headersTimeout, and a
 * non-streaming body gets one plain timer for what is left of the total, cleared when the body
 * closes. Only a short first-byte bound needs an AbortController of its own. (The previous
 * AbortSignal.timeout plus AbortSignal.any made two more signals per call, and a timeout signal's
 * timer outlived the call until it fired or the signal was garbage-collected: at the default
 * 10-minute total timeout, hundreds of thousands of them at a few thousand requests a second.)
 */
class PreciseHeadersTimeout {
  readonly #controller = new AbortController();
  readonly #clientSignal: AbortSignal;
  #timer: NodeJS.Timeout | null = null;
  readonly #onClientAbort = (): void => this.#controller.abort(this.#clientSignal.reason);

  constructor(clientSignal: AbortSignal, withinMs: number) {
    this.#clientSignal = clientSignal;
    if (clientSignal.aborted) {
      this.#controller.abort(clientSignal.reason);
      return;
    }
    clientSignal.addEventListener('abort', this.#onClientAbort);
    // Unref'd: the call's socket keeps the process alive while it matters; a timer must not.
    this.#timer = setTimeout(() => this.#controller.abort(timeoutError('first byte timeout')), withinMs).unref();
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** The headers are in: the timer is done, the client's abort still ends the body. */
  headersReceived(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }

  end(): void {
    this.headersReceived();
    this.#clientSignal.removeEventListener('abort', this.#onClientAbort);
  }
}

/** After the headers: the rest of a non-streaming call's total time for its body; cleanup when it closes. */
function guardBody(body: UpstreamResponse['body'], options: { precise: PreciseHeadersTimeout | null; remainingMs: number }): void {
  const { precise, remainingMs } = options;
  precise?.headersReceived();
  const timer = Number.isFinite(remainingMs)
    ? setTimeout(() => {
        // The reader (if any) sees the timeout; with none, the error must not go unhandled.
        body.on('error', () => {});
        body.destroy(timeoutError('total timeout'));
      }, Math.max(0, remainingMs)).unref()
    : null;
  if (timer === null && precise === null) return;
  const cleanUp = (): void => {
    if (timer !== null) clearTimeout(timer);
    precise?.end();
  };
  if (body.destroyed) cleanUp();
  else body.once('close', cleanUp);
}

/** Reads a whole upstream body as text (a WholeResponse has it already). */
export async function readText(response: UpstreamResponse | WholeResponse, provider: string, signal?: AbortSignal): Promise<string> {
  if ('bytes' in response) return response.bytes.toString('utf8');
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
export async function readJson(response: UpstreamResponse | WholeResponse, provider: string, signal?: AbortSignal): Promise<unknown> {
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
