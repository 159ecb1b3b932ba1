/**
 * The query string of the analytics routes, validated with zod: the time range (ISO 8601 or epoch
 * ms; the last 24 hours by default), the granularity (chosen from the range when absent; more than
 * MAX_BUCKETS buckets is refused), the filters, groupBy, top and rankBy, the forecast basis
 * (costs) and the format (`format=csv`, or `Accept: text/csv`). Unknown parameters are refused, so
 * a misspelt filter is not silently ignored. Every problem is a 400 naming the parameter.
 */
import { z } from 'zod';
import { GatewayError } from '../../core/index.js';
import { ANALYTICS_GROUP_BY } from '../../store/index.js';
import { GRANULARITIES, GRANULARITY_MS, MAX_BUCKETS, bucketCount, defaultGranularity } from './analytics-buckets.js';
import { DEFAULT_FORECAST_BASIS_DAYS } from './analytics-forecast.js';
export const RANK_BY = ['requests', 'cost', 'tokens'];
const DAY = 86_400_000;
const STATUS_CLASSES = ['1xx', '2xx', '3xx', '4xx', '5xx'];
const digits = (name, minimum, maximum) => z
    .string()
    .regex(/^\d{1,6}$/, `expected an integer from ${minimum} to ${maximum}`)
    .transform(Number)
    .pipe(z.number().int().min(minimum, `${name} must be at least ${minimum}`).max(maximum, `${name} must be at most ${maximum}`));
/** Epoch milliseconds (digits), an ISO 8601 date-time with offset, or a date (midnight UTC). */
const instant = z.union([
    z.string().regex(/^\d{1,15}$/).transform(Number),
    z.iso.datetime({ offset: true }).transform((value) => Date.parse(value)),
    z.iso.date().transform((value) => Date.parse(`${value}T00:00:00Z`)),
], { error: 'expected an ISO 8601 date-time (2025-05-01T00:00:00Z), a date (2025-05-01) or epoch milliseconds' });
const text = z.string().min(1).max(500);
const commonFields = {
    from: instant.optional(),
    to: instant.optional(),
    granularity: z.enum(GRANULARITIES).optional(),
    groupBy: z.enum(ANALYTICS_GROUP_BY).optional(),
    top: digits('top', 1, 1000).optional(),
    rankBy: z.enum(RANK_BY).optional(),
    format: z.enum(['json', 'csv']).optional(),
    keyId: text.optional(),
    userId: text.optional(),
    teamId: text.optional(),
    model: text.optional(),
    provider: text.optional(),
    deploymentId: text.optional(),
    outcome: z.enum(['success', 'error', 'client_disconnected']).optional(),
    status: digits('status', 100, 599).optional(),
    statusClass: z.enum(STATUS_CLASSES).optional(),
};
const SCHEMAS = {
    usage: z.strictObject(commonFields),
    // Percentiles have no cost to rank by; groups are the busiest ones.
    performance: z.strictObject({ ...commonFields, rankBy: z.enum(['requests']).optional() }),
    costs: z.strictObject({ ...commonFields, basisDays: digits('basisDays', 1, 90).optional() }),
};
const FILTER_NAMES = ['keyId', 'userId', 'teamId', 'model', 'provider', 'deploymentId', 'outcome', 'status', 'statusClass'];
export function parseAnalyticsRequest(input) {
    const raw = typeof input.query === 'object' && input.query !== null ? { ...input.query } : {};
    const result = SCHEMAS[input.endpoint].safeParse(raw);
    if (!result.success)
        throw queryError(result.error.issues[0]);
    const parsed = result.data;
    const toMs = parsed.to ?? input.nowMs;
    const fromMs = parsed.from ?? toMs - DAY;
    if (fromMs >= toMs)
        throw invalid(parsed.from === undefined ? 'to' : 'from', `'from' (${iso(fromMs)}) must be before 'to' (${iso(toMs)}).`);
    const granularity = parsed.granularity ?? defaultGranularity(toMs - fromMs);
    const bucketMs = GRANULARITY_MS[granularity];
    const buckets = bucketCount({ fromMs, toMs, bucketMs });
    if (buckets > MAX_BUCKETS) {
        throw invalid('granularity', `The range ${iso(fromMs)} – ${iso(toMs)} spans ${buckets} ${granularity} buckets; at most ${MAX_BUCKETS}. Choose a coarser granularity or a shorter range.`);
    }
    if (parsed.top !== undefined && parsed.groupBy === undefined)
        throw invalid('top', "'top' needs 'groupBy': it keeps the largest groups.");
    const filters = {};
    for (const name of FILTER_NAMES) {
        const value = parsed[name];
        if (value !== undefined)
            filters[name] = value;
    }
    const query = {
        fromMs,
        toMs,
        bucketMs,
        groupBy: parsed.groupBy,
        keyId: parsed.keyId,
        userId: parsed.userId,
        teamId: parsed.teamId,
        model: parsed.model,
        provider: parsed.provider,
        deploymentId: parsed.deploymentId,
        outcome: parsed.outcome,
        status: parsed.status,
        statusClass: parsed.statusClass === undefined ? undefined : Number(parsed.statusClass[0]),
    };
    return {
        query,
        granularity,
        groupBy: parsed.groupBy ?? null,
        top: parsed.top ?? null,
        rankBy: parsed.rankBy ?? (input.endpoint === 'costs' ? 'cost' : 'requests'),
        format: parsed.format ?? (/\btext\/csv\b/i.test(input.accept ?? '') ? 'csv' : 'json'),
        basisDays: parsed.basisDays ?? DEFAULT_FORECAST_BASIS_DAYS,
        filters,
    };
}
function iso(ms) {
    return new Date(ms).toISOString();
}
function invalid(param, message) {
    return new GatewayError('SY_ERR_INVALID_REQUEST', message, { param });
}
function queryError(issue) {
    if (issue === undefined)
        return invalid('query', 'Invalid query string.');
    if (issue.code === 'unrecognized_keys' && issue.keys !== undefined && issue.keys.length > 0) {
        const name = issue.keys[0];
        return invalid(name, `Unknown query parameter '${name}'.`);
    }
    const name = String(issue.path[0] ?? 'query');
    return invalid(name, `Query parameter '${name}': ${issue.message}.`);
}
//# sourceMappingURL=analytics-query.js.map