/** Deterministic embeddings: one unit vector per input, seeded by (seed, model, text). */
import { createRandom, hashSeed, normalSample } from './prng.js';
import { countWords } from './words.js';
export const DEFAULT_EMBEDDING_DIMENSIONS = 256;
export function embedTexts(input) {
    const { request, model, seed } = input;
    const dimensions = Math.max(1, Math.floor(request.dimensions ?? DEFAULT_EMBEDDING_DIMENSIONS));
    const embeddings = request.input.map((text) => unitVector(createRandom(hashSeed(seed, `${model}\u0000${text}`)), dimensions));
    const promptTokens = request.input.reduce((total, text) => total + countWords(text), 0);
    return { model, embeddings, usage: { promptTokens, estimated: false } };
}
/** Gaussian components normalised to length 1: uniformly distributed directions. */
function unitVector(random, dimensions) {
    const vector = Array.from({ length: dimensions }, () => normalSample(random, 0, 1));
    const length = Math.hypot(...vector) || 1;
    return vector.map((component) => component / length);
}
//# sourceMappingURL=simulator-embed.js.map