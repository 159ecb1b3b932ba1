/**
 * SQL fragments of the analytics queries, written once for SQLite and Postgres: the time bucket,
 * the grouping column, the logarithmic latency bin and the filters. Constants are inlined as
 * literals (never parameters) so that Postgres types `case … then 1 else 0` as integers and the
 * same fragment compiles to the same text wherever it is used.
 */
import { sql } from 'kysely';
export const ANALYTICS_GROUP_BY = ['key', 'user', 'team', 'model', 'provider', 'deployment'];
const GROUP_COLUMNS = {
    key: 'key_id',
    user: 'user_id',
    team: 'team_id',
    model: 'model_group',
    provider: 'provider',
    deployment: 'deployment_id',
};
/**
 * Each latency bin spans values v with LATENCY_BIN_RATIO^b <= v < LATENCY_BIN_RATIO^(b+1), so the
 * smallest and largest value of a bin differ by less than 5 %; see analytics percentiles.
 */
export const LATENCY_BIN_RATIO = 1.05;
/** Values below 1 ms (0) share this bin, below every logarithmic one. */
export const ZERO_BIN = -1;
/** The start of the row's bucket, epoch ms: integer division works the same on both dialects. */
export function bucketExpression(bucketMs) {
    const width = sql.lit(Math.floor(bucketMs));
    return sql `(${sql.ref('created_at')} / ${width}) * ${width}`;
}
export function groupColumn(groupBy) {
    return sql `${sql.ref(GROUP_COLUMNS[groupBy])}`;
}
/** floor(ln(v) / ln(ratio)), with values below 1 in ZERO_BIN; ln() of SQLite's math functions and of Postgres. */
export function logBinExpression(column) {
    const value = sql `cast(${sql.ref(column)} as double precision)`;
    const scale = sql.lit(1 / Math.log(LATENCY_BIN_RATIO));
    return sql `case when ${sql.ref(column)} < 1 then ${sql.lit(ZERO_BIN)} else floor(ln(${value}) * ${scale}) end`;
}
/** `sum(case when <column> = <value> then 1 else 0 end)`. */
export function countWhere(column, value) {
    return sql `sum(case when ${sql.ref(column)} = ${sql.lit(value)} then 1 else 0 end)`;
}
export function applyAnalyticsFilter(query, filter) {
    let filtered = query;
    if (filter.keyId !== undefined)
        filtered = filtered.where('key_id', '=', filter.keyId);
    if (filter.userId !== undefined)
        filtered = filtered.where('user_id', '=', filter.userId);
    if (filter.teamId !== undefined)
        filtered = filtered.where('team_id', '=', filter.teamId);
    if (filter.model !== undefined)
        filtered = filtered.where('model_group', '=', filter.model);
    if (filter.provider !== undefined)
        filtered = filtered.where('provider', '=', filter.provider);
    if (filter.deploymentId !== undefined)
        filtered = filtered.where('deployment_id', '=', filter.deploymentId);
    if (filter.outcome !== undefined)
        filtered = filtered.where('outcome', '=', filter.outcome);
    if (filter.status !== undefined)
        filtered = filtered.where('status', '=', filter.status);
    if (filter.statusClass !== undefined) {
        filtered = filtered.where('status', '>=', filter.statusClass * 100).where('status', '<', (filter.statusClass + 1) * 100);
    }
    return filtered;
}
/** Sums come back null over no rows, and as numbers or numeric strings depending on the driver. */
export function toNumber(value) {
    if (typeof value === 'number')
        return value;
    if (value === null || value === undefined)
        return 0;
    return Number(value);
}
//# sourceMappingURL=analytics-repository-sql.js.map