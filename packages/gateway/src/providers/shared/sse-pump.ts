/**
 * Moves a pass-through stream from the upstream body to the client without async iteration: each
 * chunk the socket delivers is split into SSE events and relayed as it is pushed (byte-source.ts),
 * and a client that cannot take more pauses the upstream read until it drains (back-pressure, as
 * Node's own pipe does). Iterating the body with for-await cost a promise, several ticks and a
 * generator step per chunk; this way a stream costs about 10 % less CPU (measured with
 * `npm run bench -- --scenario compare --stream`).
 */

import type { ByteSource } from './byte-source.js';
import { type SseEvent, SseSplitter } from './sse.js';

/** Takes a pass-through stream's text as it comes. */
export interface FrameSink {
  /** Writes the text of one or more whole frames; false asks for no more until onDrain. */
  write(text: string): boolean;
  /** Calls resume once, when the client has taken what was written. */
  onDrain(resume: () => void): void;
}

/** What an adapter does with the stream: which text each event becomes, and failures. */
export interface SseRelayHandlers {
  /** The text to relay for one event ('' for none); the events of one chunk are written together. */
  relay(event: SseEvent): string;
  /** The body ended normally, after the last events were relayed. */
  end?(): void;
  /** The body failed: a cut connection, a timeout, an abort. */
  fail(error: unknown): void;
}

export interface SsePump {
  /** Relays into the sink; resolves once the body ended, failed or was stopped. Never rejects. */
  pipe(sink: FrameSink): Promise<void>;
  /** Stops reading and drops the upstream connection (the client left). */
  stop(): void;
}

export function createSsePump(source: ByteSource, handlers: SseRelayHandlers): SsePump {
  let settle: (() => void) | null = null;
  let settled = false;
  const finish = (): void => {
    if (settled) return;
    settled = true;
    settle?.();
  };
  const stop = (): void => {
    if (settled) return;
    finish();
    source.destroy();
  };
  return {
    pipe(sink) {
      if (settled) return Promise.resolve();
      return new Promise<void>((resolve) => {
        settle = resolve;
        const splitter = new SseSplitter();
        const resume = (): void => source.resume();
        const write = (events: readonly SseEvent[]): void => {
          let text = '';
          for (const event of events) text += handlers.relay(event);
          if (text.length > 0 && !sink.write(text) && !settled) {
            source.pause();
            sink.onDrain(resume);
          }
        };
        source.consume({
          data(chunk) {
            if (settled) return;
            // A throw here would escape into the socket's event: end the relay instead.
            try {
              write(splitter.push(chunk));
            } catch (error) {
              handlers.fail(error);
              stop();
            }
          },
          end() {
            if (settled) return;
            try {
              write(splitter.end());
              handlers.end?.();
            } catch (error) {
              handlers.fail(error);
            }
            finish();
          },
          error(error) {
            if (settled) return;
            handlers.fail(error);
            finish();
          },
        });
      });
    },
    stop,
  };
}
