/**
 * The gateway's Prometheus metrics: its own registry (never prom-client's global one, so two
 * gateways in one process — tests — do not share series), the event-fed counters, the scrape-time
 * gauges and prom-client's process and Node.js metrics, all prefixed `switchyard_`.
 */
import { Registry, collectDefaultMetrics } from 'prom-client';
import { attachEventCounters } from './event-counters.js';
import { LabelGuard } from './label-guard.js';
import { createMetricSet } from './metric-set.js';
import { registerStateGauges } from './state-gauges.js';
export const METRIC_PREFIX = 'switchyard_';
/**
 * prom-client reports these as gauges named `…_total`, which Prometheus' own linter
 * (`promtool check metrics`) rejects: a `_total` suffix promises a counter. The same figures
 * remain as `nodejs_active_{handles,requests,resources}` by type; sum them for the total.
 */
const LINT_FAILING_DEFAULTS = ['nodejs_active_handles_total', 'nodejs_active_requests_total', 'nodejs_active_resources_total'];
export function createGatewayMetrics(options) {
    const { sources } = options;
    const registry = new Registry();
    collectDefaultMetrics({ register: registry, prefix: METRIC_PREFIX });
    for (const name of LINT_FAILING_DEFAULTS)
        registry.removeSingleMetric(METRIC_PREFIX + name);
    const labels = new LabelGuard({ table: () => sources.router.routingTable(), providerIds: options.providerIds });
    const metrics = createMetricSet(registry);
    // Both results exist from the start, so a hit rate is 0/0 rather than "no data" until a lookup.
    metrics.cacheRequests.inc({ result: 'hit' }, 0);
    metrics.cacheRequests.inc({ result: 'miss' }, 0);
    registerStateGauges({ registry, sources, labels });
    const detach = attachEventCounters({ events: options.events, metrics, labels });
    return {
        registry,
        contentType: registry.contentType,
        render: () => registry.metrics(),
        countCacheLookup: (result) => metrics.cacheRequests.inc({ result }),
        close: detach,
    };
}
//# sourceMappingURL=gateway-metrics.js.map