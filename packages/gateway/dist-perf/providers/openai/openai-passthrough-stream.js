/**
 * Relays an OpenAI stream frame by frame, unchanged, while reading usage, finish reason and model
 * for accounting. This is the hot path (DESIGN.md principle 2): a frame is JSON-parsed only when
 * a cheap string check says it may carry something we need.
 */
import { parseJsonSafe, transportError } from '../shared/http.js';
import { parseSse } from '../shared/sse.js';
import { isRecord, numberField, recordsField, stringField } from '../shared/json-fields.js';
import { mapOpenAIFinishReason } from './map-openai-finish-reason.js';
import { isOpenAIErrorChunk, openaiInBandError } from './openai-errors.js';
import { parseOpenAIUsage } from './parse-openai-usage.js';
const USAGE_OBJECT = /"usage"\s*:\s*\{/;
const FINISH_REASON_SET = /"finish_reason"\s*:\s*"/;
export function relayOpenAIStream(options) {
    let usage = null;
    let finishReason = null;
    let model = null;
    let failure = null;
    let outputText = '';
    async function* frames() {
        let finished = false;
        let modelLookups = 0;
        try {
            for await (const sse of parseSse(options.body)) {
                // Keep reading after [DONE] or an error so the connection ends cleanly, but relay nothing.
                if (finished)
                    continue;
                const { data } = sse;
                if (data === '[DONE]')
                    finished = true;
                if (data.length === 0 || finished) {
                    yield sse.raw;
                    continue;
                }
                let parsed;
                const chunk = () => (parsed ??= { value: parseJsonSafe(data) }).value;
                // Azure's first chunk names no model (""), so look a few frames on, but not forever: some
                // compatible servers never name one, and parsing every frame is what we avoid here.
                if (model === null && modelLookups < 3) {
                    modelLookups += 1;
                    model = readModel(chunk());
                }
                if (data.includes('"error"') && isOpenAIErrorChunk(chunk())) {
                    failure = openaiInBandError(chunk(), options.provider);
                    finished = true;
                    continue;
                }
                if (options.collectText)
                    outputText += deltaText(chunk());
                if (FINISH_REASON_SET.test(data))
                    finishReason = readFinishReason(chunk(), finishReason);
                if (USAGE_OBJECT.test(data)) {
                    const record = chunk();
                    usage = isRecord(record) ? (parseOpenAIUsage(record.usage) ?? usage) : usage;
                    const usageOnly = isRecord(record) && Array.isArray(record.choices) && record.choices.length === 0;
                    if (usageOnly && options.dropUsageChunk)
                        continue;
                }
                yield sse.raw;
            }
        }
        catch (error) {
            if (finished)
                return;
            const gatewayError = transportError(error, { provider: options.provider, clientSignal: options.signal });
            failure = gatewayError;
        }
    }
    return {
        frames: frames(),
        summary: () => (options.collectText && usage === null ? { usage, finishReason, model, outputText } : { usage, finishReason, model }),
        failure: () => failure,
    };
}
/** The content and tool-argument text of every choice's delta in one chunk. */
function deltaText(chunk) {
    let text = '';
    for (const choice of isRecord(chunk) ? recordsField(chunk, 'choices') : []) {
        const delta = isRecord(choice.delta) ? choice.delta : {};
        if (typeof delta.content === 'string')
            text += delta.content;
        for (const call of recordsField(delta, 'tool_calls')) {
            const fn = isRecord(call.function) ? call.function : {};
            if (typeof fn.arguments === 'string')
                text += fn.arguments;
        }
    }
    return text;
}
function readModel(chunk) {
    if (!isRecord(chunk))
        return null;
    return stringField(chunk, 'model') || null;
}
/** The first choice's finish reason wins; another choice's is kept only until the first one's arrives. */
function readFinishReason(chunk, current) {
    if (!isRecord(chunk))
        return current;
    let reason = current;
    for (const choice of recordsField(chunk, 'choices')) {
        if (typeof choice.finish_reason !== 'string')
            continue;
        if ((numberField(choice, 'index') ?? 0) === 0 || reason === null)
            reason = mapOpenAIFinishReason(choice.finish_reason);
    }
    return reason;
}
//# sourceMappingURL=openai-passthrough-stream.js.map