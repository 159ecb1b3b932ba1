/**
 * GET /api/ai/analytics/performance as JSON and CSV: per bucket (and group) latency percentiles
 * and mean, time to first token of streams, error rate and attempts per request, each also split by
 * status class (2xx, 4xx, 5xx…). Built from the store's histogram bins (analytics-percentiles.ts);
 * groups are ranked by requests.
 */
import { LATENCY_BIN_RATIO } from '../../store/index.js';
import { toCsv } from './analytics-csv.js';
import { SeriesTable } from './analytics-groups.js';
import { LogHistogram, PERCENTILE_MAX_RELATIVE_ERROR } from './analytics-percentiles.js';
import { rankFor, reportEnvelope } from './analytics-report.js';
import { shapeSeries } from './analytics-usage-report.js';
const emptyClass = () => ({ requests: 0, errors: 0, clientDisconnected: 0, attempts: 0, retried: 0, sumMs: 0, latency: new LogHistogram() });
const emptyState = () => ({ all: emptyClass(), classes: new Map(), ttft: new LogHistogram(), ttftSumMs: 0 });
function addBin(state, row) {
    state.requests += row.count;
    state.errors += row.errors;
    state.clientDisconnected += row.clientDisconnected;
    state.attempts += row.attempts;
    state.retried += row.retried;
    state.sumMs += row.sumMs;
    state.latency.add(row);
}
const tenth = (value) => (value === null ? null : Math.round(value * 10) / 10);
const ratio = (part, whole) => (whole === 0 ? 0 : Math.round((part / whole) * 1e6) / 1e6);
function latencyStats(state) {
    const [p50, p90, p95, p99] = state.latency.percentiles([0.5, 0.9, 0.95, 0.99]).map(tenth);
    return { mean: state.requests === 0 ? null : tenth(state.sumMs / state.requests), p50, p90, p95, p99 };
}
function performanceMetrics(state) {
    const { all } = state;
    const [ttftP50, ttftP95] = state.ttft.percentiles([0.5, 0.95]).map(tenth);
    return {
        requests: all.requests,
        errors: all.errors,
        errorRate: ratio(all.errors, all.requests),
        clientDisconnected: all.clientDisconnected,
        attemptsPerRequest: ratio(all.attempts, all.requests),
        retriedRequests: all.retried,
        latencyMs: latencyStats(all),
        ttftMs: { streams: state.ttft.count, mean: state.ttft.count === 0 ? null : tenth(state.ttftSumMs / state.ttft.count), p50: ttftP50, p95: ttftP95 },
        statusClasses: [...state.classes.entries()]
            .sort(([left], [right]) => left - right)
            .map(([statusClass, classState]) => ({ statusClass: `${statusClass}xx`, requests: classState.requests, errors: classState.errors, latencyMs: latencyStats(classState) })),
    };
}
export function buildPerformanceReport(request, bins) {
    const ranked = rankFor(request, bins.latency, (row) => row.count);
    const table = new SeriesTable(emptyState);
    for (const row of bins.latency) {
        table.add(row.bucketStartMs, ranked.labelOf(row.group), (state) => {
            addBin(state.all, row);
            let classState = state.classes.get(row.statusClass);
            if (classState === undefined)
                state.classes.set(row.statusClass, (classState = emptyClass()));
            addBin(classState, row);
        });
    }
    for (const row of bins.ttft) {
        table.add(row.bucketStartMs, ranked.labelOf(row.group), (state) => {
            state.ttft.add(row);
            state.ttftSumMs += row.sumMs;
        });
    }
    return {
        ...reportEnvelope(request, ranked),
        percentiles: { method: 'log-histogram', binRatio: LATENCY_BIN_RATIO, maxRelativeError: Math.round(PERCENTILE_MAX_RELATIVE_ERROR * 1e6) / 1e6 },
        ...shapeSeries({ request, ranked, table, metrics: performanceMetrics }),
    };
}
const LATENCY_COLUMNS = ['latencyMeanMs', 'latencyP50Ms', 'latencyP90Ms', 'latencyP95Ms', 'latencyP99Ms'];
const latencyCells = (stats) => [stats.mean, stats.p50, stats.p90, stats.p95, stats.p99];
/** Per series row, a line for all its requests (statusClass `all`) and one per status class. */
export function performanceCsv(report) {
    const grouped = report.groupBy !== null;
    const header = [
        'start', ...(grouped ? ['group'] : []), 'statusClass', 'requests', 'errors', 'errorRate', 'clientDisconnected', 'attemptsPerRequest', 'retriedRequests',
        ...LATENCY_COLUMNS, 'ttftStreams', 'ttftMeanMs', 'ttftP50Ms', 'ttftP95Ms',
    ];
    const lines = [];
    for (const row of report.series) {
        const lead = [row.start, ...(grouped ? [row.group] : [])];
        const ttft = row.ttftMs;
        lines.push([...lead, 'all', row.requests, row.errors, row.errorRate, row.clientDisconnected, row.attemptsPerRequest, row.retriedRequests, ...latencyCells(row.latencyMs), ttft.streams, ttft.mean, ttft.p50, ttft.p95]);
        for (const statusClass of row.statusClasses) {
            const rate = statusClass.requests === 0 ? 0 : Math.round((statusClass.errors / statusClass.requests) * 1e6) / 1e6;
            lines.push([...lead, statusClass.statusClass, statusClass.requests, statusClass.errors, rate, null, null, null, ...latencyCells(statusClass.latencyMs), null, null, null, null]);
        }
    }
    return toCsv(header, lines);
}
//# sourceMappingURL=analytics-performance-report.js.map