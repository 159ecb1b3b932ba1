/**
 * Normalises a model's answer for voting: two answers that differ only in case, surrounding or
 * repeated whitespace, or trailing punctuation ("Paris." and " paris") count as the same answer.
 */
/** Lowercase, trimmed, whitespace collapsed to single spaces, trailing punctuation removed. */
export function normaliseAnswer(answer) {
    return answer
        .toLowerCase()
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/[\s\p{P}]+$/u, '');
}
/** The words of an answer (letters and digits of any script), normalised, for similarity measures. */
export function answerWords(answer) {
    return normaliseAnswer(answer)
        .split(/[^\p{L}\p{N}]+/u)
        .filter((word) => word.length > 0);
}
//# sourceMappingURL=normalise-answer.js.map