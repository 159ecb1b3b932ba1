/**
 * Budget periods in UTC: a daily budget resets at midnight, a weekly one on Monday, a monthly one
 * on the 1st. A manual reset inside the current period starts a fresh period at that moment.
 */
const DAY = 86_400_000;
export function calendarPeriod(period, nowMs) {
    const now = new Date(nowMs);
    const dayStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    if (period === 'daily')
        return { startMs: dayStart, endMs: dayStart + DAY };
    if (period === 'weekly') {
        const daysSinceMonday = (now.getUTCDay() + 6) % 7;
        const startMs = dayStart - daysSinceMonday * DAY;
        return { startMs, endMs: startMs + 7 * DAY };
    }
    const startMs = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
    return { startMs, endMs: Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1) };
}
export function currentPeriod(options) {
    const calendar = calendarPeriod(options.period, options.nowMs);
    const reset = options.resetAtMs;
    const startMs = reset !== null && reset > calendar.startMs && reset <= options.nowMs ? reset : calendar.startMs;
    return { startMs, endMs: calendar.endMs, key: String(startMs) };
}
//# sourceMappingURL=budget-period.js.map