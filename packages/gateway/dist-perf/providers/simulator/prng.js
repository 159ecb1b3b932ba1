/**
 * Deterministic randomness for the simulator: a seed hashed from (settings seed, request content)
 * drives a small PRNG, so the same request always gets the same answer.
 */
import { createHash } from 'node:crypto';
/** A 32-bit seed from the configured seed and any text (the request's content). */
export function hashSeed(seed, text) {
    return createHash('sha256').update(`${seed}\u0000${text}`).digest().readUInt32LE(0);
}
/** mulberry32: tiny, fast and good enough for fake text (https://gist.github.com/tommyettinger/46a874533244883189143505d203312c). */
export function createRandom(seed) {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let value = state;
        value = Math.imul(value ^ (value >>> 15), value | 1);
        value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
        return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
    };
}
/** A sample of a normal distribution (Box–Muller). */
export function normalSample(random, mean, standardDeviation) {
    if (standardDeviation === 0)
        return mean;
    const u = 1 - random();
    const v = random();
    return mean + standardDeviation * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
/** Lowercase hex of the given length, for ids. */
export function randomHex(random, length) {
    let output = '';
    while (output.length < length)
        output += Math.floor(random() * 16).toString(16);
    return output;
}
export function pick(random, items) {
    return items[Math.floor(random() * items.length)];
}
//# sourceMappingURL=prng.js.map