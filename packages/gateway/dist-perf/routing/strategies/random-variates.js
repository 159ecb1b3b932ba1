/**
 * Samples of the normal, gamma and beta distributions from an injected uniform source, so the
 * `adaptive` strategy's Thompson sampling is deterministic under a seeded random in tests.
 */
/** Marsaglia–Tsang accepts over 95 % of candidates; the cap only guards a degenerate source. */
const MAX_GAMMA_ATTEMPTS = 64;
/** Standard normal (Box–Muller); `1 - random()` keeps the logarithm's argument in (0, 1]. */
export function sampleNormal(random) {
    const u = 1 - random();
    const v = random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
/**
 * Gamma(shape, 1) by Marsaglia and Tsang, "A simple method for generating gamma variables" (2000),
 * with the boost Gamma(a) = Gamma(a + 1) · U^(1/a) for shapes below 1. A source that never yields an
 * acceptable candidate (a constant stub) gets the mean, so routing never stalls on it.
 */
export function sampleGamma(random, shape) {
    if (!(shape > 0))
        return 0;
    if (shape < 1)
        return sampleGamma(random, shape + 1) * (1 - random()) ** (1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (let attempt = 0; attempt < MAX_GAMMA_ATTEMPTS; attempt += 1) {
        const x = sampleNormal(random);
        const root = 1 + c * x;
        if (root <= 0)
            continue;
        const v = root * root * root;
        const u = 1 - random();
        if (u < 1 - 0.0331 * x ** 4)
            return d * v;
        if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v)))
            return d * v;
    }
    return shape;
}
/** Beta(alpha, beta) as X / (X + Y) with X ~ Gamma(alpha), Y ~ Gamma(beta). */
export function sampleBeta(random, alpha, beta) {
    const x = sampleGamma(random, alpha);
    const y = sampleGamma(random, beta);
    return x + y > 0 ? x / (x + y) : alpha / (alpha + beta);
}
//# sourceMappingURL=random-variates.js.map