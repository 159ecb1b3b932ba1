/** Parses sizes such as `4mb`, `512kb` or a plain byte count (1 kb = 1024 bytes, as Fastify's docs count). */
const UNITS = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };
/** Returns the size in bytes, or undefined when the text is not a size. */
export function parseByteSize(value) {
    if (typeof value === 'number')
        return Number.isInteger(value) && value > 0 ? value : undefined;
    const match = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*$/i.exec(value);
    if (!match)
        return undefined;
    const bytes = Math.floor(Number(match[1]) * UNITS[(match[2] ?? 'b').toLowerCase()]);
    return bytes > 0 ? bytes : undefined;
}
//# sourceMappingURL=byte-size.js.map