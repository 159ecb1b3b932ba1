/**
 * Upstream calls made at undici's dispatcher, without the readable stream that `request` builds
 * around every body (its events, ticks and promises cost CPU per call and per chunk, and a tick
 * before a stream's first byte): a non-streaming answer collected whole, and a stream whose chunks
 * are pushed to its reader (a ByteSource) in the socket's own event. Both keep the timeouts and
 * errors of UpstreamHttp.request: the tighter of first-byte and total until the headers, the total
 * for a whole answer, the idle timeout between a stream's chunks, the client's abort at any point.
 */

import type { Dispatcher } from 'undici';
import type { GatewayError } from '../../core/index.js';
import type { ByteSink, ByteSource } from './byte-source.js';
import type { UpstreamCall } from './http.js';
import { timeoutError, transportError } from './transport-error.js';

/** An answer read whole. */
export interface WholeResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  bytes: Buffer;
}

/** A 2xx stream's headers, and its body still to come. */
export interface StreamingResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: ByteSource;
}

/** Where a call goes: the dispatcher and the origin and path of its URL. */
export interface DispatchTarget {
  dispatcher: Dispatcher;
  origin: string;
  path: string;
}

/**
 * Below this, undici's coarse timer clock (it checks headersTimeout about once a second) would make
 * a timeout noticeably late, so a short one (a deployment's own, a health probe's) gets a timer.
 */
export const PRECISE_TIMEOUT_BELOW_MS = 5_000;

/**
 * One dispatched call's timers and the client's abort. Before undici has started the request (it
 * may wait for a connection) there is nothing to abort yet: the call fails at once, and the
 * request is aborted when it starts. Timers are unref'd: the socket keeps the process alive.
 *
 * Once the call is over, the guard lets go of undici's controller and of its failure callback, and
 * the pushed body of its reader: V8 keeps a dead object in the old generation until the next full
 * collection, and everything it still points at survives the young collections in between. Cut
 * apart, a stream's objects die young even when one of them is still pointed at (measured: half of
 * what a stream promoted, 700 to 370 KB per scavenge at 100 streams a second; docs/performance.md).
 */
class DispatchGuard {
  #controller: Dispatcher.DispatchController | null = null;
  #done = false;
  #timedOut: DOMException | null = null;
  #headersTimer: NodeJS.Timeout | null = null;
  #totalTimer: NodeJS.Timeout | null = null;
  readonly #call: UpstreamCall;
  readonly #onClientAbort = (): void => this.stop();
  /** Where a failure goes; a stream moves it from the promise to its reader once the headers are in. */
  onFail: (error: GatewayError) => void;

