/**
 * Schemas of runtime routing administration (src/server/management/ai-config-*.ts): the models with
 * their live state, the routing report, the effective routing configuration, and the bodies of its
 * changes, written after the zod schemas there. Request bodies are strict there, so closed here.
 */
import { integer, nullable, number, object, string } from './components.js';
import { ref } from './openapi-types.js';
const boolean = (description) => ({ type: 'boolean', description });
const STRATEGY = string('A routing strategy id.', { enum: ['round-robin', 'weighted', 'least-connections', 'response-time', 'intelligent', 'adaptive'] });
const GROUP = string('A model group name.', { minLength: 1, maxLength: 200 });
const closed = (properties, required = [], description) => object(properties, required, { additionalProperties: false, ...(description === undefined ? {} : { description }) });
const DEPLOYMENT_FIELDS = {
    id: string('The deployment id (`<provider>/<model>` unless set).'),
    provider: string('The provider id.'),
    model: string('The model name sent upstream.'),
    weight: number('Its weight (the `weighted` strategy).', { minimum: 0 }),
    enabled: boolean('False when an operator disabled it: it gets no traffic.'),
    origin: string('`config`: from the config file or environment; `runtime`: added through this API.', { enum: ['config', 'runtime'] }),
};
const LIVE_FIELDS = {
    breaker: string("Its circuit breaker's state.", { enum: ['closed', 'open', 'half-open'] }),
    inFlight: integer('Attempts in flight on it now (until the upstream answered).', { minimum: 0 }),
    latencyMs: nullable(number('Recent total latency (exponentially weighted average), ms; null before its first success.')),
    ttftMs: nullable(number('Recent time to first byte (exponentially weighted average), ms; null before its first success.')),
    errorRate: number('Failures / attempts over the recent window, 0..1.', { minimum: 0, maximum: 1 }),
    queued: integer('Requests waiting for one of its slots (`maxConcurrentRequests`).', { minimum: 0 }),
    maxConcurrentRequests: nullable(integer('Its concurrency limit; null when unlimited.')),
};
const GROUP_FIELDS = {
    name: GROUP,
    enabled: boolean('False when an operator disabled it: requests for it get 404 `model_not_found` saying so.'),
    origin: string('`config`, `environment` or `simulator` (from the configuration) or `runtime` (added through this API).', { enum: ['config', 'environment', 'simulator', 'runtime'] }),
    strategy: STRATEGY,
    strategySource: string('`group`: the group has its own strategy; `global`: it uses the global one.', { enum: ['group', 'global'] }),
};
const PRICE = closed({
    inputPerMTok: number('USD per million input tokens.', { minimum: 0 }),
    outputPerMTok: number('USD per million output tokens.', { minimum: 0 }),
    cachedInputPerMTok: number('USD per million cached input tokens.', { minimum: 0 }),
}, ['inputPerMTok', 'outputPerMTok']);
const ADDED_DEPLOYMENT_FIELDS = {
    provider: string('A configured provider id.', { minLength: 1 }),
    model: string('The model name sent upstream.', { minLength: 1 }),
    weight: number('Default 1.', { minimum: 0 }),
    id: string('Default `<provider>/<model>`; unique within the group.', { minLength: 1 }),
    price: PRICE,
    maxTokens: integer('Output cap sent when a protocol requires one and the client set none. Default 4096.', { minimum: 1 }),
};
const DEPLOYMENT_CHANGE = closed({ enabled: boolean('Enable or disable it.'), weight: number('Its new weight.', { minimum: 0, maximum: 1_000_000 }) });
const ADDED_MODEL = closed({ name: GROUP, strategy: STRATEGY, deployments: { type: 'array', minItems: 1, maxItems: 50, items: ref('schemas', 'AiAddedDeployment') } }, ['name', 'deployments'], 'A model group added at run time; `default` is reserved.');
const RULE = object({
    name: string('Shown in logs and the `x-switchyard-rule` header.'),
    when: { type: 'object', description: 'Conditions, all of which must hold: `models`, `promptTokensAbove`, `promptTokensBelow`, `hasImages`, `hasTools`, `jsonMode`, `useCase`, `priority`, `keyTier`, `stream` (as in the config file).', additionalProperties: true },
    route: string('The model group a matching request goes to.'),
}, ['when', 'route'], { description: 'A conditional routing rule, as `routing.rules` in the config file.' });
export const AI_ADMIN_SCHEMAS = {
    AiAdminModelList: object({
        defaultModel: nullable(string('The group the model name `default` goes to; null when none is set.')),
        strategy: STRATEGY,
        models: {
            type: 'array',
            items: object({
                ...GROUP_FIELDS,
                default: boolean('True for the default model.'),
                deployments: { type: 'array', items: object({ ...DEPLOYMENT_FIELDS, ...LIVE_FIELDS }, [...Object.keys(DEPLOYMENT_FIELDS), ...Object.keys(LIVE_FIELDS)]) },
            }, [...Object.keys(GROUP_FIELDS), 'default', 'deployments']),
        },
    }, ['defaultModel', 'strategy', 'models']),
    AiRoutingReport: object({
        windowMs: integer('The recent window of `errorRate`, `recentRequests` and `share`, ms.', { minimum: 1 }),
        strategy: STRATEGY,
        defaultModel: nullable(string('The default model, or null.')),
        deployments: {
            type: 'array',
            description: 'One entry per deployment of each group (a deployment in two groups appears twice, with the same live figures).',
            items: object({
                group: GROUP,
                groupEnabled: boolean('Whether its group is enabled.'),
                strategy: STRATEGY,
                strategySource: GROUP_FIELDS.strategySource,
                ...DEPLOYMENT_FIELDS,
                ...LIVE_FIELDS,
                attemptsInWindow: integer('Outcomes in the recent window (requests and health probes).', { minimum: 0 }),
                failuresInWindow: integer('Failures among them.', { minimum: 0 }),
                recentRequests: integer('Attempts started on it in the recent window.', { minimum: 0 }),
                totalRequests: integer('Attempts started on it since this replica started.', { minimum: 0 }),
                share: number("Its share of the group's attempts in the recent window, 0..1 (0 when the group had none).", { minimum: 0, maximum: 1 }),
            }, ['group', 'groupEnabled', 'strategy', 'strategySource', ...Object.keys(DEPLOYMENT_FIELDS), ...Object.keys(LIVE_FIELDS), 'attemptsInWindow', 'failuresInWindow', 'recentRequests', 'totalRequests', 'share']),
        },
    }, ['windowMs', 'strategy', 'defaultModel', 'deployments']),
    AiRoutingRule: RULE,
    AiAddedDeployment: closed(ADDED_DEPLOYMENT_FIELDS, ['provider', 'model'], 'A deployment added at run time.'),
    AiConfig: object({
        strategy: STRATEGY,
        defaultModel: nullable(string('The default model, or null.')),
        strategies: { type: 'array', items: { type: 'string' }, description: 'Every strategy id.' },
        models: {
            type: 'array',
            items: object({
                ...GROUP_FIELDS,
                deployments: {
                    type: 'array',
                    items: object({ ...DEPLOYMENT_FIELDS, maxTokens: integer('Default output cap.', { minimum: 1 }), price: nullable(PRICE) }, [...Object.keys(DEPLOYMENT_FIELDS), 'maxTokens', 'price']),
                },
            }, [...Object.keys(GROUP_FIELDS), 'deployments']),
        },
        rules: { type: 'array', items: ref('schemas', 'AiRoutingRule'), description: 'The conditional rules in force (rules routing to a disabled group are left out).' },
        overrides: { type: 'object', additionalProperties: true, description: 'The stored runtime overrides applied on top of the config file: `strategy`, `defaultModel`, `groups`, `addedModels`, `addedDeployments`, `rules`.' },
        revision: integer('The stored overrides\' revision; 0 when none were ever stored.', { minimum: 0 }),
        updatedAt: nullable(string('When they were last changed.', { format: 'date-time' })),
        updatedBy: nullable(string('Who last changed them.')),
        problems: { type: 'array', items: { type: 'string' }, description: 'Stored overrides that no longer fit the configuration and were skipped.' },
    }, ['strategy', 'defaultModel', 'strategies', 'models', 'rules', 'overrides', 'revision', 'updatedAt', 'updatedBy', 'problems']),
    AiConfigChange: closed({
        reset: { const: true, description: 'Drop every stored override first (back to the config file), then apply the rest.' },
        strategy: nullable({ ...STRATEGY, description: 'The global strategy; null goes back to the config file\'s.' }),
        defaultModel: nullable({ ...GROUP, description: 'The default model; null removes it.' }),
        models: {
            type: 'object',
            description: 'Changes by model group name.',
            additionalProperties: closed({
                enabled: boolean('Enable or disable the group.'),
                strategy: nullable({ ...STRATEGY, description: "The group's strategy; null goes back to the configured one." }),
                deployments: { type: 'object', description: 'Changes by deployment id.', additionalProperties: DEPLOYMENT_CHANGE },
            }),
        },
        addModels: { type: 'array', maxItems: 50, items: ADDED_MODEL },
        addDeployments: {
            type: 'array',
            maxItems: 50,
            items: closed({ group: { ...GROUP, description: 'The existing group (configured or added) to add it to.' }, ...ADDED_DEPLOYMENT_FIELDS }, ['group', 'provider', 'model']),
            description: 'Deployments to add to existing groups.',
        },
        removeModels: { type: 'array', maxItems: 50, items: GROUP, description: 'Groups added at run time to remove; configured groups can only be disabled.' },
        removeDeployments: { type: 'array', maxItems: 50, items: closed({ group: GROUP, id: string('The deployment id.') }, ['group', 'id']), description: 'Deployments added at run time to remove.' },
        rules: nullable({ type: 'array', maxItems: 200, items: ref('schemas', 'AiRoutingRule'), description: "Conditional rules in place of the config file's; null goes back to those." }),
    }, [], 'A change to the routing configuration; absent fields are unchanged.'),
    AiTestRequest: {
        ...closed({
            models: { type: 'array', minItems: 1, maxItems: 10, items: { type: 'string', minLength: 1 }, description: 'The model groups to test (`default` included).' },
            prompt: string('The test prompt as one user message. Send this or `messages`.', { minLength: 1 }),
            messages: { type: 'array', items: ref('schemas', 'ChatMessage'), minItems: 1, description: 'OpenAI-style chat messages. Send this or `prompt`.' },
            maxTokens: integer('Maximum output tokens per call.', { minimum: 1 }),
            temperature: number('Sampling temperature.', { minimum: 0, maximum: 2 }),
        }, ['models'], 'One prompt to several models.'),
        oneOf: [{ required: ['prompt'] }, { required: ['messages'] }],
    },
    AiDefaultModelRequest: closed({ model: nullable({ ...GROUP, description: 'The model group; null removes the default.' }) }, ['model']),
    AiDefaultModelAnswer: object({ defaultModel: nullable(string('The default model now.')), previous: nullable(string('The default model before.')) }, ['defaultModel', 'previous']),
    AiTestResponse: object({
        id: string('The request id; each call has its own usage row under it with a suffix.'),
        results: {
            type: 'array',
            items: {
                allOf: [ref('schemas', 'AiModelAnswer')],
                properties: { ok: boolean('True when the model answered.'), servedBy: nullable(string('The group the name resolves to now (`default` included); null when none.')) },
                required: ['ok', 'servedBy'],
            },
        },
    }, ['id', 'results']),
};
//# sourceMappingURL=ai-admin-schemas.js.map