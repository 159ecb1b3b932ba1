/** The answers of the analytics routes (src/server/management/analytics-*.ts) as component schemas. */
import { integer, nullable, number, object, string } from './components.js';
import { ref } from './openapi-types.js';
const GROUP_BY = ['key', 'user', 'team', 'model', 'provider', 'deployment'];
const count = (description) => integer(description, { minimum: 0 });
const milliseconds = (description) => nullable(number(`${description} (ms); null without requests.`));
const ENVELOPE = {
    from: string('Start of the range (inclusive).', { format: 'date-time' }),
    to: string('End of the range (exclusive).', { format: 'date-time' }),
    granularity: string('Bucket width used.', { enum: ['minute', 'hour', 'day'] }),
    bucketMs: integer('Bucket width in ms. Buckets start at UTC multiples of it; the first and last may be partial.'),
    groupBy: nullable(string('How rows are grouped; null for one row per bucket.', { enum: GROUP_BY })),
    top: nullable(integer('Most groups kept; the rest are folded into `other`.')),
    rankBy: nullable(string('What ranks the groups for `top` and orders them.', { enum: ['requests', 'cost', 'tokens'] })),
    foldedGroups: count('How many groups were folded into `other`.'),
    filters: { type: 'object', description: 'The filters applied.', additionalProperties: { type: ['string', 'integer'] } },
};
const ENVELOPE_REQUIRED = Object.keys(ENVELOPE);
const GROUP_FIELDS = {
    group: nullable(string('The key, user or team id, model group, provider or deployment id; null for rows without one; `other` for the folded groups.')),
    other: { const: true, description: 'Present on the row of the folded groups.' },
};
/** The answer: envelope, totals, groups (when grouped) and series, with metrics of one component schema. */
function report(metrics, extra = {}) {
    const row = { allOf: [ref('schemas', metrics), object(GROUP_FIELDS)] };
    const seriesRow = { allOf: [ref('schemas', metrics), object({ ...GROUP_FIELDS, start: string('Start of the bucket.', { format: 'date-time' }) }, ['start'])] };
    return object({
        ...ENVELOPE,
        ...extra,
        totals: ref('schemas', metrics),
        groups: { type: 'array', description: 'Per group over the whole range, largest first, `other` last (only when grouped).', items: row },
        series: { type: 'array', description: 'Per bucket (and group), earliest first; buckets without requests are left out.', items: seriesRow },
    }, [...ENVELOPE_REQUIRED, ...Object.keys(extra), 'totals', 'series']);
}
const latency = object({ mean: milliseconds('Mean'), p50: milliseconds('Median'), p90: milliseconds('90th percentile'), p95: milliseconds('95th percentile'), p99: milliseconds('99th percentile') }, ['mean', 'p50', 'p90', 'p95', 'p99']);
export const ANALYTICS_SCHEMAS = {
    AnalyticsUsageMetrics: object({
        requests: count('Requests.'),
        successes: count('Requests answered successfully.'),
        errors: count('Requests that failed.'),
        clientDisconnected: count('Requests the client abandoned.'),
        promptTokens: count('Input tokens.'),
        completionTokens: count('Output tokens.'),
        cachedTokens: count('Input tokens served from the provider\'s prompt cache.'),
        totalTokens: count('Input plus output tokens.'),
        costUsd: number('Cost in USD.'),
    }, ['requests', 'successes', 'errors', 'clientDisconnected', 'promptTokens', 'completionTokens', 'cachedTokens', 'totalTokens', 'costUsd']),
    AnalyticsUsage: report('AnalyticsUsageMetrics'),
    AnalyticsLatency: latency,
    AnalyticsPerformanceMetrics: object({
        requests: count('Requests.'),
        errors: count('Requests that failed (client disconnects are counted apart).'),
        errorRate: number('errors / requests.', { minimum: 0, maximum: 1 }),
        clientDisconnected: count('Requests the client abandoned.'),
        attemptsPerRequest: number('Upstream attempts per request: 1 without retries or fallbacks.', { minimum: 0 }),
        retriedRequests: count('Requests that needed more than one attempt.'),
        latencyMs: ref('schemas', 'AnalyticsLatency'),
        ttftMs: object({ streams: count('Streamed requests that sent a first token.'), mean: milliseconds('Mean'), p50: milliseconds('Median'), p95: milliseconds('95th percentile') }, ['streams', 'mean', 'p50', 'p95']),
        statusClasses: {
            type: 'array',
            description: 'The same by HTTP status class sent to the client.',
            items: object({ statusClass: string('`2xx`, `4xx`, `5xx`…', { pattern: '^[0-9]xx$' }), requests: count('Requests.'), errors: count('Failed requests.'), latencyMs: ref('schemas', 'AnalyticsLatency') }, ['statusClass', 'requests', 'errors', 'latencyMs']),
        },
    }, ['requests', 'errors', 'errorRate', 'clientDisconnected', 'attemptsPerRequest', 'retriedRequests', 'latencyMs', 'ttftMs', 'statusClasses']),
    AnalyticsPerformance: report('AnalyticsPerformanceMetrics', {
        percentiles: object({
            method: { const: 'log-histogram', description: 'Percentiles are interpolated from logarithmic histogram bins.' },
            binRatio: number('Largest over smallest value of a bin, at most.'),
            maxRelativeError: number('Most relative error of a percentile (0.05 = 5 %).'),
        }, ['method', 'binRatio', 'maxRelativeError']),
    }),
    AnalyticsCostMetrics: object({
        requests: count('Requests.'),
        promptTokens: count('Input tokens.'),
        completionTokens: count('Output tokens.'),
        cachedTokens: count('Input tokens served from the provider\'s prompt cache.'),
        totalTokens: count('Input plus output tokens.'),
        costUsd: number('Cost in USD.'),
        costPer1kTokens: nullable(number('costUsd per 1,000 input and output tokens; null without tokens.')),
    }, ['requests', 'promptTokens', 'completionTokens', 'cachedTokens', 'totalTokens', 'costUsd', 'costPer1kTokens']),
    AnalyticsForecast: object({
        asOf: string('When the forecast was made.', { format: 'date-time' }),
        monthStart: string('First instant of the month (UTC).', { format: 'date-time' }),
        monthEnd: string('First instant of the next month (UTC).', { format: 'date-time' }),
        monthToDateUsd: number('Spent this month until asOf.'),
        dailyRunRateUsd: number('Spend of the last basisDays days divided by basisDays.'),
        basisDays: integer('Days of the run rate.', { minimum: 1 }),
        remainingDays: number('Days from asOf to monthEnd.', { minimum: 0 }),
        projectedMonthEndUsd: number('monthToDateUsd + dailyRunRateUsd × remainingDays.'),
        method: string('The method in words.'),
    }, ['asOf', 'monthStart', 'monthEnd', 'monthToDateUsd', 'dailyRunRateUsd', 'basisDays', 'remainingDays', 'projectedMonthEndUsd', 'method']),
    AnalyticsCosts: report('AnalyticsCostMetrics', { forecast: ref('schemas', 'AnalyticsForecast') }),
};
//# sourceMappingURL=management-analytics-schemas.js.map