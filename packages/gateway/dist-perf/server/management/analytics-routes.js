/**
 * GET /api/ai/analytics/usage, /performance and /costs: usage, latency and cost of every caller
 * over a time range, per bucket and optionally per group, as JSON or CSV (`format=csv` or
 * `Accept: text/csv`, sent as an attachment). Permission `analytics.read`. See docs/analytics.md.
 */
import { buildCostsReport, costsCsv } from './analytics-costs-report.js';
import { basisStart, forecastMonthEnd, monthWindow } from './analytics-forecast.js';
import { buildPerformanceReport, performanceCsv } from './analytics-performance-report.js';
import { parseAnalyticsRequest } from './analytics-query.js';
import { buildUsageReport, usageCsv } from './analytics-usage-report.js';
export function registerAnalyticsRoutes(app, deps) {
    const now = deps.now ?? Date.now;
    const parse = (endpoint, request, nowMs) => parseAnalyticsRequest({ endpoint, query: request.query, accept: request.headers.accept, nowMs });
    app.get('/api/ai/analytics/usage', { config: { permission: 'analytics.read' } }, async (request, reply) => {
        const parsed = parse('usage', request, now());
        const report = buildUsageReport(parsed, await deps.analytics.usage(parsed.query));
        return parsed.format === 'csv' ? sendCsv(reply, { name: 'usage', parsed, text: usageCsv(report) }) : report;
    });
    app.get('/api/ai/analytics/performance', { config: { permission: 'analytics.read' } }, async (request, reply) => {
        const parsed = parse('performance', request, now());
        const [latency, ttft] = await Promise.all([deps.analytics.latencyHistogram(parsed.query), deps.analytics.ttftHistogram(parsed.query)]);
        const report = buildPerformanceReport(parsed, { latency, ttft });
        return parsed.format === 'csv' ? sendCsv(reply, { name: 'performance', parsed, text: performanceCsv(report) }) : report;
    });
    app.get('/api/ai/analytics/costs', { config: { permission: 'analytics.read' } }, async (request, reply) => {
        const nowMs = now();
        const parsed = parse('costs', request, nowMs);
        // The forecast follows the filters but not the range: it is always about the current month.
        const [rows, [monthToDateUsd, basisSpendUsd]] = await Promise.all([
            deps.analytics.usage(parsed.query),
            deps.analytics.costSince({ filter: parsed.query, sinceMs: [monthWindow(nowMs).monthStartMs, basisStart(nowMs, parsed.basisDays)], untilMs: nowMs }),
        ]);
        const forecast = forecastMonthEnd({ nowMs, monthToDateUsd: monthToDateUsd ?? 0, basisSpendUsd: basisSpendUsd ?? 0, basisDays: parsed.basisDays });
        const report = buildCostsReport(parsed, rows, forecast);
        return parsed.format === 'csv' ? sendCsv(reply, { name: 'costs', parsed, text: costsCsv(report) }) : report;
    });
}
/** text/csv as an attachment named after the endpoint and range, e.g. switchyard-usage-20250501T0000Z-20250502T0000Z.csv. */
function sendCsv(reply, input) {
    const stamp = (ms) => new Date(ms).toISOString().slice(0, 16).replace(/[-:]/g, '') + 'Z';
    const filename = `switchyard-${input.name}-${stamp(input.parsed.query.fromMs)}-${stamp(input.parsed.query.toMs)}.csv`;
    return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${filename}"`).send(input.text);
}
//# sourceMappingURL=analytics-routes.js.map