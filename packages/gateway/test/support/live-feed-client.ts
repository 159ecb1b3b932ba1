/**
 * A real `ws` client of the live feed for tests: connects (with or without a credential header),
 * records every message, waits for the first unseen message that matches, and reports how the
 * connection closed. Waits carry a generous guard so that a missing message fails the test
 * instead of hanging it; nothing asserts on durations.
 */

import type { Socket } from 'node:net';
import { WebSocket } from 'ws';

export interface LiveMessage {
  type: string;
  data: Record<string, unknown>;
}

export interface LiveTestClient {
  socket: WebSocket;
  /** Every message received so far, oldest first. */
  messages: LiveMessage[];
  send(type: string, data?: Record<string, unknown>): void;
  /** The first message not yet returned by `next` that matches (already received or still to come). */
  next(predicate: (message: LiveMessage) => boolean, what?: string): Promise<LiveMessage>;
  /** Resolves with the close code and reason once the connection closed. */
  closed: Promise<{ code: number; reason: string }>;
  /** The raw TCP socket, to stop reading (a slow consumer). */
  tcp(): Socket;
  close(): Promise<void>;
}

const GUARD_MS = 15_000;

/** `url` is the gateway's http://… address; the feed is at ws://…/ws. */
export function liveUrl(url: string, path = '/ws'): string {
  return `${url.replace(/^http/, 'ws')}${path}`;
}

export async function connectLive(url: string, options: { headers?: Record<string, string>; autoPong?: boolean; path?: string } = {}): Promise<LiveTestClient> {
  const socket = new WebSocket(liveUrl(url, options.path), { headers: options.headers, autoPong: options.autoPong ?? true });
  const messages: LiveMessage[] = [];
  const returned = new Set<LiveMessage>();
  const waiters: Array<() => void> = [];
  const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  socket.on('message', (data) => {
    messages.push(JSON.parse(data.toString()) as LiveMessage);
    for (const wake of waiters.splice(0)) wake();
  });
  socket.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('unexpected-response', (_request, response) => reject(new Error(`upgrade refused: ${response.statusCode}`)));
    socket.once('error', reject);
  });
  const next: LiveTestClient['next'] = (predicate, what = 'a matching message') =>
    new Promise<LiveMessage>((resolve, reject) => {
      const guard = setTimeout(() => reject(new Error(`no ${what} arrived; got ${JSON.stringify(messages.map((message) => message.type))}`)), GUARD_MS);
      const look = (): void => {
        const found = messages.find((message) => !returned.has(message) && predicate(message));
        if (found) {
          clearTimeout(guard);
          returned.add(found);
          resolve(found);
          return;
        }
        waiters.push(look);
      };
      look();
      void closed.then(() => setImmediate(() => {
        if (!messages.some((message) => !returned.has(message) && predicate(message))) {
          clearTimeout(guard);
          reject(new Error(`the connection closed before ${what} arrived`));
        }
      }));
    });
  return {
    socket,
    messages,
    send: (type, data = {}) => socket.send(JSON.stringify({ type, data })),
    next,
    closed,
    tcp: () => (socket as unknown as { _socket: Socket })._socket,
    async close() {
      if (socket.readyState === WebSocket.CLOSED) return;
      socket.close();
      const done = await Promise.race([closed.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2_000).unref())]);
      if (!done) socket.terminate();
      await closed;
    },
  };
}

/** Connects and authenticates with a header; resolves once the gateway said `authenticated`. */
export async function authenticatedClient(url: string, credential: string, options: { autoPong?: boolean } = {}): Promise<LiveTestClient> {
  const client = await connectLive(url, { headers: { authorization: `Bearer ${credential}` }, ...options });
  await client.next((message) => message.type === 'authenticated', 'authenticated');
  return client;
}

/** Subscribes and resolves once `subscribed` arrived. */
export async function subscribe(client: LiveTestClient, channel: string, filter: Record<string, unknown> = {}): Promise<void> {
  client.send('subscribe', { subscriptionType: channel, ...filter });
  await client.next((message) => message.type === 'subscribed' && message.data.subscriptionType === channel, `subscribed to ${channel}`);
}

/** Polls until `check` holds (state the gateway keeps, read in-process), with the same guard. */
export async function eventually(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + GUARD_MS;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`never happened: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
