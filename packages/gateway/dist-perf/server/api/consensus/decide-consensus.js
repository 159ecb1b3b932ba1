/**
 * Turns the successful answers of a consensus request into one answer, by the chosen strategy:
 * the majority of normalised answers, the answer that agrees most with the others, or the judge's
 * verdict (falling back to the most agreeing answer when the judge's reply cannot be used).
 */
import { mostAgreeingAnswer } from './agreement.js';
import { majorityVote } from './majority-vote.js';
function picked(candidate, method, extra = {}) {
    return { answer: candidate.answer, model: candidate.model, method, votes: extra.votes ?? null, note: extra.note ?? null };
}
function nonEmpty(candidates) {
    if (candidates.length === 0)
        throw new RangeError('a consensus needs at least one answer');
}
export function decideByMajority(candidates) {
    nonEmpty(candidates);
    const vote = majorityVote(candidates.map((candidate) => candidate.answer)) ?? { index: 0, votes: 1 };
    return picked(candidates[vote.index], 'majority', { votes: vote.votes });
}
export function decideByAgreement(candidates) {
    nonEmpty(candidates);
    return picked(candidates[Math.max(0, mostAgreeingAnswer(candidates.map((candidate) => candidate.answer)))], 'agreement');
}
/** The decision after the judge's verdict (a judge call that failed counts as an `unusable` verdict). */
export function decideByJudge(options) {
    const { candidates, verdict } = options;
    nonEmpty(candidates);
    if (verdict.kind === 'pick')
        return picked(candidates[verdict.index], 'judge-pick');
    if (verdict.kind === 'synthesis')
        return { answer: verdict.answer, model: null, method: 'judge-synthesis', votes: null, note: null };
    const fallback = decideByAgreement(candidates);
    return { ...fallback, method: 'judge-fallback', note: `${verdict.reason}; the answer that agrees most with the others was taken` };
}
export function singleAnswer(candidate) {
    return picked(candidate, 'single-answer');
}
//# sourceMappingURL=decide-consensus.js.map