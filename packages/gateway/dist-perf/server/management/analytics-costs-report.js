/**
 * GET /api/ai/analytics/costs as JSON and CSV: per bucket (and group) cost, tokens and cost per
 * 1,000 tokens, per group and in total, with the month-end forecast beside them (JSON only; the CSV
 * holds the series).
 */
import { toCsv } from './analytics-csv.js';
import { roundUsd } from './analytics-forecast.js';
import { reportEnvelope } from './analytics-report.js';
import { aggregateUsage, shapeSeries } from './analytics-usage-report.js';
function costMetrics(sums) {
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
export function buildCostsReport(request, rows, forecast) {
    const { ranked, table } = aggregateUsage(request, rows);
    return { ...reportEnvelope(request, ranked), ...shapeSeries({ request, ranked, table, metrics: costMetrics }), forecast };
}
const COST_COLUMNS = ['requests', 'promptTokens', 'completionTokens', 'cachedTokens', 'totalTokens', 'costUsd', 'costPer1kTokens'];
export function costsCsv(report) {
    const grouped = report.groupBy !== null;
    const header = ['start', ...(grouped ? ['group'] : []), ...COST_COLUMNS];
    return toCsv(header, report.series.map((row) => [row.start, ...(grouped ? [row.group] : []), ...COST_COLUMNS.map((column) => row[column])]));
}
//# sourceMappingURL=analytics-costs-report.js.map