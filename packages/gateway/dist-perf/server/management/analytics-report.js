/**
 * What every analytics answer starts with: the range and bucket width actually used, the grouping,
 * top-N and the filters; and the ranking of groups for a request (one null group when ungrouped).
 */
import { rankGroups } from './analytics-groups.js';
export function reportEnvelope(request, ranked) {
    return {
        from: new Date(request.query.fromMs).toISOString(),
        to: new Date(request.query.toMs).toISOString(),
        granularity: request.granularity,
        bucketMs: request.query.bucketMs,
        groupBy: request.groupBy,
        top: request.top,
        rankBy: request.groupBy === null ? null : request.rankBy,
        foldedGroups: ranked.folded,
        filters: request.filters,
    };
}
/** Ranks the groups by their weight; ungrouped rows all have the group null, which is kept. */
export function rankFor(request, rows, weight) {
    const weights = new Map();
    for (const row of rows)
        weights.set(row.group, (weights.get(row.group) ?? 0) + weight(row));
    return rankGroups(weights, request.groupBy === null ? null : request.top);
}
export function isoStart(bucketStartMs) {
    return new Date(bucketStartMs).toISOString();
}
//# sourceMappingURL=analytics-report.js.map