/**
 * The body of POST /api/ai/consensus, validated strictly: the prompt or messages, 2 to 8 models,
 * the strategy (default `agreement`), the judge model for the `judge` strategy, and the quorum
 * (default: a majority of the models). Model names are checked against the caller's key separately.
 */
import { z } from 'zod';
import { invalidRequest, parseWithSchema } from '../openai/codec/validation.js';
import { chatInputFields, expecting, strictBody, toChatRequest } from './chat-input.js';
export const MIN_CONSENSUS_MODELS = 2;
export const MAX_CONSENSUS_MODELS = 8;
export const CONSENSUS_STRATEGIES = ['majority', 'judge', 'agreement'];
const modelName = z.string(expecting('a model group name')).min(1, expecting('a model group name'));
const modelCount = expecting(`an array of ${MIN_CONSENSUS_MODELS} to ${MAX_CONSENSUS_MODELS} model group names`);
const consensusBodySchema = strictBody({
    ...chatInputFields,
    models: z.array(modelName, modelCount).min(MIN_CONSENSUS_MODELS, modelCount).max(MAX_CONSENSUS_MODELS, modelCount),
    strategy: z.enum(CONSENSUS_STRATEGIES, expecting("one of 'majority', 'judge' or 'agreement'")).optional(),
    judge: modelName.optional(),
    quorum: z.number(expecting('a positive integer')).int(expecting('a positive integer')).positive(expecting('a positive integer')).optional(),
});
/** The default quorum: a strict majority of the models. */
export function defaultQuorum(modelCount) {
    return Math.floor(modelCount / 2) + 1;
}
export function parseConsensusRequest(body) {
    const parsed = parseWithSchema(consensusBodySchema, body);
    const strategy = parsed.strategy ?? 'agreement';
    if (strategy === 'judge' && parsed.judge === undefined) {
        throw invalidRequest(['judge'], "required with strategy 'judge': the model group that picks the best answer");
    }
    if (strategy !== 'judge' && parsed.judge !== undefined) {
        throw invalidRequest(['judge'], `only used with strategy 'judge' (the strategy is '${strategy}')`);
    }
    const quorum = parsed.quorum ?? defaultQuorum(parsed.models.length);
    if (quorum > parsed.models.length) {
        throw invalidRequest(['quorum'], `expected at most ${parsed.models.length}, the number of models`);
    }
    const chats = parsed.models.map((model) => toChatRequest({ model, input: parsed }));
    return { strategy, models: parsed.models, chats, judge: parsed.judge ?? null, quorum, maxTokens: parsed.maxTokens };
}
//# sourceMappingURL=consensus-request.js.map