/**
 * GET /api/ai/metrics and /api/ai/metrics/manager (src/server/management/metrics-routes.ts) in
 * the document: the live totals and the load balancer's state, with their schemas.
 */
import { integer, nullable, number, object, string } from './components.js';
import { jsonAnswer, managementOperation } from './management-components.js';
import { ref } from './openapi-types.js';
const TAG = 'Metrics';
export const METRICS_TAG = { name: TAG, description: "What the gateway is doing now: live totals and the load balancer's state (the live feed at /ws streams the same)." };
const LIVE_NOTE = "One replica's own view: totals count since this process started; the live feed at `/ws` streams the same figures every second (docs/observability.md).";
const count = (description) => integer(description, { minimum: 0 });
const rate = (description) => number(description, { minimum: 0, maximum: 1 });
const DEPLOYMENT_LOAD = object({
    id: string('The deployment id.'),
    provider: string('The provider id.'),
    enabled: { type: 'boolean', description: 'False when an operator disabled it.' },
    weight: number('Its weight (the `weighted` strategy).', { minimum: 0 }),
    inFlight: count('Attempts in flight on it now.'),
    queued: count('Requests waiting for one of its slots (`maxConcurrentRequests`).'),
    breaker: string("Its circuit breaker's state.", { enum: ['closed', 'open', 'half-open'] }),
    share: rate("Its share of the group's attempts over the recent window (`windowMs`), 0..1."),
    recentRequests: count('Attempts started on it within the recent window.'),
    totalRequests: count('Attempts started on it since start.'),
}, ['id', 'provider', 'enabled', 'weight', 'inFlight', 'queued', 'breaker', 'share', 'recentRequests', 'totalRequests'], { additionalProperties: false });
export const METRICS_SCHEMAS = {
    AiMetrics: object({
        totalRequests: count('Requests finished since start (one per usage row).'),
        activeRequests: count('Requests in flight now.'),
        avgResponseTime: nullable(number('Mean latency since start, ms; null before the first request.', { minimum: 0 })),
        errorRate: rate('Requests that ended in an error / requests, since start, 0..1.'),
        modelsActive: count('Model groups with a finished request in the last 60 seconds.'),
        tokensProcessed: count('Prompt and completion tokens since start.'),
        costToday: number('USD spent since UTC midnight: the usage table at start, plus every request since.', { minimum: 0 }),
        cacheHitRate: rate('Share of cache lookups that hit, 0..1 (0 while no response cache is configured).'),
        requestsPerSecond: number('Requests finished per second over the last 10 seconds.', { minimum: 0 }),
        latencyP50Ms: nullable(number('Median latency over the last 60 seconds, ms (within about 5 %); null with no request.', { minimum: 0 })),
        latencyP95Ms: nullable(number('95th percentile latency over the last 60 seconds, ms (within about 5 %); null with no request.', { minimum: 0 })),
        uptimeSeconds: count('Seconds since the gateway started.'),
    }, ['totalRequests', 'activeRequests', 'avgResponseTime', 'errorRate', 'modelsActive', 'tokensProcessed', 'costToday', 'cacheHitRate', 'requestsPerSecond', 'latencyP50Ms', 'latencyP95Ms', 'uptimeSeconds'], { additionalProperties: false }),
    AiMetricsDeploymentLoad: DEPLOYMENT_LOAD,
    AiMetricsManager: object({
        algorithm: string('The global routing strategy (a group may route by its own: see `modelLoads[].strategy`).'),
        totalDistributed: count('Attempts the load balancer handed to deployments since start (retries and fallbacks included).'),
        queueLength: count('Requests waiting now: in the gateway-wide queue (`server.maxConcurrentRequests`) and for deployment slots.'),
        windowMs: count('Length of the recent window that `share` and `recentRequests` cover, ms.'),
        modelLoads: {
            type: 'array',
            description: 'Every model group, enabled or not, with its deployments.',
            items: object({
                model: string('The model group.'),
                enabled: { type: 'boolean', description: 'False when an operator disabled it.' },
                strategy: string('The strategy it routes by now.'),
                inFlight: count('Attempts in flight on its deployments.'),
                recentRequests: count('Attempts started on its deployments within the recent window.'),
                deployments: { type: 'array', items: ref('schemas', 'AiMetricsDeploymentLoad') },
            }, ['model', 'enabled', 'strategy', 'inFlight', 'recentRequests', 'deployments'], { additionalProperties: false }),
        },
    }, ['algorithm', 'totalDistributed', 'queueLength', 'windowMs', 'modelLoads'], { additionalProperties: false }),
};
const METRICS_EXAMPLE = {
    totalRequests: 18231, activeRequests: 4, avgResponseTime: 812.4, errorRate: 0.0121, modelsActive: 3, tokensProcessed: 9123345,
    costToday: 41.2873, cacheHitRate: 0, requestsPerSecond: 12.4, latencyP50Ms: 640.2, latencyP95Ms: 2210.9, uptimeSeconds: 86012,
};
const MANAGER_EXAMPLE = {
    algorithm: 'round-robin',
    totalDistributed: 18410,
    queueLength: 0,
    windowMs: 60000,
    modelLoads: [
        {
            model: 'gpt-4o', enabled: true, strategy: 'weighted', inFlight: 3, recentRequests: 520,
            deployments: [
                { id: 'openai/gpt-4o', provider: 'openai', enabled: true, weight: 3, inFlight: 2, queued: 0, breaker: 'closed', share: 0.75, recentRequests: 390, totalRequests: 13720 },
                { id: 'azure/gpt-4o', provider: 'azure', enabled: true, weight: 1, inFlight: 1, queued: 0, breaker: 'closed', share: 0.25, recentRequests: 130, totalRequests: 4690 },
            ],
        },
    ],
};
export const METRICS_PATHS = {
    '/api/ai/metrics': {
        get: managementOperation({
            operationId: 'getAiMetrics',
            summary: 'Live totals',
            description: `Requests, requests in flight, mean and percentile latency, error rate, tokens, today's cost, active models and uptime. ${LIVE_NOTE}`,
            tag: TAG,
            permission: 'analytics.read',
            responses: { '200': jsonAnswer('The figures.', 'AiMetrics', METRICS_EXAMPLE) },
        }),
    },
    '/api/ai/metrics/manager': {
        get: managementOperation({
            operationId: 'getAiMetricsManager',
            summary: "The load balancer's state",
            description: `The global strategy, attempts distributed since start, requests waiting, and per model group each deployment's requests in flight, queue, circuit breaker, weight and share of recent traffic. ${LIVE_NOTE}`,
            tag: TAG,
            permission: 'analytics.read',
            responses: { '200': jsonAnswer('The state.', 'AiMetricsManager', MANAGER_EXAMPLE) },
        }),
    },
};
//# sourceMappingURL=management-metrics.js.map