/**
 * Runtime routing administration on the management API: the models and their live state
 * (GET /api/ai/models, alias /api/v1/ai/models), per-deployment routing figures (GET
 * /api/ai/routing), the effective routing configuration and changes to it (GET and PUT
 * /api/ai/config), the default model (POST /api/ai/config/default-model), and a test prompt to
 * several models (POST /api/ai/test). Changes are stored, audited and in force at once.
 */
import { GatewayError } from '../../core/index.js';
import { toChatRequest } from '../api/chat-input.js';
import { runChats, whileClientConnected } from '../api/fan-out.js';
import { describeExecutedChat } from '../api/model-answer.js';
import { callerOf } from '../request-context.js';
import { mergeConfigPatch } from './ai-config-patch.js';
import { configPatchSchema, defaultModelSchema, testRequestSchema } from './ai-config-schemas.js';
import { configView, modelsView, routingView } from './ai-config-view.js';
import { recordAudit } from './audit.js';
import { parseWithSchema } from './input.js';
export const AI_MODELS_PATHS = ['/api/ai/models', '/api/v1/ai/models'];
export function registerAiConfigRoutes(app, deps) {
    const { admin, router } = deps;
    const currentConfig = () => configView({ router, rules: deps.rules.rules, state: admin.state() });
    for (const path of AI_MODELS_PATHS)
        app.get(path, { config: { permission: 'models.read' } }, async () => modelsView(router));
    app.get('/api/ai/routing', { config: { permission: 'models.read' } }, async () => routingView(router));
    app.get('/api/ai/config', { config: { permission: 'models.manage' } }, async () => currentConfig());
    app.put('/api/ai/config', { config: { permission: 'models.manage' } }, async (request) => {
        const patch = parseWithSchema(configPatchSchema, request.body);
        // An empty change changes nothing: no new revision for the replicas to pick up, no audit entry.
        if (Object.keys(patch).length === 0)
            return currentConfig();
        const { before, after } = await admin.update((current) => mergeConfigPatch({ current, patch, context: admin.context }), { by: callerOf(request).label });
        await recordAudit(deps.audit, request, { action: 'ai.config.update', targetType: 'routing_config', targetId: null, before, after });
        return currentConfig();
    });
    app.post('/api/ai/config/default-model', { config: { permission: 'models.manage' } }, async (request) => {
        const body = parseWithSchema(defaultModelSchema, request.body);
        const { before, after } = await admin.update((current) => asModelField(() => mergeConfigPatch({ current, patch: { defaultModel: body.model }, context: admin.context })), { by: callerOf(request).label });
        const previous = before.defaultModel ?? null;
        const defaultModel = after.defaultModel ?? null;
        await recordAudit(deps.audit, request, {
            action: 'ai.config.default_model',
            targetType: 'routing_config',
            targetId: defaultModel,
            before: { defaultModel: previous },
            after: { defaultModel },
        });
        return { defaultModel, previous };
    });
    app.post('/api/ai/test', { config: { permission: 'models.query' } }, (request, reply) => testModels(deps, request, reply));
}
/** Each named model's answer to the prompt (or its error) and latency; one failing model fails only its own result. */
async function testModels(deps, request, reply) {
    const { principal } = callerOf(request);
    const body = parseWithSchema(testRequestSchema, request.body);
    const chats = body.models.map((model) => toChatRequest({ model, input: body }));
    const executed = await whileClientConnected({
        services: deps.services,
        reply,
        work: (signal) => runChats({ services: deps.services, principal, chats, requestId: request.id, signal }),
    });
    const results = executed.map((call) => {
        const answer = describeExecutedChat(call);
        return { ...answer, ok: answer.error === null, servedBy: servingGroup(deps.router, call.model) };
    });
    return { id: request.id, results };
}
/** The group a model name resolves to now (`default` included), or null when it resolves to none. */
function servingGroup(router, name) {
    try {
        return router.group(name)?.name ?? null;
    }
    catch {
        return null;
    }
}
/** The default-model route's body field is `model`: a fault of `defaultModel` is reported as one of `model`. */
function asModelField(work) {
    try {
        return work();
    }
    catch (error) {
        if (!(error instanceof GatewayError) || error.param !== 'defaultModel')
            throw error;
        throw new GatewayError(error.code, error.message.replace(/^defaultModel/, 'model'), { param: 'model', status: error.status, cause: error });
    }
}
//# sourceMappingURL=ai-config-routes.js.map