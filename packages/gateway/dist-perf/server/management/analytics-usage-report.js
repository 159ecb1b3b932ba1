/**
 * GET /api/ai/analytics/usage as JSON and CSV: per bucket (and group) requests by outcome and
 * tokens, per group and in total. aggregateUsage() is shared with the costs answer, which reads
 * the same sums.
 */
import { toCsv } from './analytics-csv.js';
import { roundUsd } from './analytics-forecast.js';
import { SeriesTable, groupFields } from './analytics-groups.js';
import { isoStart, rankFor, reportEnvelope } from './analytics-report.js';
const WEIGHTS = {
    requests: (sums) => sums.requests,
    cost: (sums) => sums.costUsd,
    tokens: (sums) => sums.promptTokens + sums.completionTokens,
};
const emptySums = () => ({ requests: 0, successes: 0, errors: 0, clientDisconnected: 0, promptTokens: 0, completionTokens: 0, cachedTokens: 0, costUsd: 0 });
export function aggregateUsage(request, rows) {
    const ranked = rankFor(request, rows, WEIGHTS[request.rankBy]);
    const table = new SeriesTable(emptySums);
    for (const row of rows) {
        table.add(row.bucketStartMs, ranked.labelOf(row.group), (sums) => {
            sums.requests += row.requests;
            sums.successes += row.successes;
            sums.errors += row.errors;
            sums.clientDisconnected += row.clientDisconnected;
            sums.promptTokens += row.promptTokens;
            sums.completionTokens += row.completionTokens;
            sums.cachedTokens += row.cachedTokens;
            sums.costUsd += row.costUsd;
        });
    }
    return { ranked, table };
}
/** Spreads the answer's shape over a table: totals, groups (when grouped) and the series. */
export function shapeSeries(input) {
    const { request, ranked, table, metrics } = input;
    const grouped = request.groupBy !== null;
    const label = (value) => (grouped ? groupFields(value) : {});
    return {
        totals: metrics(table.total),
        ...(grouped ? { groups: table.groups(ranked.order).map((cell) => ({ ...label(cell.label), ...metrics(cell.state) })) } : {}),
        series: table.series(ranked.order).map((cell) => ({ start: isoStart(cell.bucketStartMs), ...label(cell.label), ...metrics(cell.state) })),
    };
}
function usageMetrics(sums) {
    return {
        requests: sums.requests,
        successes: sums.successes,
        errors: sums.errors,
        clientDisconnected: sums.clientDisconnected,
        promptTokens: sums.promptTokens,
        completionTokens: sums.completionTokens,
        cachedTokens: sums.cachedTokens,
        totalTokens: sums.promptTokens + sums.completionTokens,
        costUsd: roundUsd(sums.costUsd),
    };
}
export function buildUsageReport(request, rows) {
    const { ranked, table } = aggregateUsage(request, rows);
    return { ...reportEnvelope(request, ranked), ...shapeSeries({ request, ranked, table, metrics: usageMetrics }) };
}
const USAGE_COLUMNS = ['requests', 'successes', 'errors', 'clientDisconnected', 'promptTokens', 'completionTokens', 'cachedTokens', 'totalTokens', 'costUsd'];
/** One line per series row: start, group (when grouped), then the metrics. */
export function usageCsv(report) {
    const grouped = report.groupBy !== null;
    const header = ['start', ...(grouped ? ['group'] : []), ...USAGE_COLUMNS];
    return toCsv(header, report.series.map((row) => [row.start, ...(grouped ? [row.group] : []), ...USAGE_COLUMNS.map((column) => row[column])]));
}
//# sourceMappingURL=analytics-usage-report.js.map