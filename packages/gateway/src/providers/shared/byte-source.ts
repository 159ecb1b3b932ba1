/**
 * The smallest interface a pass-through relay needs from an upstream body: its chunks pushed as
 * they arrive, pause and resume for back-pressure, and a way to drop it. Streaming calls made at
 * undici's dispatcher (UpstreamHttp.requestStream) implement it without a Node stream in between;
 * `readableSource` adapts any Readable (other callers, tests).
 */

import type { Readable } from 'node:stream';

export interface ByteSink {
  data(chunk: Buffer): void;
  /** The body ended normally. */
  end(): void;
  /** The body failed: a cut connection, a timeout, an abort. */
  error(error: unknown): void;
}

export interface ByteSource {
  /**
   * Starts delivery (once): chunks that arrived before, then each as it comes, then exactly one
   * of end or error, unless the source is destroyed first, after which nothing is delivered.
   */
  consume(sink: ByteSink): void;
  pause(): void;
  resume(): void;
  /** Stops reading and drops the upstream connection; nothing is delivered after it. */
  destroy(): void;
}

/** A Readable as a ByteSource. */
export function readableSource(body: Readable): ByteSource {
  let stopped = false;
  return {
    consume(sink) {
      // A body destroyed before it was read has already emitted what it will emit.
      if (body.destroyed) {
        if (stopped) return;
        if (body.errored) sink.error(body.errored);
        else if (body.readableEnded) sink.end();
        else sink.error(new Error('The upstream body was closed before it was read.'));
        return;
      }
      let done = false;
      const once = (deliver: () => void): void => {
        if (done || stopped) return;
        done = true;
        deliver();
      };
      body.on('data', (chunk: Buffer | string) => {
        if (!stopped) sink.data(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
      });
      body.once('end', () => once(() => sink.end()));
      body.once('error', (error) => once(() => sink.error(error)));
      // 'close' without 'end' or 'error': destroyed without an error by someone else.
      body.once('close', () => once(() => sink.error(new Error('The upstream body was closed before its end.'))));
    },
    pause: () => body.pause(),
    resume: () => body.resume(),
    destroy() {
      if (stopped) return;
      stopped = true;
      if (!body.destroyed) {
        // Nothing reads the body any more; its abort error (if any) must not go unhandled.
        body.on('error', () => {});
        body.destroy();
      }
    },
  };
}
