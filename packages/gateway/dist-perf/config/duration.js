/** Durations in the config file: a number of milliseconds, or text such as "90s", "15m", "24h", "7d". */
const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
export function parseDuration(value) {
    if (typeof value === 'number')
        return Number.isFinite(value) && value >= 0 ? value : undefined;
    if (typeof value !== 'string')
        return undefined;
    const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)?\s*$/i.exec(value);
    if (!match)
        return undefined;
    const unit = (match[2] ?? 'ms').toLowerCase();
    return Math.round(Number(match[1]) * UNIT_MS[unit]);
}
//# sourceMappingURL=duration.js.map