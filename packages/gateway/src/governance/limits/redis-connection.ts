/**
 * One ioredis client for the shared counters, set up so that nothing waits on a Redis that is down
 * (DESIGN.md, "Redis unavailable"): commands fail at once while disconnected (no offline queue),
 * time out when Redis stops answering, and reconnection backs off up to a cap. Beside the client,
 * a health view: 'degraded' while disconnected or after a command failed, until Redis answers again.
 */

import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { DEFAULT_KEY_PREFIX } from './redis-key-prefix.js';


export type RedisHealthStatus = 'ok' | 'degraded';

export interface RedisConnectionOptions {
  /** `redis://[user:password@]host:port[/db]` or `rediss://…` */
  url: string;
  logger: Pick<Logger, 'info' | 'warn'>;
  /** Namespace for every key the stores write. Default `switchyard:`. */
  keyPrefix?: string;
  /** A command without an answer after this long fails (and the caller answers locally). Default 500 ms. */
  commandTimeoutMs?: number;
  /** Giving up on one connection attempt after this long. Default 2 s. */
  connectTimeoutMs?: number;
  /** Longest pause between reconnection attempts. Default 2 s. */
  maxReconnectDelayMs?: number;
}

export interface RedisConnection {
  readonly client: Redis;
  readonly keyPrefix: string;
  status(): RedisHealthStatus;
  /** The last failure seen (connection or command), or null. */
  lastError(): { message: string; atMs: number } | null;
  /** Called when a command failed or timed out: the status turns degraded. */
  reportFailure(error: unknown): void;
  /** Called when Redis answered again after a failure. */
  reportRecovered(): void;
  /** Listens for status changes (for alerts); returns a function that stops listening. */
  onStatusChange(listener: (status: RedisHealthStatus) => void): () => void;
  /** Resolves true once connected, false if the first attempt failed or took longer than connectTimeoutMs. */
  whenReady(): Promise<boolean>;
  close(): Promise<void>;
}

export function createRedisConnection(options: RedisConnectionOptions): RedisConnection {
  const connectTimeoutMs = options.connectTimeoutMs ?? 2_000;
  const maxReconnectDelayMs = options.maxReconnectDelayMs ?? 2_000;
  const client = new Redis(options.url, {
    enableOfflineQueue: false,
    connectTimeout: connectTimeoutMs,
    commandTimeout: options.commandTimeoutMs ?? 500,
    // Commands caught by a dropped connection fail at the first reconnection attempt, not later.
    maxRetriesPerRequest: 1,
    retryStrategy: (attempt) => Math.min(50 * 2 ** Math.min(attempt, 10), maxReconnectDelayMs),
  });
  const listeners = new Set<(status: RedisHealthStatus) => void>();
  let lastError: { message: string; atMs: number } | null = null;
  let commandFailed = false;
  let closing = false;
  // Nothing is announced until the first connection attempt settles one way or the other.
  let announced: RedisHealthStatus | null = null;

  const status = (): RedisHealthStatus => (client.status === 'ready' && !commandFailed ? 'ok' : 'degraded');
  const announce = (): void => {
    if (closing) return;
    const current = status();
    if (current === announced) return;
    const previous = announced;
    announced = current;
    if (current === 'degraded') options.logger.warn({ error: lastError?.message }, 'redis unavailable: limits and budgets fall back to this replica');
    else options.logger.info(previous === null ? 'redis connected' : 'redis available again: limits and budgets shared across replicas');
    // Listeners hear of changes (and of a first connection that failed), not of a start that went well.
    if (previous !== null || current === 'degraded') for (const listener of listeners) listener(current);
  };
  const recordError = (error: unknown): void => {
    lastError = { message: error instanceof Error ? error.message : String(error), atMs: Date.now() };
  };

  // ioredis emits 'error' on every failed attempt; a listener must exist or the process dies.
  client.on('error', (error: unknown) => {
    recordError(error);
    announce();
  });
  client.on('ready', () => {
    commandFailed = false;
    announce();
  });
  client.on('close', () => announce());

  return {
    client,
    keyPrefix: options.keyPrefix ?? DEFAULT_KEY_PREFIX,
    status,
    lastError: () => lastError,
    reportFailure(error) {
      recordError(error);
      commandFailed = true;
      announce();
    },
    reportRecovered() {
      commandFailed = false;
      announce();
    },
    onStatusChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    whenReady() {
      if (client.status === 'ready') return Promise.resolve(true);
      return new Promise((resolve) => {
        const finish = (ready: boolean) => {
          clearTimeout(timer);
          client.off('ready', onReady);
          client.off('error', onError);
          resolve(ready);
        };
        const onReady = () => finish(true);
        const onError = () => finish(false);
        const timer = setTimeout(() => finish(false), connectTimeoutMs);
        client.once('ready', onReady);
        client.once('error', onError);
      });
    },
    async close() {
      closing = true;
      listeners.clear();
      try {
        await client.quit();
      } catch {
        // Not connected: nothing to say goodbye to.
        client.disconnect();
      }
    },
  };
}
