/**
 * Writes a server-sent-events response on the raw Node response: headers once, then frames with
 * back-pressure (a slow client slows the upstream read instead of growing memory).
 */

import type { ServerResponse } from 'node:http';

export interface SseWriter {
  /** Writes text; resolves when the socket can take more. Resolves false when the client is gone. */
  write(text: string): Promise<boolean>;
  end(): void;
  /** True once the client closed the connection. */
  readonly closed: boolean;
}

export function openSse(raw: ServerResponse, headers: Record<string, string>): SseWriter {
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
    ...headers,
  });
  raw.flushHeaders();
  let closed = false;
  raw.once('close', () => {
    closed = true;
  });
  return {
    get closed() {
      return closed || raw.destroyed;
    },
    async write(text: string): Promise<boolean> {
      if (text.length === 0) return !closed;
      if (closed || raw.destroyed) return false;
      if (raw.write(text)) return true;
      return new Promise<boolean>((resolve) => {
        const onDrain = (): void => {
          raw.off('close', onClose);
          resolve(true);
        };
        const onClose = (): void => {
          raw.off('drain', onDrain);
          resolve(false);
        };
        raw.once('drain', onDrain);
        raw.once('close', onClose);
      });
    },
    end(): void {
      if (!raw.destroyed && !raw.writableEnded) raw.end();
    },
  };
}
