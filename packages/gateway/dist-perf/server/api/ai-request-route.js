/**
 * POST /api/ai/request (and its alias /api/v1/ai/process): one chat to a chosen model through the
 * full pipeline (model scope, routing, retries, fallbacks, usage row), answered as a small JSON
 * document rather than in a provider protocol. A failure is the OpenAI error shape with its status.
 */
import { z } from 'zod';
import { GatewayError } from '../../core/index.js';
import { parseWithSchema } from '../openai/codec/validation.js';
import { executeChat } from '../execute-chat.js';
import { callerOf } from '../request-context.js';
import { chatInputFields, expecting, strictBody, toChatRequest } from './chat-input.js';
import { whileClientConnected } from './fan-out.js';
const requestBodySchema = strictBody({
    model: z.string(expecting('a model group name')).min(1, expecting('a model group name')),
    ...chatInputFields,
});
export const AI_REQUEST_PATHS = ['/api/ai/request', '/api/v1/ai/process'];
async function handleAiRequest(services, request, reply) {
    const { principal } = callerOf(request);
    const body = parseWithSchema(requestBodySchema, request.body);
    const chat = toChatRequest({ model: body.model, input: body });
    // The HTTP request has no usage row of its own, so the one call takes its id: x-request-id
    // names the usage row.
    const executed = await whileClientConnected({
        services,
        reply,
        work: (signal) => executeChat({ services, principal, chat, requestId: request.id, signal }),
    });
    if (executed.provider !== null)
        reply.header('x-switchyard-provider', executed.provider);
    if (executed.response === null)
        throw executed.error ?? new GatewayError('SY_ERR_INTERNAL', 'The call ended with neither an answer nor an error.');
    const choice = executed.response.choices[0];
    return {
        model: executed.model,
        provider: executed.provider,
        answer: choice?.content ?? '',
        finishReason: choice?.finishReason.unified ?? 'other',
        usage: { prompt: executed.response.usage.promptTokens, completion: executed.response.usage.completionTokens },
        costUsd: executed.costUsd,
        latencyMs: executed.latencyMs,
        requestId: executed.requestId,
    };
}
export function registerAiRequestRoutes(app, services) {
    for (const path of AI_REQUEST_PATHS)
        app.post(path, { config: { permission: 'models.query' } }, (request, reply) => handleAiRequest(services, request, reply));
}
//# sourceMappingURL=ai-request-route.js.map