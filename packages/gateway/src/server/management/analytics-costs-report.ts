/**
 * GET /api/ai/analytics/costs as JSON and CSV: per bucket (and group) cost, tokens and cost per
 * 1,000 tokens, per group and in total, with the month-end forecast beside them (JSON only; the CSV
 * holds the series).
 */

import type { UsageAggregate } from '../../store/index.js';
import { toCsv } from './analytics-csv.js';
import { roundUsd } from './analytics-forecast.js';
import type { MonthEndForecast } from './analytics-forecast.js';
import type { AnalyticsRequest } from './analytics-query.js';
import { reportEnvelope } from './analytics-report.js';
import type { ReportEnvelope } from './analytics-report.js';
import { aggregateUsage, shapeSeries } from './analytics-usage-report.js';
import type { UsageSums } from './analytics-usage-report.js';

export interface CostMetrics {
  requests: number;
  promptTokens: number;
  completionTokens: number;
  cachedTokens: number;
  totalTokens: number;
  costUsd: number;
  /** costUsd per 1,000 prompt and completion tokens; null without tokens. */
  costPer1kTokens: number | null;
}

type Labelled = CostMetrics & { group?: string | null; other?: true };

export interface CostsReport extends ReportEnvelope {
  totals: CostMetrics;
  groups?: Labelled[];
  series: Array<Labelled & { start: string }>;
  forecast: MonthEndForecast;
}

function costMetrics(sums: UsageSums): CostMetrics {
  const totalTokens = sums.promptTokens + sums.completionTokens;
  return {
    requests: sums.requests,
    promptTokens: sums.promptTokens,
    completionTokens: sums.completionTokens,
    cachedTokens: sums.cachedTokens,
    totalTokens,
    costUsd: roundUsd(sums.costUsd),
    costPer1kTokens: totalTokens === 0 ? null : roundUsd((sums.costUsd / totalTokens) * 1000),
  };
}

export function buildCostsReport(request: AnalyticsRequest, rows: readonly UsageAggregate[], forecast: MonthEndForecast): CostsReport {
  const { ranked, table } = aggregateUsage(request, rows);
  return { ...reportEnvelope(request, ranked), ...shapeSeries({ request, ranked, table, metrics: costMetrics }), forecast };
}

const COST_COLUMNS = ['requests', 'promptTokens', 'completionTokens', 'cachedTokens', 'totalTokens', 'costUsd', 'costPer1kTokens'] as const;

export function costsCsv(report: CostsReport): string {
  const grouped = report.groupBy !== null;
  const header = ['start', ...(grouped ? ['group'] : []), ...COST_COLUMNS];
  return toCsv(header, report.series.map((row) => [row.start, ...(grouped ? [row.group] : []), ...COST_COLUMNS.map((column) => row[column])]));
}