  constructor(call: UpstreamCall, bounds: { headersWithinMs: number; totalMs: number }, onFail: (error: GatewayError) => void) {
    this.#call = call;
    this.onFail = onFail;
    if (call.signal.aborted) {
      this.fail(call.signal.reason);
      return;
    }
    call.signal.addEventListener('abort', this.#onClientAbort);
    if (bounds.headersWithinMs < PRECISE_TIMEOUT_BELOW_MS) {
      this.#headersTimer = setTimeout(() => this.#timeout('first byte timeout'), bounds.headersWithinMs).unref();
    }
    if (Number.isFinite(bounds.totalMs)) this.#totalTimer = setTimeout(() => this.#timeout('total timeout'), bounds.totalMs).unref();
  }

  get done(): boolean {
    return this.#done;
  }

  started(controller: Dispatcher.DispatchController): void {
    if (this.#done) controller.abort(this.#abortReason());
    else this.#controller = controller;
  }

  headersReceived(): void {
    if (this.#headersTimer !== null) clearTimeout(this.#headersTimer);
    this.#headersTimer = null;
  }

  /** The call is over (answered, failed or dropped): timers, the abort listener, the controller and the failure callback go. */
  finish(): void {
    this.#done = true;
    this.onFail = ignoreFailure;
    this.headersReceived();
    if (this.#totalTimer !== null) clearTimeout(this.#totalTimer);
    this.#totalTimer = null;
    this.#call.signal.removeEventListener('abort', this.#onClientAbort);
    this.#controller = null;
  }

  fail(error: unknown): void {
    if (this.#done) return;
    const onFail = this.onFail;
    this.finish();
    // A timeout of ours is a TimeoutError, which transportError maps as one.
    onFail(transportError(this.#timedOut ?? error, { provider: this.#call.provider, clientSignal: this.#call.signal }));
  }

  /** Ends the call now: the client left, or a timeout fired. */
  stop(): void {
    if (this.#controller === null) this.fail(this.#abortReason());
    else this.#controller.abort(this.#abortReason());
  }

  /** Drops the call without reporting anything (its reader is gone). */
  drop(): void {
    if (this.#done) return;
    const controller = this.#controller;
    this.finish();
    controller?.abort(new DOMException('The reader stopped.', 'AbortError'));
  }

  pause(): void {
    this.#controller?.pause();
  }

  resume(): void {
    this.#controller?.resume();
  }

  #timeout(message: string): void {
    this.#timedOut = timeoutError(message);
    this.stop();
  }

  #abortReason(): Error {
    const reason: unknown = this.#call.signal.reason;
    return this.#timedOut ?? (reason instanceof Error ? reason : new DOMException('aborted', 'AbortError'));
  }
}

function ignoreFailure(): void {}

function dispatchOptions(target: DispatchTarget, call: UpstreamCall, timeouts: { headersTimeout: number; bodyTimeout: number }): Dispatcher.DispatchOptions {
  return {
    origin: target.origin,
    path: target.path,
    method: call.method ?? 'POST',
    headers: call.traceHeaders ? { ...call.headers, ...call.traceHeaders } : call.headers,
    body: call.body,
    ...timeouts,
  };
}

/** A non-streaming call whose answer is wanted whole. */
export function dispatchWhole(target: DispatchTarget, call: UpstreamCall): Promise<WholeResponse> {
  // Without `stream`, dispatchCall never hands a body over: every answer is read whole.
  return dispatchCall(target, call, false) as Promise<WholeResponse>;
}

/**
 * A streaming call: resolves at the headers with the body as a ByteSource when the status is 2xx;
 * any other answer (an error to map, never relayed) is read whole and resolved as a WholeResponse.
 * Streams are not bounded by the total timeout, only by the first-byte and idle timeouts.
 */
export function dispatchStream(target: DispatchTarget, call: UpstreamCall): Promise<StreamingResponse | WholeResponse> {
  return dispatchCall(target, call, true);
}

function dispatchCall(target: DispatchTarget, call: UpstreamCall, stream: boolean): Promise<StreamingResponse | WholeResponse> {
  return new Promise<StreamingResponse | WholeResponse>((resolve, reject) => {
    const totalMs = stream ? Number.POSITIVE_INFINITY : call.timeouts.totalMs;
    const headersWithinMs = Math.min(call.timeouts.firstByteMs, totalMs);
    const guard = new DispatchGuard(call, { headersWithinMs, totalMs }, reject);
    if (guard.done) return;
    let status = 0;
    let headers: WholeResponse['headers'] = {};
    let body: PushedBody | null = null;
    const chunks: Buffer[] = [];
    const bodyTimeout = stream ? call.timeouts.streamIdleMs : totalMs;
    target.dispatcher.dispatch(dispatchOptions(target, call, { headersTimeout: headersWithinMs, bodyTimeout }), {
      onRequestStart: (controller) => guard.started(controller),
      onResponseStart(_controller, statusCode, responseHeaders) {
        // 1xx informational answers come before the real one.
        if (statusCode < 200) return;
        status = statusCode;
        headers = responseHeaders as WholeResponse['headers'];
        guard.headersReceived();
        if (!stream || statusCode >= 300) return;
        const pushed = new PushedBody(guard);
        body = pushed;
        guard.onFail = (error) => pushed.fail(error);
        resolve({ status, headers, body: pushed });
      },
      onResponseData(_controller, chunk) {
        if (body === null) chunks.push(chunk);
        else body.push(chunk);
      },
      onResponseEnd() {
        if (guard.done) return;
        guard.finish();
        if (body === null) resolve({ status, headers, bytes: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks) });
        else body.end();
        body = null;
        chunks.length = 0;
      },
      onResponseError: (_controller, error) => guard.fail(error),
    });
  });
}

/**
 * A stream's body between undici and its reader: chunks that come before the reader (the headers
 * resolve a promise; the first chunk often arrives in the same packet) wait in a short queue, the
 * rest go straight to the reader inside undici's own data callback.
 */
class PushedBody implements ByteSource {
  #sink: ByteSink | null = null;
  #consumed = false;
  #waiting: Buffer[] = [];
  #outcome: { ended: true } | { ended: false; error: unknown } | null = null;
  #destroyed = false;
  readonly #guard: DispatchGuard;

  constructor(guard: DispatchGuard) {
    this.#guard = guard;
  }

  push(chunk: Buffer): void {
    if (this.#destroyed) return;
    if (this.#sink !== null) this.#sink.data(chunk);
    else if (!this.#consumed) this.#waiting.push(chunk);
  }

  end(): void {
    this.#settle({ ended: true });
  }

  fail(error: unknown): void {
    this.#settle({ ended: false, error });
  }

  consume(sink: ByteSink): void {
    if (this.#consumed) throw new Error('A stream body is read once.');
    this.#consumed = true;
    this.#sink = sink;
    const waiting = this.#waiting;
    this.#waiting = [];
    for (const chunk of waiting) {
      if (this.#destroyed) return;
      sink.data(chunk);
    }
    if (this.#outcome !== null && !this.#destroyed) this.#deliver(sink, this.#outcome);
  }

  pause(): void {
    this.#guard.pause();
  }

  resume(): void {
    this.#guard.resume();
  }

  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.#waiting = [];
    this.#sink = null;
    this.#guard.drop();
  }

  #settle(outcome: { ended: true } | { ended: false; error: unknown }): void {
    if (this.#destroyed || this.#outcome !== null) return;
    this.#outcome = outcome;
    if (this.#sink !== null) this.#deliver(this.#sink, outcome);
  }

  #deliver(sink: ByteSink, outcome: { ended: true } | { ended: false; error: unknown }): void {
    // Nothing is delivered after the outcome: the reader is let go (see DispatchGuard on why).
    this.#sink = null;
    if (outcome.ended) sink.end();
    else sink.error(outcome.error);
  }
}
