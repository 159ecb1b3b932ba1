/**
 * What every analytics answer starts with: the range and bucket width actually used, the grouping,
 * top-N and the filters; and the ranking of groups for a request (one null group when ungrouped).
 */

import type { AnalyticsGroupBy } from '../../store/index.js';
import type { Granularity } from './analytics-buckets.js';
import { rankGroups } from './analytics-groups.js';
import type { RankedGroups } from './analytics-groups.js';
import type { AnalyticsRequest, RankBy } from './analytics-query.js';

export interface ReportEnvelope {
  from: string;
  to: string;
  granularity: Granularity;
  bucketMs: number;
  groupBy: AnalyticsGroupBy | null;
  top: number | null;
  rankBy: RankBy | null;
  /** Groups folded into "other" by top. */
  foldedGroups: number;
  filters: Record<string, string | number>;
}

export function reportEnvelope(request: AnalyticsRequest, ranked: RankedGroups): ReportEnvelope {
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
export function rankFor<Row extends { group: string | null }>(request: AnalyticsRequest, rows: readonly Row[], weight: (row: Row) => number): RankedGroups {
  const weights = new Map<string | null, number>();
  for (const row of rows) weights.set(row.group, (weights.get(row.group) ?? 0) + weight(row));
  return rankGroups(weights, request.groupBy === null ? null : request.top);
}

export function isoStart(bucketStartMs: number): string {
  return new Date(bucketStartMs).toISOString();
}
