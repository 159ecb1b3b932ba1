/**
 * A plain node:http server on a free local port, for tests that script an upstream's answers by
 * hand (timeouts, aborts, back-pressure), and the calls those tests send it.
 */

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Timeouts } from '../../src/core/index.js';
import type { UpstreamCall } from '../../src/providers/shared/http.js';

export interface LocalServer {
  baseUrl: string;
  /** Closes the server and drops its open connections (a test may leave a request hanging). */
  close(): Promise<void>;
}

export async function startLocalServer(handler: http.RequestListener): Promise<LocalServer> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Far longer than any test takes, so only the timeout a test lowers can fire. */
const GENEROUS_TIMEOUTS: Timeouts = { connectMs: 2_000, firstByteMs: 10_000, totalMs: 20_000, streamIdleMs: 10_000 };

/** An upstream call of an empty JSON body to `url`, with generous timeouts but those given. */
export function testCall(url: string, options: { timeouts?: Partial<Timeouts>; signal?: AbortSignal; stream?: boolean } = {}): UpstreamCall {
  return {
    url,
    headers: { 'content-type': 'application/json' },
    body: '{}',
    signal: options.signal ?? new AbortController().signal,
    timeouts: { ...GENEROUS_TIMEOUTS, ...options.timeouts },
    provider: 'test',
    stream: options.stream ?? false,
  };
}
