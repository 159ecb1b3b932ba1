/**
 * Schemas of the multi-model endpoints (/api/ai/request, /api/ai/multiple, /api/ai/consensus),
 * hand-written after the zod schemas in src/server/api/ and the shapes the routes answer with.
 * Request bodies are strict there, so they are closed here (`additionalProperties: false`).
 */
import { integer, nullable, number, object, string } from './components.js';
import { ref } from './openapi-types.js';
const MODEL = string('A model group name from GET /v1/models; the key must be allowed to use it.', { minLength: 1, examples: ['gpt-4o'] });
const SCORE = number('Mean pairwise word-overlap (token-set Jaccard) similarity of the successful answers, 0..1; 1 when fewer than two answered.', { minimum: 0, maximum: 1 });
/** The fields of one chat: exactly one of `prompt` and `messages`, with optional limits. */
const CHAT_FIELDS = {
    prompt: string('The question as one user message. Send this or `messages`.', { minLength: 1 }),
    messages: { type: 'array', items: ref('schemas', 'ChatMessage'), minItems: 1, description: 'OpenAI-style chat messages, validated as on /v1/chat/completions. Send this or `prompt`.' },
    maxTokens: integer('Maximum output tokens per call.', { minimum: 1 }),
    temperature: number('Sampling temperature.', { minimum: 0, maximum: 2 }),
};
const PROMPT_OR_MESSAGES = [{ required: ['prompt'] }, { required: ['messages'] }];
function closed(properties, required, description) {
    return { ...object(properties, required, { description }), additionalProperties: false };
}
export const AI_ENDPOINT_SCHEMAS = {
    AiCallError: object({
        code: string("The gateway's stable error code (see docs/errors.md).", { examples: ['SY_ERR_UPSTREAM_SERVER'] }),
        message: string('What went wrong.'),
        status: integer('The HTTP status this error has when it is the answer to a single request.'),
    }, ['code', 'message', 'status']),
    AiModelAnswer: object({
        model: string('The model group called.'),
        provider: nullable(string('The provider that answered, or last failed; null when none was reached.')),
        answer: nullable(string('The answer text; null when the call failed.')),
        error: nullable(ref('schemas', 'AiCallError')),
        latencyMs: number('How long the call took, ms.', { minimum: 0 }),
        tokens: object({ prompt: integer('Input tokens.', { minimum: 0 }), completion: integer('Output tokens.', { minimum: 0 }) }, ['prompt', 'completion']),
        costUsd: number('What the call cost, USD.', { minimum: 0 }),
        requestId: string("The id of the call's own usage row: the request's x-request-id with a suffix (`.0`, `.1`, …, `.judge`)."),
    }, ['model', 'provider', 'answer', 'error', 'latencyMs', 'tokens', 'costUsd', 'requestId'], { description: "One model call's outcome: exactly one of `answer` and `error` is non-null." }),
    AiTotals: object({ costUsd: number('Sum of the calls’ costs, USD.', { minimum: 0 }), latencyMs: number('Wall time of all calls together, ms.', { minimum: 0 }) }, ['costUsd', 'latencyMs']),
    AiRequest: {
        ...closed({ model: MODEL, ...CHAT_FIELDS }, ['model'], 'One chat to one model.'),
        oneOf: PROMPT_OR_MESSAGES,
    },
    AiAnswer: object({
        model: string('The model group called.'),
        provider: nullable(string('The provider that answered.')),
        answer: string('The answer text.'),
        finishReason: string('Why the answer ended.', { enum: ['stop', 'length', 'tool_calls', 'content_filter', 'error', 'other'] }),
        usage: object({ prompt: integer('Input tokens.', { minimum: 0 }), completion: integer('Output tokens.', { minimum: 0 }) }, ['prompt', 'completion']),
        costUsd: number('What the call cost, USD.', { minimum: 0 }),
        latencyMs: number('How long the call took, ms.', { minimum: 0 }),
        requestId: string('The usage row of the call: the same as x-request-id.'),
    }, ['model', 'provider', 'answer', 'finishReason', 'usage', 'costUsd', 'latencyMs', 'requestId']),
    AiMultipleRequest: closed({
        requests: {
            type: 'array',
            minItems: 1,
            maxItems: 10,
            description: 'The chats to run in parallel, each independent of the others.',
            items: { ...closed({ model: MODEL, ...CHAT_FIELDS }, ['model'], 'One chat.'), oneOf: PROMPT_OR_MESSAGES },
        },
        compareResults: { type: 'boolean', description: 'Add a side-by-side `comparison`.', default: false },
    }, ['requests'], 'Several chats run in parallel.'),
    AiComparison: object({
        fastest: nullable(string('The model of the fastest successful call.')),
        cheapest: nullable(string('The model of the cheapest successful call.')),
        longest: nullable(string('The model of the longest successful answer (characters).')),
        shortest: nullable(string('The model of the shortest successful answer.')),
        agreement: SCORE,
        table: {
            type: 'array',
            description: 'One row per call, in request order.',
            items: object({
                index: integer('The position in `requests`.', { minimum: 0 }),
                model: { type: 'string' },
                latencyMs: { type: 'number' },
                costUsd: { type: 'number' },
                answerLength: nullable(integer('Characters of the answer; null when the call failed.')),
                error: nullable(string('The error code, when the call failed.')),
            }, ['index', 'model', 'latencyMs', 'costUsd', 'answerLength', 'error']),
        },
    }, ['fastest', 'cheapest', 'longest', 'shortest', 'agreement', 'table'], { description: 'Extremes are taken among the successful calls (the earliest wins a tie); null when none succeeded.' }),
    AiMultipleResponse: object({
        id: string('The request id.'),
        results: { type: 'array', items: ref('schemas', 'AiModelAnswer'), description: 'One per request, in request order.' },
        comparison: ref('schemas', 'AiComparison'),
        totals: ref('schemas', 'AiTotals'),
    }, ['id', 'results', 'totals']),
    AiConsensusRequest: {
        ...closed({
            ...CHAT_FIELDS,
            models: { type: 'array', items: MODEL, minItems: 2, maxItems: 8, description: 'The model groups to ask, in parallel. A model may appear twice (two samples).' },
            strategy: string('`majority`: the most common answer after normalising (case, whitespace, trailing punctuation), a tie going to the answer that agrees most with the others. `agreement`: the answer with the highest mean similarity to the others. `judge`: the `judge` model is shown the answers and picks one, or writes its own.', {
                enum: ['majority', 'judge', 'agreement'],
                default: 'agreement',
            }),
            judge: string('The model group that judges; required with (and only allowed with) strategy `judge`.', { minLength: 1 }),
            quorum: integer('How many models must answer for a consensus; at most the number of models. Default: a majority, floor(n/2)+1.', { minimum: 1 }),
        }, ['models'], 'One prompt to several models, and one answer from theirs.'),
        oneOf: PROMPT_OR_MESSAGES,
    },
    AiConsensus: object({
        answer: string('The consensus answer: a model’s answer as it wrote it, or the judge’s own.'),
        model: nullable(string('Whose answer was picked; null when the judge wrote its own.')),
        method: string('How it was reached. `judge-fallback`: the judge failed or named no existing answer, so the most agreeing answer was taken; `single-answer`: only one model answered, so there was nothing to judge.', {
            enum: ['majority', 'agreement', 'judge-pick', 'judge-synthesis', 'judge-fallback', 'single-answer'],
        }),
        votes: nullable(integer('With `majority`: how many answers matched the winner.', { minimum: 1 })),
        note: nullable(string('Why a fallback happened, when one did.')),
        agreement: SCORE,
    }, ['answer', 'model', 'method', 'votes', 'note', 'agreement']),
    AiConsensusResponse: object({
        id: string('The request id.'),
        strategy: string('The strategy used.', { enum: ['majority', 'judge', 'agreement'] }),
        consensus: nullable(ref('schemas', 'AiConsensus')),
        quorum: object({
            required: integer('Answers needed.', { minimum: 1 }),
            succeeded: integer('Models that answered.', { minimum: 0 }),
            met: { type: 'boolean', description: 'False: too few models answered; `consensus` is null and the judge is not asked.' },
        }, ['required', 'succeeded', 'met']),
        responses: { type: 'array', items: ref('schemas', 'AiModelAnswer'), description: 'Every model’s outcome, in the order of `models`.' },
        judge: nullable(ref('schemas', 'AiModelAnswer')),
        totals: ref('schemas', 'AiTotals'),
    }, ['id', 'strategy', 'consensus', 'quorum', 'responses', 'judge', 'totals']),
};
//# sourceMappingURL=ai-endpoints-schemas.js.map