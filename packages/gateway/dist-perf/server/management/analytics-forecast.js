/**
 * The month-end cost forecast of GET /api/ai/analytics/costs: what was spent this calendar month
 * (UTC) so far, plus the daily run rate of the last `basisDays` days (their spend divided by
 * basisDays) times the days left in the month, fractions included. A straight-line projection:
 * simple to check by hand, and it follows a change in traffic within basisDays.
 */
const DAY = 86_400_000;
export const DEFAULT_FORECAST_BASIS_DAYS = 7;
export function monthWindow(nowMs) {
    const now = new Date(nowMs);
    return {
        monthStartMs: Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1),
        monthEndMs: Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1),
    };
}
/** When the run-rate window starts. */
export function basisStart(nowMs, basisDays) {
    return nowMs - basisDays * DAY;
}
export function forecastMonthEnd(input) {
    const { monthStartMs, monthEndMs } = monthWindow(input.nowMs);
    const dailyRunRateUsd = input.basisSpendUsd / input.basisDays;
    const remainingDays = Math.max(0, monthEndMs - input.nowMs) / DAY;
    return {
        asOf: new Date(input.nowMs).toISOString(),
        monthStart: new Date(monthStartMs).toISOString(),
        monthEnd: new Date(monthEndMs).toISOString(),
        monthToDateUsd: roundUsd(input.monthToDateUsd),
        dailyRunRateUsd: roundUsd(dailyRunRateUsd),
        basisDays: input.basisDays,
        remainingDays: Math.round(remainingDays * 10_000) / 10_000,
        projectedMonthEndUsd: roundUsd(input.monthToDateUsd + dailyRunRateUsd * remainingDays),
        method: `monthToDateUsd + dailyRunRateUsd × remainingDays, where dailyRunRateUsd is the spend of the last ${input.basisDays} days (to asOf) divided by ${input.basisDays}; calendar month in UTC; the filters apply, the time range does not.`,
    };
}
/** Sums of many small floats: 1e-9 USD is far below any price and hides float noise. */
export function roundUsd(value) {
    return Math.round(value * 1e9) / 1e9;
}
//# sourceMappingURL=analytics-forecast.js.map