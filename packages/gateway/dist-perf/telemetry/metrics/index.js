/** Prometheus metrics of the gateway (GET /metrics). See docs/observability.md#metrics. */
export { createGatewayMetrics, METRIC_PREFIX } from './gateway-metrics.js';
export { LabelGuard, NONE_LABEL, UNKNOWN_LABEL } from './label-guard.js';
export { BREAKER_STATE_VALUE } from './state-gauges.js';
export { LLM_DURATION_BUCKETS } from './metric-set.js';
//# sourceMappingURL=index.js.map