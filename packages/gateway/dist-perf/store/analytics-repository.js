/**
 * Analytics over the `usage` table for GET /api/ai/analytics/{usage,performance,costs}: sums per
 * time bucket (and group), latency and time-to-first-token histograms per bucket, group and status
 * class, and cost since given moments (for the month-end forecast). Each method is one GROUP BY
 * pass over the range (in pieces on SQLite, see chunkRanges) that never orders the latencies
 * themselves: percentiles are interpolated by the caller from the logarithmic histogram bins (see
 * LATENCY_BIN_RATIO), the same way on SQLite and Postgres.
 */
import { sql } from 'kysely';
import { applyAnalyticsFilter, bucketExpression, countWhere, groupColumn, logBinExpression, toNumber, } from './analytics-repository-sql.js';
export { ANALYTICS_GROUP_BY, LATENCY_BIN_RATIO, ZERO_BIN } from './analytics-repository-sql.js';
/** At most this many queries per answer on SQLite; see chunkRanges(). */
const SQLITE_MAX_CHUNKS = 48;
export class AnalyticsRepository {
    #db;
    #maxChunks;
    constructor(db, options = {}) {
        this.#db = db;
        this.#maxChunks = options.dialect === 'postgres' ? 1 : SQLITE_MAX_CHUNKS;
    }
    /** Requests by outcome, tokens and cost per bucket (and group). */
    async usage(query) {
        const rows = await this.#grouped(query, [], (range) => range, [
            sql `count(*)`.as('requests'),
            countWhere('outcome', 'success').as('successes'),
            countWhere('outcome', 'error').as('errors'),
            countWhere('outcome', 'client_disconnected').as('client_disconnected'),
            sql `sum(${sql.ref('prompt_tokens')})`.as('prompt_tokens'),
            sql `sum(${sql.ref('completion_tokens')})`.as('completion_tokens'),
            sql `sum(${sql.ref('cached_tokens')})`.as('cached_tokens'),
            sql `sum(${sql.ref('cost_usd')})`.as('cost_usd'),
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
    async latencyHistogram(query) {
        const statusClass = sql `${sql.ref('status')} / ${sql.lit(100)}`;
        const keys = [['status_class', statusClass], ['bin', logBinExpression('latency_ms')]];
        const rows = await this.#grouped(query, keys, (range) => range, [
            sql `count(*)`.as('count'),
            sql `min(${sql.ref('latency_ms')})`.as('min_ms'),
            sql `max(${sql.ref('latency_ms')})`.as('max_ms'),
            sql `sum(${sql.ref('latency_ms')})`.as('sum_ms'),
            sql `sum(${sql.ref('attempts')})`.as('attempts'),
            sql `sum(case when ${sql.ref('attempts')} > ${sql.lit(1)} then 1 else 0 end)`.as('retried'),
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
    async ttftHistogram(query) {
        const streams = (range) => range.where('stream', '=', 1).where('ttft_ms', 'is not', null);
        const rows = await this.#grouped(query, [['bin', logBinExpression('ttft_ms')]], streams, [
            sql `count(*)`.as('count'),
            sql `min(${sql.ref('ttft_ms')})`.as('min_ms'),
            sql `max(${sql.ref('ttft_ms')})`.as('max_ms'),
            sql `sum(${sql.ref('ttft_ms')})`.as('sum_ms'),
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
    async costSince(options) {
        if (options.sinceMs.length === 0)
            return [];
        const earliest = Math.min(...options.sinceMs);
        const sums = options.sinceMs.map((since, index) => sql `sum(case when ${sql.ref('created_at')} >= ${sql.lit(Math.floor(since))} then ${sql.ref('cost_usd')} else 0 end)`.as(`since_${index}`));
        const query = applyAnalyticsFilter(this.#db.selectFrom('usage').where('created_at', '>=', earliest).where('created_at', '<', options.untilMs), options.filter);
        const row = (await query.select(sums).executeTakeFirst());
        return options.sinceMs.map((_, index) => toNumber(row?.[`since_${index}`]));
    }
    /**
     * SELECT bucket [, group_key], <keys…>, <aggregates…> … GROUP BY the same, over the range in
     * chunks of whole buckets (see SQLITE_MAX_CHUNKS); a bucket never spans two chunks, so their rows
     * are simply concatenated. Grouped by output names, which both dialects accept and which keeps
     * Postgres from comparing two spellings of one expression.
     */
    async #grouped(query, keys, narrow, aggregates) {
        const allKeys = [['bucket', bucketExpression(query.bucketMs)]];
        if (query.groupBy !== undefined)
            allKeys.push(['group_key', groupColumn(query.groupBy)]);
        allKeys.push(...keys);
        const selections = [...allKeys.map(([name, expression]) => expression.as(name)), ...aggregates];
        const groupBy = allKeys.map(([name]) => sql.ref(name));
        const rows = [];
        for (const [fromMs, toMs] of chunkRanges(query, this.#maxChunks)) {
            const range = applyAnalyticsFilter(this.#db.selectFrom('usage').where('created_at', '>=', fromMs).where('created_at', '<', toMs), query);
            const chunk = (await narrow(range).select(selections).groupBy(groupBy).execute());
            for (const row of chunk)
                rows.push(row);
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
export function chunkRanges(range, maxChunks) {
    if (range.toMs <= range.fromMs)
        return [];
    const firstBucket = Math.floor(range.fromMs / range.bucketMs);
    const buckets = Math.floor((range.toMs - 1) / range.bucketMs) - firstBucket + 1;
    const chunkMs = Math.ceil(buckets / Math.max(1, maxChunks)) * range.bucketMs;
    const chunks = [];
    for (let start = firstBucket * range.bucketMs; start < range.toMs; start += chunkMs)
        chunks.push([Math.max(start, range.fromMs), Math.min(start + chunkMs, range.toMs)]);
    return chunks;
}
function groupOf(row) {
    const group = row.group_key;
    return group === null || group === undefined ? null : String(group);
}
//# sourceMappingURL=analytics-repository.js.map