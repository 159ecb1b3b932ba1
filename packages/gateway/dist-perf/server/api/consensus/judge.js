/**
 * The judge of the `judge` consensus strategy: the prompt that shows a model the question and the
 * numbered candidate answers, and the reading of its reply. A reply that names a candidate picks
 * it; any other non-empty reply is taken as the judge's own, synthesised answer.
 */
const INSTRUCTIONS = [
    'You are judging answers to a question. Several assistants answered it independently.',
    'Choose the best answer: the most correct, complete and clear one.',
    'Reply with "BEST: <number>" and nothing else, for example "BEST: 2".',
    'Only if none of the answers is acceptable, reply instead with a better answer of your own.',
].join(' ');
/** The conversation as text: the prompt alone, or one `role: text` line per message. */
export function conversationText(messages) {
    const textOf = (message) => message.content.map((part) => (part.type === 'text' ? part.text : '[image]')).join('\n');
    if (messages.length === 1 && messages[0].role === 'user')
        return textOf(messages[0]);
    return messages.map((message) => `${message.role}: ${textOf(message)}`).join('\n');
}
/** The judge's conversation: instructions, then the question and the candidates numbered from 1. */
export function buildJudgeMessages(options) {
    const listed = options.candidates.map((answer, index) => `[${index + 1}]\n${answer.trim()}`).join('\n\n');
    return [
        { role: 'system', content: [{ type: 'text', text: INSTRUCTIONS }] },
        { role: 'user', content: [{ type: 'text', text: `Question:\n${options.question.trim()}\n\nAnswers:\n\n${listed}` }] },
    ];
}
/** At most this many words and exactly one number: a short verdict such as "The best answer is 2." */
const SHORT_VERDICT_WORDS = 6;
/**
 * Reads the judge's reply. A number counts as a pick only where the reply is a verdict ("BEST: 2",
 * a bare "2", or a short sentence with one number), so that a synthesised answer that happens to
 * contain a number is not misread as a candidate's.
 */
export function parseJudgeVerdict(reply, candidateCount) {
    const text = reply.trim();
    if (text === '')
        return { kind: 'unusable', reason: 'the judge replied with nothing' };
    const number = verdictNumber(text);
    if (number === null)
        return { kind: 'synthesis', answer: text };
    if (number < 1 || number > candidateCount) {
        return { kind: 'unusable', reason: `the judge named answer ${number}, but there are ${candidateCount}` };
    }
    return { kind: 'pick', index: number - 1 };
}
function verdictNumber(text) {
    const marked = /\bBEST\W{0,4}(\d+)/.exec(text);
    if (marked)
        return Number(marked[1]);
    const bare = /^[\s*_`#[(]*(\d+)[\s*_`\].)]*$/.exec(text);
    if (bare)
        return Number(bare[1]);
    const words = text.split(/\s+/);
    const numbers = text.match(/\d+/g) ?? [];
    if (words.length <= SHORT_VERDICT_WORDS && numbers.length === 1)
        return Number(numbers[0]);
    return null;
}
//# sourceMappingURL=judge.js.map