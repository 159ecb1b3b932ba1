/**
 * Feeds the counters and histograms from the event bus. Listeners run on the request path, so
 * they do only what prom-client needs: the label values are guarded names (no strings built from
 * client input), and the per-(group, provider) series are looked up once and kept.
 */

import type { Counter, Histogram } from 'prom-client';
import type { UsageRow } from '../../pipeline/ports.js';
import type { EventBus } from '../event-bus.js';
import type { LabelGuard } from './label-guard.js';
import type { MetricSet } from './metric-set.js';

/** The children of one (model group, provider) pair, bound once instead of per request. */
interface GroupSeries {
  duration: Histogram.Internal<string>;
  timeToFirstToken: Histogram.Internal<string>;
  input: Counter.Internal;
  output: Counter.Internal;
  cached: Counter.Internal;
  cost: Counter.Internal;
}

/** Rejections counted from the usage row's error code (rejected requests leave a row too). */
const REJECTION_COUNTERS = {
  SY_ERR_RATE_LIMITED: 'rateLimitRejections',
  SY_ERR_BUDGET_EXCEEDED: 'budgetRejections',
  SY_ERR_CONCURRENCY_LIMITED: 'concurrencyRejections',
} as const satisfies Record<string, keyof MetricSet>;

/** Subscribes the metric set to the bus; returns the function that unsubscribes. */
export function attachEventCounters(options: { events: EventBus; metrics: MetricSet; labels: LabelGuard }): () => void {
  const { events, metrics, labels } = options;
  const seriesByPair = new Map<string, GroupSeries>();

  const seriesFor = (modelGroup: string, provider: string): GroupSeries => {
    // Both parts are guarded names, so this map is as bounded as the configuration.
    const pairKey = `${modelGroup}\u0000${provider}`;
    let series = seriesByPair.get(pairKey);
    if (!series) {
      const pair = { model_group: modelGroup, provider };
      series = {
        duration: metrics.duration.labels(pair),
        timeToFirstToken: metrics.timeToFirstToken.labels(pair),
        input: metrics.tokens.labels({ ...pair, direction: 'input' }),
        output: metrics.tokens.labels({ ...pair, direction: 'output' }),
        cached: metrics.tokens.labels({ ...pair, direction: 'cached' }),
        cost: metrics.cost.labels(pair),
      };
      seriesByPair.set(pairKey, series);
    }
    return series;
  };

  const onFinished = (row: UsageRow): void => {
    const modelGroup = labels.group(row.modelGroup);
    const provider = labels.provider(row.provider);
    metrics.requests.inc({ model_group: modelGroup, provider, deployment: labels.deployment(row.deploymentId), status: labels.status(row.status), outcome: row.outcome });
    const series = seriesFor(modelGroup, provider);
    series.duration.observe(row.latencyMs / 1_000);
    // A non-streamed answer's "first token" is the whole answer; only streams have a TTFT of their own.
    if (row.stream && row.ttftMs !== null) series.timeToFirstToken.observe(row.ttftMs / 1_000);
    if (row.promptTokens > 0) series.input.inc(row.promptTokens);
    if (row.completionTokens > 0) series.output.inc(row.completionTokens);
    if (row.cachedTokens > 0) series.cached.inc(row.cachedTokens);
    if (row.costUsd > 0) series.cost.inc(row.costUsd);
    const rejection = row.errorCode !== null && Object.hasOwn(REJECTION_COUNTERS, row.errorCode) ? REJECTION_COUNTERS[row.errorCode as keyof typeof REJECTION_COUNTERS] : null;
    if (rejection) metrics[rejection].inc({ model_group: modelGroup });
  };

  const unsubscribers = [
    events.on('request.finished', (event) => onFinished(event.row)),
    events.on('attempt.failed', (event) => {
      // A client going away is not the upstream's failure (its usage row says client_disconnected).
      if (event.code === 'SY_ERR_CLIENT_DISCONNECTED') return;
      metrics.attemptFailures.inc({ deployment: labels.deployment(event.deploymentId), code: labels.errorCode(event.code) });
    }),
    events.on('breaker.changed', (event) => {
      metrics.breakerTransitions.inc({ deployment: labels.deployment(event.deploymentId), from: event.from, to: event.to });
    }),
    events.on('budget.threshold', (event) => {
      metrics.budgetThresholds.inc({ threshold: thresholdLabel(event.threshold) });
    }),
  ];
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}

/** Thresholds are operator-set percentages (≤ 1000 by the schema); rounded so 80 and 80.0 are one series. */
function thresholdLabel(threshold: number): string {
  return Number.isFinite(threshold) ? String(Math.round(threshold)) : 'other';
}
