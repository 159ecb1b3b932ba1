/**
 * Feeds the counters and histograms from the event bus. Listeners run on the request path, so
 * they only add numbers to series found once and kept (./series.ts; prom-client reads them at
 * scrape time): the label values are guarded names (no strings built from client input), so the
 * series are as bounded as the configuration.
 */

import type { UsageRow } from '../../pipeline/ports.js';
import type { EventBus } from '../event-bus.js';
import type { LabelGuard } from './label-guard.js';
import type { MetricSet } from './metric-set.js';
import type { CounterSeries, HistogramSeries } from './series.js';

/** The series of one (model group, provider) pair, found once instead of per request. */
interface GroupSeries {
  duration: HistogramSeries;
  timeToFirstToken: HistogramSeries;
  input: CounterSeries;
  output: CounterSeries;
  cached: CounterSeries;
  cost: CounterSeries;
  /** switchyard_requests_total by deployment, status and outcome. */
  requests: Map<string, CounterSeries>;
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
  const { pending } = metrics;
  const seriesByPair = new Map<string, GroupSeries>();
  const seriesFor = (modelGroup: string, provider: string): GroupSeries => {
    // Both parts are guarded names, so this map is as bounded as the configuration.
    const pairKey = `${modelGroup}\u0000${provider}`;
    let series = seriesByPair.get(pairKey);
    if (!series) {
      const pair = () => ({ model_group: modelGroup, provider });
      series = {
        duration: metrics.duration.series(pairKey, pair),
        timeToFirstToken: metrics.timeToFirstToken.series(pairKey, pair),
        input: pending.tokens.series(`${pairKey}\u0000input`, () => ({ ...pair(), direction: 'input' })),
        output: pending.tokens.series(`${pairKey}\u0000output`, () => ({ ...pair(), direction: 'output' })),
        cached: pending.tokens.series(`${pairKey}\u0000cached`, () => ({ ...pair(), direction: 'cached' })),
        cost: pending.cost.series(pairKey, pair),
        requests: new Map(),
      };
      seriesByPair.set(pairKey, series);
    }
    return series;
  };
  const onFinished = (row: UsageRow): void => {
    const modelGroup = labels.group(row.modelGroup);
    const provider = labels.provider(row.provider);
    const series = seriesFor(modelGroup, provider);
    const deployment = labels.deployment(row.deploymentId);
    const status = labels.status(row.status);
    const requestKey = `${deployment}\u0000${status}\u0000${row.outcome}`;
    let requests = series.requests.get(requestKey);
    if (requests === undefined) {
      const requestLabels = { model_group: modelGroup, provider, deployment, status, outcome: row.outcome };
      requests = pending.requests.series(`${modelGroup}\u0000${provider}\u0000${requestKey}`, () => requestLabels);
      series.requests.set(requestKey, requests);
    }
    requests.pending += 1;
    series.duration.observe(row.latencyMs / 1_000);
    // A non-streamed answer's "first token" is the whole answer; only streams have a TTFT of their own.
    if (row.stream && row.ttftMs !== null) series.timeToFirstToken.observe(row.ttftMs / 1_000);
    if (row.promptTokens > 0) series.input.pending += row.promptTokens;
    if (row.completionTokens > 0) series.output.pending += row.completionTokens;
    if (row.cachedTokens > 0) series.cached.pending += row.cachedTokens;
    if (row.costUsd > 0) series.cost.pending += row.costUsd;
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
