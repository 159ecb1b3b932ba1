/**
 * One chat call through the full pipeline without an HTTP exchange of its own: resolve the model
 * for the caller, route with retries and fallbacks, translate to the canonical answer, and record
 * its own usage row. Used by the multi-model endpoints (consensus, multiple, request), which fan a
 * prompt out to several models and answer with one JSON document.
 */
import { approximatePromptTokens, estimatePromptTokens } from '../accounting/token-estimator.js';
import { GatewayError, toGatewayError } from '../core/index.js';
import { dispatch } from '../pipeline/dispatch.js';
import { createRequestState } from '../pipeline/request-state.js';
import { govern, providerAdmission } from '../pipeline/govern.js';
import { resolveModel } from '../pipeline/resolve-model.js';
import { matchRoutingRule } from './route-request.js';
export async function executeChat(options) {
    const { services, chat } = options;
    const state = createRequestState({ requestId: options.requestId, protocol: 'openai', endpoint: 'chat' });
    state.principal = options.principal;
    state.modelGroup = chat.model;
    state.estimatePromptTokens = () => estimatePromptTokens(chat);
    if (services.tracer)
        state.trace = services.tracer.startRequest(state, undefined, chat);
    const request = { ...chat, stream: false, includeUsage: false };
    let release = () => { };
    try {
        const group = resolveModel({ name: chat.model, principal: options.principal, groups: services.router });
        const route = { hints: options.hints ?? {}, needs: null, request };
        await govern({
            governance: services.governance,
            state,
            ip: options.ip ?? '',
            model: group.name,
            deployments: group.deployments,
            promptTokens: () => approximatePromptTokens(request),
            maxOutputTokens: request.maxTokens ?? null,
        });
        // The same policies as a direct call: the gateway-wide slot and the conditional rules.
        const keyTier = options.principal.kind === 'key' ? options.principal.key.tier : null;
        const priority = services.router.priorityOf(route.hints, keyTier);
        if (services.concurrency)
            release = await services.concurrency.acquire({ priority, signal: options.signal });
        const rule = matchRoutingRule({ services, principal: options.principal, route, groupName: group.name, stream: false });
        const groupName = rule ? rule.rule.route : group.name;
        const response = await dispatch({
            router: services.router,
            retryPolicy: services.retryPolicy,
            groupName,
            route,
            state,
            signal: options.signal,
            admit: providerAdmission({ governance: services.governance, state, ip: options.ip ?? '', model: group.name }),
            call: (deployment, attempt) => services.adapters[deployment.provider.type].chat(request, { deployment, signal: options.signal, http: services.http, requestId: state.requestId, traceHeaders: attempt.headers }),
        });
        state.usage = response.usage;
        state.upstreamModel = response.model;
        for (const choice of response.choices)
            state.trace.finishReason(choice.finishReason);
        state.firstByteAt = performance.now();
        const row = services.accountant.finish(state, { status: 200, outcome: 'success', errorCode: null });
        return result(state, { response, error: null, costUsd: row?.costUsd ?? 0 });
    }
    catch (thrown) {
        const error = abortAwareError(thrown, { signal: options.signal, services });
        const outcome = error.code === 'SY_ERR_CLIENT_DISCONNECTED' ? 'client_disconnected' : 'error';
        services.accountant.finish(state, { status: error.status, outcome, errorCode: error.code });
        return result(state, { response: null, error, costUsd: 0 });
    }
    finally {
        release();
    }
}
/**
 * Once our signal aborted, whatever the last attempt failed with (an upstream 500 before a retry
 * was cut short, say), the call ended because the client left, or because the gateway is shutting
 * down: the usage row says so.
 */
function abortAwareError(thrown, options) {
    const error = toGatewayError(thrown);
    if (!options.signal.aborted || error.code === 'SY_ERR_CLIENT_DISCONNECTED' || error.code === 'SY_ERR_SHUTTING_DOWN')
        return error;
    if (options.services.isShuttingDown())
        return new GatewayError('SY_ERR_SHUTTING_DOWN', 'The gateway is shutting down; retry the request.', { cause: thrown });
    return new GatewayError('SY_ERR_CLIENT_DISCONNECTED', 'The client closed the connection.', { cause: thrown });
}
function result(state, outcome) {
    return {
        model: state.modelGroup ?? '',
        provider: state.deployment?.provider.id ?? null,
        response: outcome.response,
        error: outcome.error,
        latencyMs: Math.round((performance.now() - state.startedAt) * 100) / 100,
        costUsd: outcome.costUsd,
        requestId: state.requestId,
    };
}
//# sourceMappingURL=execute-chat.js.map