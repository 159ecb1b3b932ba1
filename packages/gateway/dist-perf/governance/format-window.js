/** A window length for people: 900000 -> "15m", 86400000 -> "1d", 1500 -> "1500ms". */
const UNITS = [
    [604_800_000, 'w'],
    [86_400_000, 'd'],
    [3_600_000, 'h'],
    [60_000, 'm'],
    [1_000, 's'],
];
export function formatWindow(ms) {
    for (const [size, unit] of UNITS)
        if (ms >= size && ms % size === 0)
            return `${ms / size}${unit}`;
    return `${ms}ms`;
}
//# sourceMappingURL=format-window.js.map