/**
 * Analytics over the `usage` table for GET /api/ai/analytics/{usage,performance,costs}: sums per
 * time bucket (and group), latency and time-to-first-token histograms per bucket, group and status
 * class, and cost since given moments (for the month-end forecast). Each method is one GROUP BY
 * pass over the range (in pieces on SQLite, see chunkRanges) that never orders the latencies
 * themselves: percentiles are interpolated by the caller from the logarithmic histogram bins (see
 * LATENCY_BIN_RATIO), the same way on SQLite and Postgres.
 */

import { sql } from 'kysely';
import type { AliasedRawBuilder, Kysely, RawBuilder, SelectQueryBuilder } from 'kysely';
import {
  applyAnalyticsFilter,
  bucketExpression,
  countWhere,
  groupColumn,
  logBinExpression,
  toNumber,
} from './analytics-repository-sql.js';
import type { AnalyticsFilter, AnalyticsGroupBy } from './analytics-repository-sql.js';
import type { Dialect } from './db.js';
import type { Schema } from './schema.js';

export { ANALYTICS_GROUP_BY, LATENCY_BIN_RATIO, ZERO_BIN } from './analytics-repository-sql.js';
export type { AnalyticsFilter, AnalyticsGroupBy } from './analytics-repository-sql.js';

export interface AnalyticsQuery extends AnalyticsFilter {
  /** The range is [fromMs, toMs), epoch ms. */
  fromMs: number;
  toMs: number;
  /** Bucket width; buckets start at multiples of it since the epoch (UTC-aligned). */
  bucketMs: number;
  /** Rows per group too; absent: one row per bucket, with group null. */
  groupBy?: AnalyticsGroupBy;
}

interface BucketKey {
  /** Epoch ms of the bucket's start (may lie before fromMs: the first bucket can be partial). */
  bucketStartMs: number;
  /** The group's value, null for rows without one (or when not grouped). */
  group: string | null;
}

export interface UsageAggregate extends BucketKey {
  requests: number;
  successes: number;
  errors: number;
  clientDisconnected: number;
  promptTokens: number;
  completionTokens: number;
  cachedTokens: number;
  costUsd: number;
}

/** One logarithmic bin of values: how many, and the smallest and largest. */
export interface HistogramBin {
  bin: number;
  count: number;
  minMs: number;
  maxMs: number;
}

export interface LatencyBinRow extends BucketKey, HistogramBin {
  /** The status's hundreds digit (2 for 2xx). */
  statusClass: number;
  sumMs: number;
  /** Upstream attempts of these requests, and how many had more than one. */
  attempts: number;
  retried: number;
  errors: number;
  clientDisconnected: number;
}

export interface TtftBinRow extends BucketKey, HistogramBin {
  sumMs: number;
}

type Row = Record<string, unknown>;
/** Narrows the rows of a range further (e.g. to streams). */
type Narrow = (range: SelectQueryBuilder<Schema, 'usage', object>) => SelectQueryBuilder<Schema, 'usage', object>;
/** At most this many queries per answer on SQLite; see chunkRanges(). */
const SQLITE_MAX_CHUNKS = 48;
/** An output name and the expression rows are grouped by. */
type GroupKey = [string, RawBuilder<number>];

export class AnalyticsRepository {
  readonly #db: Kysely<Schema>;
  readonly #maxChunks: number;

  constructor(db: Kysely<Schema>, options: { dialect?: Dialect } = {}) {
    this.#db = db;
    this.#maxChunks = options.dialect === 'postgres' ? 1 : SQLITE_MAX_CHUNKS;
  }

