/**
 * Runtime routing administration (src/server/management/ai-config-routes.ts) in the document:
 * the models and their live state, the routing report, the routing configuration and its
 * changes, the default model, and a test prompt to several models.
 */
import { AI_ADMIN_SCHEMAS } from './ai-admin-schemas.js';
import { jsonAnswer, jsonBody, managementOperation } from './management-components.js';
const TAG = 'Routing';
export const AI_ADMIN_TAG = { name: TAG, description: 'Models, deployments, weights, strategies and the default model, changed at run time without a restart.' };
export { AI_ADMIN_SCHEMAS };
const RUNTIME_NOTE = 'Changes are stored in the database and in force at once on this replica; other replicas sharing the database pick them up within about 10 seconds. The config file stays the base: the stored overrides are applied on top of it at every start.';
const LIVE_NOTE = "Live figures are this replica's own view since it started.";
const DEPLOYMENT_EXAMPLE = {
    id: 'openai/gpt-4o', provider: 'openai', model: 'gpt-4o', weight: 3, enabled: true, origin: 'config',
    breaker: 'closed', inFlight: 2, latencyMs: 812.4, ttftMs: 301.2, errorRate: 0, queued: 0, maxConcurrentRequests: null,
};
const MODELS_EXAMPLE = {
    defaultModel: 'gpt-4o',
    strategy: 'round-robin',
    models: [{ name: 'gpt-4o', enabled: true, origin: 'config', strategy: 'weighted', strategySource: 'group', default: true, deployments: [DEPLOYMENT_EXAMPLE] }],
};
function modelsOperation(operationId, alias) {
    return managementOperation({
        operationId,
        summary: alias ? 'Models and their live state (alias of /api/ai/models)' : 'Models and their live state',
        description: `Every model group, enabled or not, with its strategy and deployments: weight, enabled, circuit breaker state, requests in flight, recent latency and error rate. ${LIVE_NOTE}`,
        tag: TAG,
        permission: 'models.read',
        responses: { '200': jsonAnswer('The models.', 'AiAdminModelList', MODELS_EXAMPLE) },
    });
}
export const AI_ADMIN_PATHS = {
    '/api/ai/models': { get: modelsOperation('listAiModels', false) },
    '/api/v1/ai/models': { get: modelsOperation('listAiModelsV1', true) },
    '/api/ai/routing': {
        get: managementOperation({
            operationId: 'getAiRouting',
            summary: 'Routing figures per deployment',
            description: `Per deployment of each group: requests in flight, recent latency (total and time to first byte), error rate, breaker state, current weight, and its share of the group's traffic over the recent window (\`windowMs\`). ${LIVE_NOTE}`,
            tag: TAG,
            permission: 'models.read',
            responses: { '200': jsonAnswer('The figures.', 'AiRoutingReport') },
        }),
    },
    '/api/ai/config': {
        get: managementOperation({
            operationId: 'getAiConfig',
            summary: 'The routing configuration',
            description: 'The effective routing configuration (the config file with the stored overrides applied): the global strategy, the default model, every group and deployment with its weight and enabled flag, the rules in force, and the stored overrides themselves with their revision.',
            tag: TAG,
            permission: 'models.manage',
            responses: { '200': jsonAnswer('The configuration.', 'AiConfig') },
        }),
        put: managementOperation({
            operationId: 'changeAiConfig',
            summary: 'Change the routing configuration',
            description: `Changes weights, strategies (global and per group), enables or disables groups and deployments, adds groups and deployments (their provider must be configured; checked as the config loader checks them), removes what was added, and replaces the conditional rules. Absent fields are unchanged; \`reset: true\` first drops every stored override. A fault is a 400 naming the field (\`param\`), and nothing changes. Disabling every deployment of an enabled group, or the default model, is refused. A disabled group answers 404 \`model_not_found\` saying it is disabled; a re-enabled deployment gets its circuit breaker closed. Audited. ${RUNTIME_NOTE}`,
            tag: TAG,
            permission: 'models.manage',
            requestBody: jsonBody('AiConfigChange', {
                strategy: 'weighted',
                models: { 'gpt-4o': { deployments: { 'openai/gpt-4o': { weight: 3 }, 'azure/gpt-4o': { enabled: false } } } },
                addDeployments: [{ group: 'gpt-4o', provider: 'local-vllm', model: 'Qwen/Qwen2.5-7B-Instruct', weight: 1 }],
            }),
            responses: { '200': jsonAnswer('The configuration after the change.', 'AiConfig') },
            errors: [409],
        }),
    },
    '/api/ai/config/default-model': {
        post: managementOperation({
            operationId: 'setAiDefaultModel',
            summary: 'Set the default model',
            description: `Sets the group that requests naming the model \`default\` go to (unless a group is itself named \`default\`); \`null\` removes it. The group must exist and be enabled. A request without a model is still a 400: the protocols require the field. Audited. ${RUNTIME_NOTE}`,
            tag: TAG,
            permission: 'models.manage',
            requestBody: jsonBody('AiDefaultModelRequest', { model: 'gpt-4o' }),
            responses: { '200': jsonAnswer('The default model now and before.', 'AiDefaultModelAnswer', { defaultModel: 'gpt-4o', previous: null }) },
            errors: [409],
        }),
    },
    '/api/ai/test': {
        post: managementOperation({
            operationId: 'testAiModels',
            summary: 'Test models with a prompt',
            description: "Sends one prompt to each named model in parallel through the full pipeline (the caller's model scope, routing, retries, fallbacks; each call has its own usage row) and answers with each one's answer or error and latency. A model that fails, is unknown or disabled fails only its own result.",
            tag: TAG,
            permission: 'models.query',
            requestBody: jsonBody('AiTestRequest', { prompt: 'Say OK.', models: ['gpt-4o', 'claude'] }),
            responses: { '200': jsonAnswer('One result per model, in order.', 'AiTestResponse') },
        }),
    },
};
//# sourceMappingURL=ai-admin.js.map