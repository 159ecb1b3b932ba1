/**
 * The multi-model endpoints in the document, after src/server/api/: one chat to a chosen model
 * (/api/ai/request, alias /api/v1/ai/process), several chats side by side (/api/ai/multiple), and
 * a consensus of several models (/api/ai/consensus, alias /api/v1/ai/consensus).
 */
import { COMMON_HEADERS, KEY_SECURITY } from './components.js';
import { errorResponses } from './errors.js';
import { ref } from './openapi-types.js';
const TAG = 'Multi-model';
export const AI_ENDPOINT_TAG = { name: TAG, description: 'One prompt to several models: side by side, or with a consensus answer.' };
const CALLS_NOTE = 'Each model call goes through the full pipeline (the key’s model scope, routing, retries, fallbacks) and leaves its own usage row, under the request’s x-request-id with a suffix (`.0`, `.1`, …). A client that disconnects aborts the calls still running.';
const REQUEST_ID = 'req_3f9a1c0d5e7b2a4c6d8e0f12';
const QUESTION = 'Capital of France?';
function modelAnswer(options) {
    const failed = options.text === null;
    return {
        model: options.model,
        provider: options.provider,
        answer: options.text,
        error: failed ? { code: 'SY_ERR_UPSTREAM_SERVER', message: `Provider "${options.provider}" failed (upstream 500): Internal server error`, status: 502 } : null,
        latencyMs: 812.4,
        tokens: { prompt: failed ? 0 : 9, completion: failed ? 0 : 3 },
        costUsd: failed ? 0 : 0.000052,
        requestId: `${REQUEST_ID}.${options.index}`,
    };
}
const SINGLE_EXAMPLE = {
    model: 'gpt-4o', provider: 'openai', answer: 'Paris.', finishReason: 'stop', usage: { prompt: 9, completion: 2 }, costUsd: 0.000043, latencyMs: 640.2, requestId: REQUEST_ID,
};
const MULTIPLE_EXAMPLE = {
    id: REQUEST_ID,
    results: [modelAnswer({ model: 'gpt-4o', provider: 'openai', index: 0, text: 'Paris.' }), modelAnswer({ model: 'claude', provider: 'anthropic', index: 1, text: 'Paris' })],
    comparison: {
        fastest: 'gpt-4o', cheapest: 'gpt-4o', longest: 'gpt-4o', shortest: 'claude', agreement: 1,
        table: [
            { index: 0, model: 'gpt-4o', latencyMs: 812.4, costUsd: 0.000052, answerLength: 6, error: null },
            { index: 1, model: 'claude', latencyMs: 812.4, costUsd: 0.000052, answerLength: 5, error: null },
        ],
    },
    totals: { costUsd: 0.000104, latencyMs: 815.1 },
};
const CONSENSUS_EXAMPLE = {
    id: REQUEST_ID,
    strategy: 'majority',
    consensus: { answer: 'Paris.', model: 'gpt-4o', method: 'majority', votes: 2, note: null, agreement: 1 },
    quorum: { required: 2, succeeded: 2, met: true },
    responses: [
        modelAnswer({ model: 'gpt-4o', provider: 'openai', index: 0, text: 'Paris.' }),
        modelAnswer({ model: 'claude', provider: 'anthropic', index: 1, text: null }),
        modelAnswer({ model: 'gemini', provider: 'gemini', index: 2, text: 'Paris' }),
    ],
    judge: null,
    totals: { costUsd: 0.000104, latencyMs: 815.1 },
};
function jsonBody(schema, examples) {
    return { required: true, content: { 'application/json': { schema: ref('schemas', schema), examples } } };
}
function ok(options) {
    const media = { schema: ref('schemas', options.schema), examples: { answer: { summary: 'An answer', value: options.example } } };
    return { '200': { description: options.description, headers: options.headers ?? COMMON_HEADERS, content: { 'application/json': media } } };
}
function requestOperation(operationId, alias) {
    return {
        operationId,
        summary: alias ? 'One chat to a chosen model (alias of /api/ai/request)' : 'One chat to a chosen model',
        description: "Runs one chat through the full pipeline and answers with a small JSON document. A failure is answered in the OpenAI error shape with its own status (an unknown model is a 404, a model the key may not use a 403, an upstream failure a 5xx). The call's usage row has the request's own id.",
        tags: [TAG],
        security: KEY_SECURITY,
        parameters: [ref('parameters', 'RequestId')],
        requestBody: jsonBody('AiRequest', { prompt: { summary: 'A prompt', value: { model: 'gpt-4o', prompt: QUESTION, maxTokens: 50 } } }),
        responses: {
            ...ok({ description: 'The answer.', schema: 'AiAnswer', example: SINGLE_EXAMPLE, headers: { ...COMMON_HEADERS, 'x-switchyard-provider': ref('headers', 'Provider') } }),
            ...errorResponses('openai'),
        },
    };
}
const MULTIPLE_OPERATION = {
    operationId: 'aiMultiple',
    summary: 'Several chats in parallel, optionally compared',
    description: `Runs 1–10 independent chats in parallel. ${CALLS_NOTE} A call that fails (an unknown or forbidden model included) is reported in its own result; the request still answers 200. With \`compareResults\`, \`comparison\` names the fastest, cheapest, longest and shortest successful call and how much the answers agree.`,
    tags: [TAG],
    security: KEY_SECURITY,
    parameters: [ref('parameters', 'RequestId')],
    requestBody: jsonBody('AiMultipleRequest', {
        compare: { summary: 'Two models compared', value: { requests: [{ model: 'gpt-4o', prompt: QUESTION }, { model: 'claude', prompt: QUESTION }], compareResults: true } },
    }),
    responses: {
        ...ok({ description: 'One result per request, in order.', schema: 'AiMultipleResponse', example: MULTIPLE_EXAMPLE }),
        ...errorResponses('openai', [400, 401, 403, 413, 415, 500, 503]),
    },
};
function consensusOperation(operationId, alias) {
    return {
        operationId,
        summary: alias ? 'A consensus of several models (alias of /api/ai/consensus)' : 'A consensus of several models',
        description: `Sends one prompt to 2–8 models in parallel and derives one answer by \`strategy\`. ${CALLS_NOTE} With strategy \`judge\`, the judge's call has the suffix \`.judge\`. Partial failure is tolerated down to \`quorum\`: when fewer models answer, the status is still 200, with \`quorum.met: false\`, \`consensus: null\` and every model's error in \`responses\`. An unknown model, or one the key may not use, is refused (404/403, naming \`models[i]\` or \`judge\`) before any model is called.`,
        tags: [TAG],
        security: KEY_SECURITY,
        parameters: [ref('parameters', 'RequestId')],
        requestBody: jsonBody('AiConsensusRequest', {
            agreement: { summary: 'Three models, highest agreement', value: { prompt: QUESTION, models: ['gpt-4o', 'claude', 'gemini'] } },
            judge: { summary: 'A judge picks', value: { prompt: QUESTION, models: ['claude', 'gemini'], strategy: 'judge', judge: 'gpt-4o' } },
        }),
        responses: {
            ...ok({ description: 'The consensus, or `quorum.met: false` with `consensus: null` when too few models answered.', schema: 'AiConsensusResponse', example: CONSENSUS_EXAMPLE }),
            ...errorResponses('openai', [400, 401, 403, 404, 413, 415, 500, 503]),
        },
    };
}
export const AI_ENDPOINT_PATHS = {
    '/api/ai/request': { post: requestOperation('aiRequest', false) },
    '/api/v1/ai/process': { post: requestOperation('aiProcess', true) },
    '/api/ai/multiple': { post: MULTIPLE_OPERATION },
    '/api/ai/consensus': { post: consensusOperation('aiConsensus', false) },
    '/api/v1/ai/consensus': { post: consensusOperation('aiConsensusV1', true) },
};
//# sourceMappingURL=ai-endpoints.js.map