  /** Requests by outcome, tokens and cost per bucket (and group). */
  async usage(query: AnalyticsQuery): Promise<UsageAggregate[]> {
    const rows = await this.#grouped(query, [], (range) => range, [
      sql<number>`count(*)`.as('requests'),
      countWhere('outcome', 'success').as('successes'),
      countWhere('outcome', 'error').as('errors'),
      countWhere('outcome', 'client_disconnected').as('client_disconnected'),
      sql<number>`sum(${sql.ref('prompt_tokens')})`.as('prompt_tokens'),
      sql<number>`sum(${sql.ref('completion_tokens')})`.as('completion_tokens'),
      sql<number>`sum(${sql.ref('cached_tokens')})`.as('cached_tokens'),
      sql<number>`sum(${sql.ref('cost_usd')})`.as('cost_usd'),
    ]);
    // Fields spelled out, not spread from helpers: a million-row range maps tens of thousands of rows.
    return rows.map((row) => ({
      bucketStartMs: toNumber(row.bucket),
      group: groupOf(row),
      requests: toNumber(row.requests),
      successes: toNumber(row.successes),
      errors: toNumber(row.errors),
      clientDisconnected: toNumber(row.client_disconnected),
      promptTokens: toNumber(row.prompt_tokens),
      completionTokens: toNumber(row.completion_tokens),
      cachedTokens: toNumber(row.cached_tokens),
      costUsd: toNumber(row.cost_usd),
    }));
  }

  /** Latency histogram bins per bucket, group and status class, with the sums that means and rates need. */
  async latencyHistogram(query: AnalyticsQuery): Promise<LatencyBinRow[]> {
    const statusClass = sql<number>`${sql.ref('status')} / ${sql.lit(100)}`;
    const keys: GroupKey[] = [['status_class', statusClass], ['bin', logBinExpression('latency_ms')]];
    const rows = await this.#grouped(query, keys, (range) => range, [
      sql<number>`count(*)`.as('count'),
      sql<number>`min(${sql.ref('latency_ms')})`.as('min_ms'),
      sql<number>`max(${sql.ref('latency_ms')})`.as('max_ms'),
      sql<number>`sum(${sql.ref('latency_ms')})`.as('sum_ms'),
      sql<number>`sum(${sql.ref('attempts')})`.as('attempts'),
      sql<number>`sum(case when ${sql.ref('attempts')} > ${sql.lit(1)} then 1 else 0 end)`.as('retried'),
      countWhere('outcome', 'error').as('errors'),
      countWhere('outcome', 'client_disconnected').as('client_disconnected'),
    ]);
    return rows.map((row) => ({
      bucketStartMs: toNumber(row.bucket),
      group: groupOf(row),
      bin: toNumber(row.bin),
      count: toNumber(row.count),
      minMs: toNumber(row.min_ms),
      maxMs: toNumber(row.max_ms),
      statusClass: toNumber(row.status_class),
      sumMs: toNumber(row.sum_ms),
      attempts: toNumber(row.attempts),
      retried: toNumber(row.retried),
      errors: toNumber(row.errors),
      clientDisconnected: toNumber(row.client_disconnected),
    }));
  }

  /** Time-to-first-token histogram bins of streamed requests that sent something, per bucket and group. */
  async ttftHistogram(query: AnalyticsQuery): Promise<TtftBinRow[]> {
    const streams: Narrow = (range) => range.where('stream', '=', 1).where('ttft_ms', 'is not', null);
    const rows = await this.#grouped(query, [['bin', logBinExpression('ttft_ms')]], streams, [
      sql<number>`count(*)`.as('count'),
      sql<number>`min(${sql.ref('ttft_ms')})`.as('min_ms'),
      sql<number>`max(${sql.ref('ttft_ms')})`.as('max_ms'),
      sql<number>`sum(${sql.ref('ttft_ms')})`.as('sum_ms'),
    ]);
    return rows.map((row) => ({
      bucketStartMs: toNumber(row.bucket),
      group: groupOf(row),
      bin: toNumber(row.bin),
      count: toNumber(row.count),
      minMs: toNumber(row.min_ms),
      maxMs: toNumber(row.max_ms),
      sumMs: toNumber(row.sum_ms),
    }));
  }

  /** USD spent by the filtered rows from each of `sinceMs` (inclusive) until untilMs (exclusive), in one scan. */
  async costSince(options: { filter: AnalyticsFilter; sinceMs: readonly number[]; untilMs: number }): Promise<number[]> {
    if (options.sinceMs.length === 0) return [];
    const earliest = Math.min(...options.sinceMs);
    const sums = options.sinceMs.map(
      (since, index) => sql<number>`sum(case when ${sql.ref('created_at')} >= ${sql.lit(Math.floor(since))} then ${sql.ref('cost_usd')} else 0 end)`.as(`since_${index}`),
    );
    const query = applyAnalyticsFilter(this.#db.selectFrom('usage').where('created_at', '>=', earliest).where('created_at', '<', options.untilMs), options.filter);
    const row = (await query.select(sums).executeTakeFirst()) as Row | undefined;
    return options.sinceMs.map((_, index) => toNumber(row?.[`since_${index}`]));
  }

  /**
   * SELECT bucket [, group_key], <keys…>, <aggregates…> … GROUP BY the same, over the range in
   * chunks of whole buckets (see SQLITE_MAX_CHUNKS); a bucket never spans two chunks, so their rows
   * are simply concatenated. Grouped by output names, which both dialects accept and which keeps
   * Postgres from comparing two spellings of one expression.
   */
  async #grouped(query: AnalyticsQuery, keys: readonly GroupKey[], narrow: Narrow, aggregates: ReadonlyArray<AliasedRawBuilder<number, string>>): Promise<Row[]> {
    const allKeys: Array<[string, RawBuilder<number | string | null>]> = [['bucket', bucketExpression(query.bucketMs)]];
    if (query.groupBy !== undefined) allKeys.push(['group_key', groupColumn(query.groupBy)]);
    allKeys.push(...keys);
    const selections = [...allKeys.map(([name, expression]) => expression.as(name)), ...aggregates];
    const groupBy = allKeys.map(([name]) => sql.ref(name));
    const rows: Row[] = [];
    for (const [fromMs, toMs] of chunkRanges(query, this.#maxChunks)) {
      const range = applyAnalyticsFilter(this.#db.selectFrom('usage').where('created_at', '>=', fromMs).where('created_at', '<', toMs), query);
      const chunk = (await narrow(range).select(selections).groupBy(groupBy).execute()) as Row[];
      for (const row of chunk) rows.push(row);
    }
    return rows;
  }
}

/**
 * [from, to) cut at bucket boundaries into at most maxChunks pieces. SQLite groups by sorting the
 * rows, and many small sorts beat one large one (30 days of a million rows by day: about 1.4 s as
 * one query, 0.8 s as 30); and better-sqlite3 runs a query on the event loop, so chunks keep the
 * gateway answering between them. Postgres aggregates with a hash and gets one query.
 */
export function chunkRanges(range: { fromMs: number; toMs: number; bucketMs: number }, maxChunks: number): Array<[number, number]> {
  if (range.toMs <= range.fromMs) return [];
  const firstBucket = Math.floor(range.fromMs / range.bucketMs);
  const buckets = Math.floor((range.toMs - 1) / range.bucketMs) - firstBucket + 1;
  const chunkMs = Math.ceil(buckets / Math.max(1, maxChunks)) * range.bucketMs;
  const chunks: Array<[number, number]> = [];
  for (let start = firstBucket * range.bucketMs; start < range.toMs; start += chunkMs) chunks.push([Math.max(start, range.fromMs), Math.min(start + chunkMs, range.toMs)]);
  return chunks;
}

function groupOf(row: Row): string | null {
  const group = row.group_key;
  return group === null || group === undefined ? null : String(group);
}
