/**
 * The shared counters behind rate limits and budgets, chosen from the configuration: in-process
 * when no Redis is configured; otherwise Redis, with this replica's memory as the fallback while
 * Redis is unreachable, whose health is reported through the RedisConnection.
 */

import type { Logger } from 'pino';
import type { BudgetLedger, CounterStore } from '../../pipeline/ports.js';
import { FailoverBudgetLedger } from './failover-budget-ledger.js';
import { FailoverCounterStore } from './failover-counter-store.js';
import type { FailoverOptions } from './failover-state.js';
import { MemoryBudgetLedger } from './memory-budget-ledger.js';
import { MemoryCounterStore } from './memory-counter-store.js';
import { RedisBudgetLedger } from './redis-budget-ledger.js';
import type { RedisConnection, RedisConnectionOptions } from './redis-connection.js';
import { RedisCounterStore } from './redis-counter-store.js';

export { DEFAULT_KEY_PREFIX } from './redis-key-prefix.js';
export type { RedisConnection, RedisConnectionOptions, RedisHealthStatus } from './redis-connection.js';
export { MemoryCounterStore } from './memory-counter-store.js';
export { MemoryBudgetLedger, LOCAL_RESERVATION_PREFIX } from './memory-budget-ledger.js';
export { RedisCounterStore } from './redis-counter-store.js';
export { RedisBudgetLedger } from './redis-budget-ledger.js';
export { FailoverCounterStore } from './failover-counter-store.js';
export { FailoverBudgetLedger } from './failover-budget-ledger.js';
export type { FailoverOptions } from './failover-state.js';
export type { LocalBudgetLedger, SharedBudgetLedger } from './failover-budget-ledger.js';
export type { ObservedSpend } from './redis-budget-ledger.js';

/**
 * Opens the Redis connection. ioredis is loaded here, on first use, so that a gateway without Redis
 * never pays for it in memory (about 10 MiB of resident memory with its dependencies).
 */
export async function openRedisConnection(options: RedisConnectionOptions): Promise<RedisConnection> {
  const { createRedisConnection } = await import('./redis-connection.js');
  return createRedisConnection(options);
}

export interface LimitsStoreOptions {
  /** Set when REDIS_URL is configured; absent means in-process only. */
  redis?: RedisConnection;
  logger: Pick<Logger, 'info' | 'warn'>;
  /** While Redis is unreachable, at most one probe per this many ms. Default 1 s. */
  retryIntervalMs?: number;
}

export function createCounterStore(options: LimitsStoreOptions): CounterStore {
  const local = new MemoryCounterStore();
  if (options.redis === undefined) return local;
  return new FailoverCounterStore({
    ...failoverHooks(options.redis, options.retryIntervalMs),
    primary: new RedisCounterStore({ client: options.redis.client, keyPrefix: options.redis.keyPrefix }),
    fallback: local,
  });
}

export function createBudgetLedger(options: LimitsStoreOptions): BudgetLedger {
  const local = new MemoryBudgetLedger();
  if (options.redis === undefined) return local;
  const shared = new RedisBudgetLedger({
    client: options.redis.client,
    keyPrefix: options.redis.keyPrefix,
    // Keeps the local copy near the shared spend, so an outage starts from what was spent, not from zero.
    onSpendObserved: (observed) => void local.seed(observed.budgetId, observed.periodKey, observed.spentUsd, observed.resetAtMs),
  });
  return new FailoverBudgetLedger({ ...failoverHooks(options.redis, options.retryIntervalMs), primary: shared, fallback: local, logger: options.logger });
}

/** Failures and recoveries go to the connection, which logs each change once and serves the health view. */
function failoverHooks(redis: RedisConnection, retryIntervalMs: number | undefined): FailoverOptions {
  return {
    probe: () => redis.client.ping(),
    onDegraded: (error) => redis.reportFailure(error),
    onRecovered: () => redis.reportRecovered(),
    ...(retryIntervalMs === undefined ? {} : { retryIntervalMs }),
  };
}
