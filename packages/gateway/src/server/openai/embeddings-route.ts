/**
 * POST /v1/embeddings: OpenAI embeddings inbound. Passed through to OpenAI-protocol deployments
 * (token-array inputs included), translated for Gemini and the simulator.
 */

import type { FastifyInstance } from 'fastify';
import { estimateTextTokens } from '../../accounting/token-estimator.js';
import { GatewayError } from '../../core/index.js';
import type { Deployment, EmbeddingRequest, EmbeddingResponse } from '../../core/index.js';
import { dispatch } from '../../pipeline/dispatch.js';
import type { AttemptTrace } from '../../pipeline/ports.js';
import { resolveModel } from '../../pipeline/resolve-model.js';
import type { PassthroughResult } from '../../providers/types.js';
import { abortAware, acquireSlot, answerHeaders } from '../chat-exchange.js';
import { requireObjectBody, stateOf } from '../request-context.js';
import { govern, providerAdmission } from '../../pipeline/govern.js';
import { routeRequestFor, takeFallbackOverride } from '../route-request.js';
import type { GatewayServices } from '../services.js';
import { parseEmbeddingRequest, renderEmbeddings } from './codec/index.js';

type Outcome = { kind: 'passthrough'; result: PassthroughResult } | { kind: 'embeddings'; response: EmbeddingResponse };

export function registerEmbeddingsRoute(app: FastifyInstance, services: GatewayServices): void {
  app.post('/v1/embeddings', { config: { dataPlane: { protocol: 'openai', endpoint: 'embeddings' } } }, async (request, reply) => {
    const state = stateOf(request);
    const body = requireObjectBody(request.body);
    const fallbackOverride = takeFallbackOverride(request.headers, body);
    const parsed = parseEmbeddingRequest(body);
    // Set before resolving, so that the usage row of a refused model names what the client asked for.
    if (typeof body.model === 'string') state.modelGroup = body.model;
    const group = resolveModel({ name: body.model, principal: state.principal, groups: services.router });
    state.modelGroup = group.name;
    const canonical = parsed.request;
    if (canonical) state.estimatePromptTokens = () => canonical.input.reduce((sum, text) => sum + estimateTextTokens(text), 0);
    if (services.tracer) state.trace = services.tracer.startRequest(state, request.headers, null);

    const route = routeRequestFor({ headers: request.headers, body, chat: null });
    await govern({
      governance: services.governance,
      state,
      ip: request.ip,
      model: group.name,
      deployments: group.deployments,
      promptTokens: () => state.estimatePromptTokens?.() ?? 0,
      maxOutputTokens: 0,
    });
    const call = services.inflight.begin(reply.raw);
    const release = await acquireSlot({ services, route, signal: call.signal, call, principal: state.principal });
    try {
      const callDeployment = async (deployment: Deployment, attempt: AttemptTrace): Promise<Outcome> => {
        const adapter = services.adapters[deployment.provider.type];
        const context = { deployment, signal: call.signal, http: services.http, requestId: state.requestId, traceHeaders: attempt.headers };
        if (deployment.provider.type === 'openai' && adapter.passthrough) {
          const result = await adapter.passthrough({ endpoint: 'embeddings', body, stream: false, clientWantsUsage: false, headers: {} }, context);
          return { kind: 'passthrough', result };
        }
        if (!adapter.embed) {
          throw new GatewayError('SY_ERR_UNSUPPORTED_OPERATION', `The model '${group.name}' is served by provider "${deployment.provider.id}", which has no embeddings API.`, { param: 'model' });
        }
        if (!canonical) {
          throw new GatewayError('SY_ERR_INVALID_REQUEST', `Token-array input is only supported when the model's deployment speaks the OpenAI protocol; send text for '${group.name}'.`, { param: 'input' });
        }
        return { kind: 'embeddings', response: await adapter.embed(canonical satisfies EmbeddingRequest, context) };
      };
      let outcome: Outcome;
      try {
        outcome = await dispatch({
          router: services.router,
          retryPolicy: services.retryPolicy,
          groupName: group.name,
          route,
          fallbackOverride,
          state,
          signal: call.signal,
          admit: providerAdmission({ governance: services.governance, state, ip: request.ip, model: group.name }),
          call: callDeployment,
        });
      } catch (error) {
        throw abortAware(error, call);
      }
      state.firstByteAt = performance.now();
      reply.headers(answerHeaders(state));
      if (outcome.kind === 'passthrough') {
        if (outcome.result.kind !== 'json') throw new GatewayError('SY_ERR_UPSTREAM_PROTOCOL', 'The provider answered an embeddings call with a stream.');
        state.usage = outcome.result.usage;
        state.upstreamModel = outcome.result.model ?? state.upstreamModel;
        reply.code(outcome.result.status).type('application/json');
        await reply.send(outcome.result.body);
        services.accountant.finish(state, { status: outcome.result.status, outcome: 'success', errorCode: null });
        return;
      }
      const { response } = outcome;
      state.upstreamModel = response.model;
      state.usage = { promptTokens: response.usage.promptTokens, completionTokens: 0, cachedTokens: 0, cacheWriteTokens: 0, estimated: response.usage.estimated };
      await reply.code(200).send(renderEmbeddings(response, { model: group.name, encodingFormat: canonical?.encodingFormat ?? 'float' }));
      services.accountant.finish(state, { status: 200, outcome: 'success', errorCode: null });
    } finally {
      release();
      call.done();
    }
  });
}
