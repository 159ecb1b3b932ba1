/**
 * The analytics routes (src/server/management/analytics-routes.ts) in the document: usage,
 * performance and costs over a time range, as JSON or CSV. Described at length in docs/analytics.md.
 */
import { ANALYTICS_SCHEMAS } from './management-analytics-schemas.js';
import { COMMON_HEADERS } from './components.js';
import { managementOperation, queryParameter } from './management-components.js';
import { ref } from './openapi-types.js';
const TAG = 'Analytics';
export const ANALYTICS_TAG = { name: TAG, description: 'Usage, latency and cost of every caller over time: filters, groups, top-N, percentiles, CSV export and a month-end forecast.' };
export { ANALYTICS_SCHEMAS };
const COMMON_PARAMETERS = [
    queryParameter('from', 'Start of the range, inclusive: ISO 8601 date-time (`2025-05-01T00:00:00Z`), date (`2025-05-01`, midnight UTC) or epoch ms. Default: 24 hours before `to`.'),
    queryParameter('to', 'End of the range, exclusive; same forms. Default: now.'),
    queryParameter('granularity', 'Bucket width. Default: minute up to 2 hours, hour up to 7 days, day beyond. More than 2,000 buckets is refused (400).', { type: 'string', enum: ['minute', 'hour', 'day'] }),
    queryParameter('groupBy', 'Rows per bucket and group too, and totals per group.', { type: 'string', enum: ['key', 'user', 'team', 'model', 'provider', 'deployment'] }),
    queryParameter('top', 'With groupBy: keep the N largest groups (by rankBy over the range) and fold the rest into one group `other`.', { type: 'integer', minimum: 1, maximum: 1000 }),
    queryParameter('keyId', 'Only this key.'),
    queryParameter('userId', 'Only this user.'),
    queryParameter('teamId', 'Only this team.'),
    queryParameter('model', 'Only this model group (the name clients send).'),
    queryParameter('provider', 'Only this provider id.'),
    queryParameter('deploymentId', 'Only this deployment (`provider/model`).'),
    queryParameter('outcome', 'Only requests with this outcome.', { type: 'string', enum: ['success', 'error', 'client_disconnected'] }),
    queryParameter('status', 'Only requests answered with this HTTP status.', { type: 'integer', minimum: 100, maximum: 599 }),
    queryParameter('statusClass', 'Only requests answered with a status of this class.', { type: 'string', enum: ['1xx', '2xx', '3xx', '4xx', '5xx'] }),
    queryParameter('format', '`csv` answers text/csv (as does `Accept: text/csv`); default JSON.', { type: 'string', enum: ['json', 'csv'] }),
];
const rankBy = (values, fallback) => queryParameter('rankBy', `What ranks the groups for top and orders them; default \`${fallback}\`.`, { type: 'string', enum: values });
function answer(schema, description, csv) {
    return {
        description,
        headers: {
            ...COMMON_HEADERS,
            'content-disposition': { description: 'With CSV: `attachment; filename="switchyard-<endpoint>-<from>-<to>.csv"`.', schema: { type: 'string' } },
        },
        content: {
            'application/json': { schema: ref('schemas', schema) },
            'text/csv': { schema: { type: 'string', contentMediaType: 'text/csv', description: csv } },
        },
    };
}
const CSV_NOTE = 'CSV (RFC 4180): a header row, then one line per series row; text that a spreadsheet would run as a formula is prefixed with an apostrophe.';
export const ANALYTICS_PATHS = {
    '/api/ai/analytics/usage': {
        get: managementOperation({
            operationId: 'analyticsUsage',
            summary: 'Usage over time',
            description: `Requests (successes, errors, client disconnects), tokens (prompt, completion, cached) and cost per time bucket, optionally per group, with totals. ${CSV_NOTE}`,
            tag: TAG,
            permission: 'analytics.read',
            parameters: [...COMMON_PARAMETERS, rankBy(['requests', 'cost', 'tokens'], 'requests')],
            responses: { '200': answer('AnalyticsUsage', 'Totals, groups and series.', 'Columns: start, group (when grouped), requests, successes, errors, clientDisconnected, promptTokens, completionTokens, cachedTokens, totalTokens, costUsd.') },
            errors: [400],
        }),
    },
    '/api/ai/analytics/performance': {
        get: managementOperation({
            operationId: 'analyticsPerformance',
            summary: 'Latency, time to first token and errors over time',
            description: `Per time bucket (and group): latency mean and p50/p90/p95/p99, time to first token of streams (mean, p50, p95), error rate and attempts per request, also split by status class. Percentiles come from logarithmic histograms computed by the database and are within 5 % of the exact value. ${CSV_NOTE}`,
            tag: TAG,
            permission: 'analytics.read',
            parameters: [...COMMON_PARAMETERS, rankBy(['requests'], 'requests')],
            responses: { '200': answer('AnalyticsPerformance', 'Totals, groups and series.', 'One line per series row with statusClass `all`, then one per status class: start, group (when grouped), statusClass, requests, errors, errorRate, clientDisconnected, attemptsPerRequest, retriedRequests, latencyMeanMs, latencyP50Ms, latencyP90Ms, latencyP95Ms, latencyP99Ms, ttftStreams, ttftMeanMs, ttftP50Ms, ttftP95Ms.') },
            errors: [400],
        }),
    },
    '/api/ai/analytics/costs': {
        get: managementOperation({
            operationId: 'analyticsCosts',
            summary: 'Costs over time, with a month-end forecast',
            description: `Cost, tokens and cost per 1,000 tokens per time bucket (and group), with totals, and a forecast of this calendar month's (UTC) spend: month to date plus the daily run rate of the last basisDays days times the days left. The forecast follows the filters but not the range. ${CSV_NOTE} The CSV holds the series only.`,
            tag: TAG,
            permission: 'analytics.read',
            parameters: [
                ...COMMON_PARAMETERS,
                rankBy(['cost', 'requests', 'tokens'], 'cost'),
                queryParameter('basisDays', 'Days of the run rate of the forecast (1–90, default 7).', { type: 'integer', minimum: 1, maximum: 90 }),
            ],
            responses: { '200': answer('AnalyticsCosts', 'Totals, groups, series and the forecast.', 'Columns: start, group (when grouped), requests, promptTokens, completionTokens, cachedTokens, totalTokens, costUsd, costPer1kTokens.') },
            errors: [400],
        }),
    },
};
//# sourceMappingURL=management-analytics.js.map