/**
 * One live-feed client: its socket, who it is once authenticated, what it subscribed to, its
 * message-rate bucket and heartbeat state. Sending never queues without bound: a client whose
 * socket already holds more than `maxBufferedBytes` unsent is a slow consumer and is closed with
 * 1013 instead of being sent more.
 */

import type { WebSocket } from 'ws';
import type { ApiCaller } from '../../pipeline/request-state.js';
import type { RowPredicate } from './channel-access.js';
import { CLOSE_CODES } from './live-protocol.js';
import type { LiveChannel, RequestsFilter, ServerMessage } from './live-protocol.js';
import { TokenBucket } from './token-bucket.js';

export interface LiveSubscription {
  channel: LiveChannel;
  filter: RequestsFilter;
  /** For `requests`: the rows this client may see and asked for. */
  rows: RowPredicate | null;
}

export type CloseReason = 'slow_consumer' | 'flood' | 'unauthenticated' | 'heartbeat' | 'capacity' | 'shutdown' | 'client';

export interface LiveConnectionOptions {
  socket: WebSocket;
  maxBufferedBytes: number;
  maxMessagesPerSecond: number;
  /** Called once when the gateway closes the connection (not when the client does). */
  onClosing: (connection: LiveConnection, reason: CloseReason) => void;
}

export class LiveConnection {
  readonly socket: WebSocket;
  readonly subscriptions = new Map<LiveChannel, LiveSubscription>();
  readonly rate: TokenBucket;
  /** Set once authenticated. */
  caller: ApiCaller | null = null;
  /** The credential as headers, to authorise it again at heartbeats (a key revoked meanwhile ends the feed). */
  credential: Record<string, string> | null = null;
  /** Cleared at each ping, set by the pong. */
  alive = true;
  readonly #maxBufferedBytes: number;
  readonly #onClosing: LiveConnectionOptions['onClosing'];
  #closing = false;

  constructor(options: LiveConnectionOptions) {
    this.socket = options.socket;
    this.#maxBufferedBytes = options.maxBufferedBytes;
    this.#onClosing = options.onClosing;
    this.rate = new TokenBucket({ perSecond: options.maxMessagesPerSecond });
  }

  get closing(): boolean {
    return this.#closing || this.socket.readyState !== this.socket.OPEN;
  }

  /** Sends a message (or one already serialised); false when it was not sent. */
  send(message: ServerMessage | string): boolean {
    if (this.closing) return false;
    if (this.socket.bufferedAmount > this.#maxBufferedBytes) {
      this.close(CLOSE_CODES.tryAgainLater, 'slow consumer', 'slow_consumer');
      return false;
    }
    this.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
    return true;
  }

  /** Starts the closing handshake (the `ws` close timeout ends a peer that never answers). */
  close(code: number, reason: string, why: CloseReason): void {
    if (this.#closing) return;
    this.#closing = true;
    this.#onClosing(this, why);
    if (this.socket.readyState === this.socket.OPEN || this.socket.readyState === this.socket.CONNECTING) this.socket.close(code, reason);
  }

  /** Ends the connection at once, without a handshake (a peer that stopped answering pings). */
  terminate(why: CloseReason): void {
    if (!this.#closing) {
      this.#closing = true;
      this.#onClosing(this, why);
    }
    this.socket.terminate();
  }
}
