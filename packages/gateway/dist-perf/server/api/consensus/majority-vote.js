/**
 * Majority vote over answers: answers are grouped by their normalised text and the largest group
 * wins. A tie between groups goes to the one whose answer agrees most with all the answers (so a
 * 1-1-1 split picks the answer closest to the others), and then to the earliest.
 */
import { meanSimilarityToOthers, similarityMatrix } from './agreement.js';
import { normaliseAnswer } from './normalise-answer.js';
/** The winning answer, or null when there are no answers. */
export function majorityVote(answers) {
    const groups = new Map();
    answers.forEach((answer, index) => {
        const key = normaliseAnswer(answer);
        const members = groups.get(key);
        if (members)
            members.push(index);
        else
            groups.set(key, [index]);
    });
    const matrix = similarityMatrix(answers);
    let best = null;
    for (const members of groups.values()) {
        const candidate = { index: members[0], votes: members.length, agreement: meanSimilarityToOthers(matrix, members[0]) };
        if (best === null || candidate.votes > best.votes || (candidate.votes === best.votes && candidate.agreement > best.agreement)) {
            best = candidate;
        }
    }
    return best === null ? null : { index: best.index, votes: best.votes };
}
//# sourceMappingURL=majority-vote.js.map