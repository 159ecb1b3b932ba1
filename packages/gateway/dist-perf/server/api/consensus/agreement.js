/**
 * How much answers agree: token-set Jaccard similarity between two answers (shared words over all
 * words), and its means across a set of answers. Cheap, deterministic and language-neutral; it
 * measures overlap of wording, not of meaning, which is enough to find the answer most others
 * echo and to flag a set of answers that diverge.
 */
import { answerWords } from './normalise-answer.js';
/** Jaccard similarity of the two answers' word sets, 0..1; two answers without words are alike (1). */
export function similarity(left, right) {
    const leftWords = new Set(answerWords(left));
    const rightWords = new Set(answerWords(right));
    if (leftWords.size === 0 && rightWords.size === 0)
        return 1;
    let shared = 0;
    for (const word of leftWords)
        if (rightWords.has(word))
            shared += 1;
    return shared / (leftWords.size + rightWords.size - shared);
}
/** The similarity of every pair, as a symmetric matrix with 1 on the diagonal. */
export function similarityMatrix(answers) {
    const matrix = answers.map(() => answers.map(() => 1));
    for (let row = 0; row < answers.length; row += 1) {
        for (let column = row + 1; column < answers.length; column += 1) {
            const value = similarity(answers[row], answers[column]);
            matrix[row][column] = value;
            matrix[column][row] = value;
        }
    }
    return matrix;
}
/** Mean similarity of answer `index` to each other answer; 1 when there is no other answer. */
export function meanSimilarityToOthers(matrix, index) {
    const others = matrix[index].filter((_, column) => column !== index);
    return others.length === 0 ? 1 : others.reduce((sum, value) => sum + value, 0) / others.length;
}
/** Mean similarity over all pairs of answers, 0..1; 1 when fewer than two answers (nothing disagrees). */
export function meanPairwiseAgreement(answers) {
    const matrix = similarityMatrix(answers);
    let total = 0;
    let pairs = 0;
    for (let row = 0; row < answers.length; row += 1) {
        for (let column = row + 1; column < answers.length; column += 1) {
            total += matrix[row][column];
            pairs += 1;
        }
    }
    return pairs === 0 ? 1 : roundScore(total / pairs);
}
/** The index of the answer with the highest mean similarity to the others (the first on a tie), or -1 for none. */
export function mostAgreeingAnswer(answers) {
    const matrix = similarityMatrix(answers);
    let best = -1;
    let bestScore = -1;
    for (let index = 0; index < answers.length; index += 1) {
        const score = meanSimilarityToOthers(matrix, index);
        if (score > bestScore) {
            best = index;
            bestScore = score;
        }
    }
    return best;
}
/** Scores are reported to four decimals: more is noise for a word-overlap measure. */
export function roundScore(value) {
    return Math.round(value * 10_000) / 10_000;
}
//# sourceMappingURL=agreement.js.map