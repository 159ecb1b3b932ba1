/**
 * Time buckets of the analytics API: the granularities, the default one for a range, and how many
 * buckets a range spans. Buckets start at whole multiples of their width since the epoch, so they
 * are aligned to UTC minutes, hours and days and the same on every replica and database.
 */
export const GRANULARITIES = ['minute', 'hour', 'day'];
export const GRANULARITY_MS = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };
/** More buckets than this is refused: the answer would be too long to read or chart. */
export const MAX_BUCKETS = 2_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
/** Minutes up to 2 hours, hours up to 7 days, days beyond: between about 24 and 170 points. */
export function defaultGranularity(spanMs) {
    if (spanMs <= 2 * HOUR)
        return 'minute';
    if (spanMs <= 7 * DAY)
        return 'hour';
    return 'day';
}
/** The start of the bucket holding `timeMs`. */
export function bucketStart(timeMs, bucketMs) {
    return Math.floor(timeMs / bucketMs) * bucketMs;
}
/** Buckets touched by [fromMs, toMs), counting a partial first and last bucket; 0 for an empty range. */
export function bucketCount(range) {
    if (range.toMs <= range.fromMs)
        return 0;
    return (bucketStart(range.toMs - 1, range.bucketMs) - bucketStart(range.fromMs, range.bucketMs)) / range.bucketMs + 1;
}
//# sourceMappingURL=analytics-buckets.js.map