/**
 * Builds the gateway's health report (GET /api/health, /api/ai/health, and /ready): the database,
 * Redis when configured, each provider's deployments with their breaker states, the queues and the
 * background workers. Inputs are plain functions handed in by app.ts, so this module knows no store.
 */
import { overallStatus, queueHealth, worse } from './component-health.js';
export function createHealthReporter(sources) {
    return async () => {
        const components = { database: await databaseHealth(sources) };
        if (sources.redis)
            components.redis = redisHealth(sources.redis);
        Object.assign(components, providerHealth(sources.deployments(), sources.breakers()));
        for (const queue of sources.queues()) {
            const health = queueHealth({ length: queue.length, limit: queue.limit, what: queue.what });
            // Dropped items mean something was lost at some point: worth a look even once the queue drained.
            components[`queue:${queue.name}`] = queue.dropped ? { ...health, status: worse(health.status, 'degraded'), dropped: queue.dropped, detail: `${health.detail}; ${queue.dropped} dropped since start` } : health;
        }
        for (const worker of sources.workers())
            components[`worker:${worker.name}`] = workerHealth(worker);
        return {
            status: overallStatus(components),
            version: sources.version,
            uptimeSeconds: Math.round((Date.now() - sources.startedAtMs) / 1000),
            checkedAt: new Date().toISOString(),
            components,
        };
    };
}
async function databaseHealth(sources) {
    const started = performance.now();
    let timer;
    try {
        await Promise.race([
            sources.database.ping(),
            new Promise((_resolve, reject) => {
                timer = setTimeout(() => reject(new Error(`no answer within ${sources.pingTimeoutMs ?? 2_000} ms`)), sources.pingTimeoutMs ?? 2_000);
            }),
        ]);
        const latencyMs = Math.round((performance.now() - started) * 100) / 100;
        return { status: 'ok', required: true, detail: `${sources.database.dialect} answered in ${latencyMs} ms`, dialect: sources.database.dialect, latencyMs };
    }
    catch (error) {
        return { status: 'down', required: true, detail: `${sources.database.dialect}: ${error instanceof Error ? error.message : String(error)}`, dialect: sources.database.dialect };
    }
    finally {
        clearTimeout(timer);
    }
}
function redisHealth(redis) {
    if (redis.status() === 'ok')
        return { status: 'ok', detail: 'connected; limits and budgets are shared across replicas' };
    const error = redis.lastError();
    return {
        status: 'degraded',
        detail: `unreachable (${error?.message ?? 'no connection'}); limits and budgets are per replica until it returns`,
        ...(error ? { since: new Date(error.atMs).toISOString() } : {}),
    };
}
/** One component per provider: down when every deployment's breaker is open, degraded when some are. */
function providerHealth(deployments, breakers) {
    const breakerOf = new Map(breakers.map((breaker) => [breaker.deploymentId, breaker]));
    const byProvider = new Map();
    for (const deployment of deployments) {
        const list = byProvider.get(deployment.provider.id) ?? [];
        if (list.some((item) => item.id === deployment.id))
            continue;
        const breaker = breakerOf.get(deployment.id);
        list.push({ id: deployment.id, model: deployment.model, breaker: breaker?.state ?? 'closed', consecutiveFailures: breaker?.consecutiveFailures ?? 0 });
        byProvider.set(deployment.provider.id, list);
    }
    const components = {};
    for (const [providerId, list] of byProvider) {
        const open = list.filter((item) => item.breaker === 'open').length;
        const trial = list.filter((item) => item.breaker === 'half-open').length;
        const status = open === list.length ? 'down' : open > 0 || trial > 0 ? 'degraded' : 'ok';
        const detail = status === 'ok'
            ? `${list.length} deployment${list.length === 1 ? '' : 's'}, breakers closed`
            : `${open} of ${list.length} deployment breakers open${trial ? `, ${trial} half-open (trial)` : ''}`;
        components[`provider:${providerId}`] = { status, detail, deployments: list };
    }
    return components;
}
function workerHealth(worker) {
    if (!worker.running)
        return { status: 'down', detail: `not running (${worker.does})`, running: false };
    if (worker.lastError) {
        return { status: 'degraded', detail: `${worker.does}; last run failed: ${worker.lastError.message}`, running: true, failedAt: new Date(worker.lastError.atMs).toISOString() };
    }
    return { status: 'ok', detail: worker.does, running: true };
}
//# sourceMappingURL=gateway-health.js.map