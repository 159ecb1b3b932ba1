/**
 * The shared counters behind rate limits and budgets, chosen from the configuration: in-process
 * when no Redis is configured; otherwise Redis, with this replica's memory as the fallback while
 * Redis is unreachable, whose health is reported through the RedisConnection.
 */
import { FailoverBudgetLedger } from './failover-budget-ledger.js';
import { FailoverCounterStore } from './failover-counter-store.js';
import { MemoryBudgetLedger } from './memory-budget-ledger.js';
import { MemoryCounterStore } from './memory-counter-store.js';
import { RedisBudgetLedger } from './redis-budget-ledger.js';
import { RedisCounterStore } from './redis-counter-store.js';
export { createRedisConnection, DEFAULT_KEY_PREFIX } from './redis-connection.js';
export { MemoryCounterStore } from './memory-counter-store.js';
export { MemoryBudgetLedger, LOCAL_RESERVATION_PREFIX } from './memory-budget-ledger.js';
export { RedisCounterStore } from './redis-counter-store.js';
export { RedisBudgetLedger } from './redis-budget-ledger.js';
export { FailoverCounterStore } from './failover-counter-store.js';
export { FailoverBudgetLedger } from './failover-budget-ledger.js';
export function createCounterStore(options) {
    const local = new MemoryCounterStore();
    if (options.redis === undefined)
        return local;
    return new FailoverCounterStore({
        ...failoverHooks(options.redis, options.retryIntervalMs),
        primary: new RedisCounterStore({ client: options.redis.client, keyPrefix: options.redis.keyPrefix }),
        fallback: local,
    });
}
export function createBudgetLedger(options) {
    const local = new MemoryBudgetLedger();
    if (options.redis === undefined)
        return local;
    const shared = new RedisBudgetLedger({
        client: options.redis.client,
        keyPrefix: options.redis.keyPrefix,
        // Keeps the local copy near the shared spend, so an outage starts from what was spent, not from zero.
        onSpendObserved: (observed) => void local.seed(observed.budgetId, observed.periodKey, observed.spentUsd, observed.resetAtMs),
    });
    return new FailoverBudgetLedger({ ...failoverHooks(options.redis, options.retryIntervalMs), primary: shared, fallback: local, logger: options.logger });
}
/** Failures and recoveries go to the connection, which logs each change once and serves the health view. */
function failoverHooks(redis, retryIntervalMs) {
    return {
        probe: () => redis.client.ping(),
        onDegraded: (error) => redis.reportFailure(error),
        onRecovered: () => redis.reportRecovered(),
        ...(retryIntervalMs === undefined ? {} : { retryIntervalMs }),
    };
}
//# sourceMappingURL=index.js.map