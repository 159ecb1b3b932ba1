/**
 * A million usage rows for the large-log test, written by SQLite itself in one statement
 * (INSERT … SELECT over a recursive CTE), and the totals they must give, computed here from the
 * same formulas. Every value is a function of the row number n; costs are multiples of 1/1024 USD,
 * exact in binary, so sums agree to the last bit. The statement is in large-log-seed-sql.mjs, which
 * bench/analytics.mjs uses too.
 */

import { sql } from 'kysely';
import { largeLogSeedSql } from './large-log-seed-sql.mjs';
import type { Kysely } from 'kysely';

export const LARGE_LOG = {
  rows: 1_000_000,
  /** The rows spread evenly over the 30 days before this instant. */
  endMs: Date.parse('2025-04-01T00:00:00Z'),
  spanMs: 30 * 86_400_000,
};

/** Status by row number: every 50th a 500, every 70th a 429, every 333rd a client disconnect (499), else 200. */
function statusOf(n: number): number {
  if (n % 50 === 0) return 500;
  if (n % 70 === 0) return 429;
  if (n % 333 === 0) return 499;
  return 200;
}

export function createdAtOf(n: number): number {
  const { rows, endMs, spanMs } = LARGE_LOG;
  return endMs - spanMs + Math.floor((n * spanMs) / rows);
}

export async function seedLargeLog(db: Kysely<unknown>): Promise<void> {
  const { rows, endMs, spanMs } = LARGE_LOG;
  await sql.raw(largeLogSeedSql({ rows, endMs, spanMs })).execute(db);
}

export interface LargeLogTotals {
  requests: number;
  successes: number;
  errors: number;
  clientDisconnected: number;
  promptTokens: number;
  completionTokens: number;
  cachedTokens: number;
  costUsd: number;
  attempts: number;
  streamsWithTtft: number;
  byStatusClass: Record<string, number>;
  /** Requests per latency in ms (index), for exact percentiles. */
  latencyCounts: number[];
  latencySumMs: number;
}

/** The totals of the rows created in [fromMs, toMs), by the seed's formulas. */
export function largeLogTotals(range: { fromMs: number; toMs: number }): LargeLogTotals {
  const totals: LargeLogTotals = {
    requests: 0, successes: 0, errors: 0, clientDisconnected: 0, promptTokens: 0, completionTokens: 0, cachedTokens: 0, costUsd: 0,
    attempts: 0, streamsWithTtft: 0, byStatusClass: {}, latencyCounts: new Array<number>(5050).fill(0), latencySumMs: 0,
  };
  for (let n = 0; n < LARGE_LOG.rows; n += 1) {
    const createdAt = createdAtOf(n);
    if (createdAt < range.fromMs || createdAt >= range.toMs) continue;
    const status = statusOf(n);
    totals.requests += 1;
    if (status === 500 || status === 429) totals.errors += 1;
    else if (status === 499) totals.clientDisconnected += 1;
    else totals.successes += 1;
    totals.promptTokens += 10 + (n % 990);
    totals.completionTokens += 5 + (n % 495);
    totals.cachedTokens += n % 7;
    totals.costUsd += (n % 16) / 1024;
    totals.attempts += n % 20 === 0 ? 2 : 1;
    if (n % 3 === 0) totals.streamsWithTtft += 1;
    const statusClass = `${Math.floor(status / 100)}xx`;
    totals.byStatusClass[statusClass] = (totals.byStatusClass[statusClass] ?? 0) + 1;
    // (n * 7919) stays below 2^53 for a million rows, so this is SQLite's integer arithmetic.
    const latency = 50 + ((n * 7919) % 5000);
    totals.latencyCounts[latency] += 1;
    totals.latencySumMs += latency;
  }
  return totals;
}

/** percentile_cont over the latencies counted by largeLogTotals. */
export function exactLatencyPercentile(totals: LargeLogTotals, quantile: number): number {
  const rank = quantile * (totals.requests - 1);
  const valueAt = (target: number): number => {
    let seen = 0;
    for (let latency = 0; latency < totals.latencyCounts.length; latency += 1) {
      seen += totals.latencyCounts[latency];
      if (target < seen) return latency;
    }
    return totals.latencyCounts.length - 1;
  };
  const lower = Math.floor(rank);
  return valueAt(lower) + (rank - lower) * (valueAt(Math.ceil(rank)) - valueAt(lower));
}
