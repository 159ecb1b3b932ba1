/**
 * The side-by-side comparison of POST /api/ai/multiple (`compareResults: true`): which model was
 * fastest, cheapest, longest and shortest among the calls that succeeded, how much their answers
 * agree, and one row per call.
 */
import { meanPairwiseAgreement } from './consensus/agreement.js';
/** The model of the first answer whose measure beats every other's by `better`. */
function best(answers, measure, better) {
    let winner = null;
    for (const answer of answers) {
        if (winner === null || better(measure(answer), measure(winner)))
            winner = answer;
    }
    return winner?.model ?? null;
}
export function compareResults(results) {
    const succeeded = results.filter((result) => result.answer !== null);
    const less = (left, right) => left < right;
    const more = (left, right) => left > right;
    return {
        fastest: best(succeeded, (answer) => answer.latencyMs, less),
        cheapest: best(succeeded, (answer) => answer.costUsd, less),
        longest: best(succeeded, (answer) => answer.answer.length, more),
        shortest: best(succeeded, (answer) => answer.answer.length, less),
        agreement: meanPairwiseAgreement(succeeded.map((answer) => answer.answer)),
        table: results.map((result, index) => ({
            index,
            model: result.model,
            latencyMs: result.latencyMs,
            costUsd: result.costUsd,
            answerLength: result.answer?.length ?? null,
            error: result.error?.code ?? null,
        })),
    };
}
//# sourceMappingURL=compare-results.js.map