/**
 * GET /v1/models and GET /v1/models/{model} in the document, after models-route.ts: OpenAI's list
 * shape by default, Anthropic's when the client sends `anthropic-version`, and the `switchyard`
 * notice that says a model is served by the built-in simulator.
 */
import { COMMON_HEADERS, KEY_SECURITY, integer, nullable, object, string } from './components.js';
import { errorResponses } from './errors.js';
import { ref } from './openapi-types.js';
/** The text models-route.ts sends; the e2e test checks that a simulator gateway still says this. */
export const SIMULATOR_NOTICE_EXAMPLE = 'No provider is configured, so this model is served by the built-in simulator (deterministic text, no real LLM). Set a provider key such as OPENAI_API_KEY or write a config file to use real models.';
const CREATED = 1_767_225_600;
export const MODELS_SCHEMAS = {
    SimulatorNotice: object({
        source: { const: 'simulator', description: 'Present on a model: where it is served from.' },
        notice: string('A sentence for people: no provider is configured, so answers come from the deterministic simulator, and how to configure a real one.'),
    }, ['notice'], { description: 'Switchyard extension, present only when the simulator serves models (no provider configured). Clients that ignore unknown fields are unaffected.' }),
    OpenAIModel: object({
        id: string('The model group name to send as `model`.'),
        object: { const: 'model' },
        created: integer('Unix seconds; the time the gateway started.'),
        owned_by: string('The provider ids serving the group, comma-separated (`switchyard-simulator` for the simulator).'),
        switchyard: ref('schemas', 'SimulatorNotice'),
    }, ['id', 'object', 'created', 'owned_by']),
    OpenAIModelList: object({
        object: { const: 'list' },
        data: { type: 'array', items: ref('schemas', 'OpenAIModel') },
        switchyard: ref('schemas', 'SimulatorNotice'),
    }, ['object', 'data'], { title: 'OpenAI shape (default)' }),
    AnthropicModel: object({
        type: { const: 'model' },
        id: string('The model group name.'),
        display_name: string('The same name.'),
        created_at: string('When the gateway started.', { format: 'date-time' }),
    }, ['type', 'id', 'display_name', 'created_at']),
    AnthropicModelList: object({
        data: { type: 'array', items: ref('schemas', 'AnthropicModel') },
        has_more: { const: false, description: 'Always false: every model is in one page.' },
        first_id: nullable({ type: 'string' }),
        last_id: nullable({ type: 'string' }),
    }, ['data', 'has_more', 'first_id', 'last_id'], { title: 'Anthropic shape (with anthropic-version)' }),
};
const simulatorModel = {
    id: 'sim-chat',
    object: 'model',
    created: CREATED,
    owned_by: 'switchyard-simulator',
    switchyard: { source: 'simulator', notice: SIMULATOR_NOTICE_EXAMPLE },
};
const anthropicModel = { type: 'model', id: 'claude', display_name: 'claude', created_at: new Date(CREATED * 1000).toISOString() };
const SHAPE_NOTE = 'Only the model groups the key may use are listed. With an `anthropic-version` header the Anthropic Models API shape is used.';
export const LIST_MODELS_OPERATION = {
    operationId: 'listModels',
    summary: 'List the models this key may use',
    description: `${SHAPE_NOTE} When no provider is configured, the simulator serves a default set of models and both the list and each model carry a \`switchyard\` notice saying so.`,
    tags: ['Models'],
    security: KEY_SECURITY,
    parameters: [ref('parameters', 'RequestId'), ref('parameters', 'ModelsAnthropicVersion')],
    responses: {
        '200': {
            description: 'The model groups.',
            headers: COMMON_HEADERS,
            content: {
                'application/json': {
                    schema: { oneOf: [ref('schemas', 'OpenAIModelList'), ref('schemas', 'AnthropicModelList')] },
                    examples: {
                        openai: { summary: 'OpenAI shape', value: { object: 'list', data: [{ id: 'gpt-4o', object: 'model', created: CREATED, owned_by: 'openai' }] } },
                        simulator: { summary: 'No provider configured: the simulator notice', value: { object: 'list', data: [simulatorModel], switchyard: { notice: SIMULATOR_NOTICE_EXAMPLE } } },
                        anthropic: { summary: 'Anthropic shape', value: { data: [anthropicModel], has_more: false, first_id: 'claude', last_id: 'claude' } },
                    },
                },
            },
        },
        ...errorResponses('openai', [401, 403, 500, 503]),
    },
};
export const GET_MODEL_OPERATION = {
    operationId: 'retrieveModel',
    summary: 'Describe one model',
    description: `${SHAPE_NOTE} A model the key may not use is answered as not found.`,
    tags: ['Models'],
    security: KEY_SECURITY,
    parameters: [ref('parameters', 'ModelName'), ref('parameters', 'RequestId'), ref('parameters', 'ModelsAnthropicVersion')],
    responses: {
        '200': {
            description: 'The model group.',
            headers: COMMON_HEADERS,
            content: {
                'application/json': {
                    schema: { oneOf: [ref('schemas', 'OpenAIModel'), ref('schemas', 'AnthropicModel')] },
                    examples: {
                        openai: { summary: 'OpenAI shape', value: { id: 'gpt-4o', object: 'model', created: CREATED, owned_by: 'openai' } },
                        simulator: { summary: 'Served by the simulator', value: simulatorModel },
                        anthropic: { summary: 'Anthropic shape', value: anthropicModel },
                    },
                },
            },
        },
        ...errorResponses('openai', [401, 403, 404, 500, 503]),
    },
    'x-route': '/v1/models/*',
};
//# sourceMappingURL=models.js.map