/**
 * A TCP proxy on 127.0.0.1 in front of a fake upstream, which a test can take down and bring back:
 * while down it resets every connection (new ones at once, open keep-alive ones too), so the
 * gateway sees the upstream as unreachable, exactly as when its host goes away.
 */

import { connect, createServer } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';

export interface ToggleProxy {
  /** `target`'s base URL with the proxy's port in place of the target's. */
  baseUrl: string;
  down(): void;
  up(): void;
  close(): Promise<void>;
}

export async function startToggleProxy(target: string): Promise<ToggleProxy> {
  const targetUrl = new URL(target);
  const sockets = new Set<Socket>();
  let isDown = false;
  const server = createServer((client) => {
    if (isDown) return void client.resetAndDestroy();
    const upstream = connect(Number(targetUrl.port), targetUrl.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => socket.destroy());
    }
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const proxied = new URL(target);
  proxied.port = String(port);
  return {
    baseUrl: proxied.toString().replace(/\/$/, ''),
    down: () => {
      isDown = true;
      for (const socket of sockets) socket.resetAndDestroy();
    },
    up: () => {
      isDown = false;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
