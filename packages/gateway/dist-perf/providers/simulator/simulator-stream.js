/**
 * Plays a planned answer as canonical stream events: start, a few words per text delta (or a tool
 * call in pieces) every chunkIntervalMs, finish, usage. An abort ends the stream at once with an
 * error event, the way an upstream failure after the first byte ends one.
 */
import { toGatewayError } from '../../core/index.js';
import { abortError, sleep } from './timing.js';
import { splitIntoChunks } from './words.js';
export async function* streamAnswer(options) {
    const { answer, model, signal, provider } = options;
    yield { type: 'start', id: answer.id, model, created: Math.floor(Date.now() / 1000) };
    let first = true;
    try {
        for (const [index, choice] of answer.choices.entries()) {
            for (const event of choiceEvents(choice, index)) {
                if (!first && event.type !== 'finish')
                    await sleep(options.chunkIntervalMs, { signal, provider });
                if (signal.aborted)
                    throw abortError(signal, provider);
                first = false;
                yield event;
            }
        }
    }
    catch (error) {
        // Only an abort throws here; it ends the stream as an in-band error.
        yield { type: 'error', error: toGatewayError(error) };
        return;
    }
    yield { type: 'usage', usage: answer.usage };
}
/** The events of one choice, in order, without timing. */
export function choiceEvents(choice, index) {
    const events = [];
    if (choice.text !== null) {
        for (const text of splitIntoChunks(choice.text))
            events.push({ type: 'text-delta', choice: index, text });
    }
    choice.toolCalls.forEach((call, callIndex) => {
        events.push({ type: 'tool-call-start', choice: index, index: callIndex, id: call.id, name: call.name });
        for (const piece of splitArguments(call.arguments)) {
            events.push({ type: 'tool-call-delta', choice: index, index: callIndex, argumentsDelta: piece });
        }
    });
    events.push({ type: 'finish', choice: index, finishReason: choice.finishReason });
    return events;
}
/** Argument JSON in pieces of up to 12 characters, as upstreams stream it. */
function splitArguments(text) {
    const pieces = [];
    for (let start = 0; start < text.length; start += 12)
        pieces.push(text.slice(start, start + 12));
    return pieces;
}
//# sourceMappingURL=simulator-stream.js.map