/** Fake prose for simulated answers: whole sentences of plain words, a given number of words long. */
import { pick } from './prng.js';
const VOCABULARY = [
    'the', 'gateway', 'routes', 'each', 'request', 'to', 'a', 'model', 'that', 'answers', 'quickly', 'and',
    'records', 'what', 'it', 'cost', 'signal', 'track', 'train', 'switch', 'yard', 'points', 'line', 'station',
    'carefully', 'often', 'every', 'simple', 'answer', 'stream', 'token', 'provider', 'budget', 'latency', 'of',
    'with', 'from', 'into', 'over', 'under', 'clear', 'steady', 'bright', 'small', 'large', 'fast', 'quiet',
    'message', 'reply', 'river', 'mountain', 'window', 'garden', 'morning', 'evening', 'story', 'number', 'idea',
    'builds', 'finds', 'keeps', 'sends', 'reads', 'writes', 'moves', 'holds', 'turns', 'waits', 'shows', 'brings',
];
/** Exactly `count` words, as sentences of 5 to 12 words, capitalised, each ending with a full stop. */
export function generateWords(random, count) {
    const sentences = [];
    let remaining = count;
    while (remaining > 0) {
        const length = Math.min(remaining, 5 + Math.floor(random() * 8));
        const words = Array.from({ length }, () => pick(random, VOCABULARY));
        words[0] = words[0].charAt(0).toUpperCase() + words[0].slice(1);
        sentences.push(`${words.join(' ')}.`);
        remaining -= length;
    }
    return sentences.join(' ');
}
/** Words as the simulator counts tokens: runs of letters, digits and a few joiners; punctuation is free. */
export function countWords(text) {
    return text.match(/[\p{L}\p{N}_'-]+/gu)?.length ?? 0;
}
/** Splits text into stream pieces of a few words each; the pieces join back to the exact text. */
export function splitIntoChunks(text, wordsPerChunk = 3) {
    const words = text.match(/\s*\S+/g) ?? [];
    const chunks = [];
    for (let index = 0; index < words.length; index += wordsPerChunk)
        chunks.push(words.slice(index, index + wordsPerChunk).join(''));
    return chunks.length === 0 ? [text] : chunks;
}
//# sourceMappingURL=words.js.map