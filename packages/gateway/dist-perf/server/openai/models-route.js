/**
 * GET /v1/models and /v1/models/:model: the model groups this caller may use. Answers in the
 * Anthropic shape when the client sends `anthropic-version` (the Anthropic SDK's models.list),
 * in the OpenAI shape otherwise. Simulator-backed models say so.
 */
import { GatewayError } from '../../core/index.js';
const SIMULATOR_NOTICE = 'No provider is configured, so this model is served by the built-in simulator (deterministic text, no real LLM). Set a provider key such as OPENAI_API_KEY or write a config file to use real models.';
function visibleGroups(services, principal) {
    const groups = services.router.listGroups();
    if (principal.kind !== 'key' || principal.key.models === null)
        return groups;
    const allowed = new Set(principal.key.models);
    return groups.filter((group) => allowed.has(group.name));
}
function openaiModel(group, created) {
    const providers = [...new Set(group.deployments.map((deployment) => deployment.provider.id))];
    const model = {
        id: group.name,
        object: 'model',
        created,
        owned_by: group.source === 'simulator' ? 'switchyard-simulator' : providers.join(','),
    };
    if (group.source === 'simulator')
        model.switchyard = { source: 'simulator', notice: SIMULATOR_NOTICE };
    return model;
}
function anthropicModel(group, created) {
    return { type: 'model', id: group.name, display_name: group.name, created_at: new Date(created * 1000).toISOString() };
}
function wantsAnthropicShape(request) {
    return typeof request.headers['anthropic-version'] === 'string';
}
export function registerModelsRoutes(app, services) {
    app.get('/v1/models', async (request) => {
        const principal = await services.authenticate(request.headers);
        const groups = visibleGroups(services, principal);
        const created = services.startedAtSeconds;
        if (wantsAnthropicShape(request)) {
            const data = groups.map((group) => anthropicModel(group, created));
            return { data, has_more: false, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null };
        }
        const list = { object: 'list', data: groups.map((group) => openaiModel(group, created)) };
        if (services.usingSimulatorFallback)
            list.switchyard = { notice: SIMULATOR_NOTICE };
        return list;
    });
    app.get('/v1/models/*', async (request) => {
        const principal = await services.authenticate(request.headers);
        const name = decodeURIComponent(request.params['*']);
        const group = visibleGroups(services, principal).find((candidate) => candidate.name === name);
        if (!group) {
            throw new GatewayError('SY_ERR_MODEL_NOT_FOUND', `The model '${name}' does not exist on this gateway. List the available models with GET /v1/models.`, { param: 'model' });
        }
        return wantsAnthropicShape(request) ? anthropicModel(group, services.startedAtSeconds) : openaiModel(group, services.startedAtSeconds);
    });
}
//# sourceMappingURL=models-route.js.map