/**
 * POST /api/ai/multiple: 1–10 independent chats (each its own model, prompt or messages, and
 * options) run in parallel through the full pipeline, each with its own usage row. A call that
 * fails is reported in its result, not as the request's error; with `compareResults: true` the
 * answer adds a side-by-side comparison of latency, cost, length and agreement.
 */
import { z } from 'zod';
import { parseWithSchema } from '../openai/codec/validation.js';
import { callerOf } from '../request-context.js';
import { chatInputFields, expecting, strictBody, toChatRequest } from './chat-input.js';
import { compareResults } from './compare-results.js';
import { elapsedMs, runChats, whileClientConnected } from './fan-out.js';
import { describeExecutedChat, totalCostUsd } from './model-answer.js';
export const MAX_MULTIPLE_REQUESTS = 10;
export const AI_MULTIPLE_PATH = '/api/ai/multiple';
const requestCount = expecting(`an array of 1 to ${MAX_MULTIPLE_REQUESTS} requests`);
const multipleBodySchema = strictBody({
    requests: z
        .array(strictBody({ model: z.string(expecting('a model group name')).min(1, expecting('a model group name')), ...chatInputFields }), requestCount)
        .min(1, requestCount)
        .max(MAX_MULTIPLE_REQUESTS, requestCount),
    compareResults: z.boolean(expecting('a boolean')).optional(),
});
async function handleMultiple(services, request, reply) {
    const { principal } = callerOf(request);
    const body = parseWithSchema(multipleBodySchema, request.body);
    // Each request is independent: an unknown or forbidden model fails only its own result.
    const chats = body.requests.map((input, index) => toChatRequest({ model: input.model, input, path: ['requests', index] }));
    const startedAt = performance.now();
    return whileClientConnected({
        services,
        reply,
        work: async (signal) => {
            const results = (await runChats({ services, principal, chats, requestId: request.id, signal })).map(describeExecutedChat);
            return {
                id: request.id,
                results,
                ...(body.compareResults === true ? { comparison: compareResults(results) } : {}),
                totals: { costUsd: totalCostUsd(results), latencyMs: elapsedMs(startedAt) },
            };
        },
    });
}
export function registerAiMultipleRoute(app, services) {
    app.post(AI_MULTIPLE_PATH, { config: { permission: 'models.query' } }, (request, reply) => handleMultiple(services, request, reply));
}
//# sourceMappingURL=ai-multiple-route.js.map