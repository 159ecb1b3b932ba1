/**
 * The shapes of runtime routing administration: the stored overrides document and the bodies of
 * PUT /api/ai/config, POST /api/ai/config/default-model and POST /api/ai/test. Added deployments
 * and conditional rules use the config file's own schemas, so they are checked exactly as the
 * config loader checks them; references (providers, groups, ids) are checked in ai-config-patch.ts.
 */
import { z } from 'zod';
import { didYouMean } from '../../config/did-you-mean.js';
import { deploymentSchema, routingRuleSchema } from '../../config/schema.js';
import { DEFAULT_MODEL_ALIAS } from '../../routing/routing-table.js';
import { STRATEGY_FACTORIES, isKnownStrategy } from '../../routing/strategies/index.js';
import { chatInputFields, expecting, strictBody } from '../api/chat-input.js';
export const MAX_TEST_MODELS = 10;
function unknownStrategy(id) {
    const known = Object.keys(STRATEGY_FACTORIES);
    const suggestion = didYouMean(id, known);
    return `unknown routing strategy "${id}" (${suggestion === undefined ? `known strategies: ${known.join(', ')}` : `did you mean "${suggestion}"?`})`;
}
const strategyId = z.string(expecting('a routing strategy id')).refine(isKnownStrategy, { error: (issue) => unknownStrategy(String(issue.input)) });
const name = z.string(expecting('a model group name')).min(1, expecting('a model group name')).max(200);
const newModelName = name.refine((value) => value !== DEFAULT_MODEL_ALIAS, { error: `"${DEFAULT_MODEL_ALIAS}" is reserved: it names the default model` });
const weight = z.number(expecting('a weight of 0 or more')).min(0, expecting('a weight of 0 or more')).max(1_000_000, expecting('a weight of at most 1000000'));
const enabled = z.boolean(expecting('true or false'));
/** A deployment added at run time: provider, upstream model, weight, optional id, price and maxTokens. */
export const addedDeploymentSchema = deploymentSchema.pick({ provider: true, model: true, weight: true, id: true, price: true, maxTokens: true });
const addedModelSchema = z.strictObject({
    name: newModelName,
    strategy: strategyId.optional(),
    deployments: z.array(addedDeploymentSchema).min(1, { message: 'a model group needs at least one deployment' }).max(50),
});
const deploymentOverrideSchema = z.strictObject({ enabled: enabled.optional(), weight: weight.optional() });
const groupOverrideSchema = z.strictObject({
    enabled: enabled.optional(),
    strategy: strategyId.optional(),
    deployments: z.record(z.string(), deploymentOverrideSchema).optional(),
});
/** The stored overrides document (see routing/routing-overrides.ts). */
export const overridesDocumentSchema = z.strictObject({
    strategy: strategyId.optional(),
    defaultModel: name.optional(),
    groups: z.record(z.string(), groupOverrideSchema).default({}),
    addedModels: z.array(addedModelSchema).default([]),
    addedDeployments: z.array(addedDeploymentSchema.extend({ group: name })).default([]),
    rules: z.array(routingRuleSchema).optional(),
});
/** PUT /api/ai/config: a change to the overrides; every field is optional, absent means unchanged. */
export const configPatchSchema = strictBody({
    /** Drop every stored override first (back to the config file), then apply the rest. */
    reset: z.literal(true, expecting('true')).optional(),
    /** The global strategy; null goes back to the config file's. */
    strategy: strategyId.nullable().optional(),
    /** The default model; null removes it. */
    defaultModel: name.nullable().optional(),
    /** By model group name: enabled, strategy (null: back to the configured one), deployments by id. */
    models: z
        .record(z.string(), z.strictObject({
        enabled: enabled.optional(),
        strategy: strategyId.nullable().optional(),
        deployments: z.record(z.string(), deploymentOverrideSchema).optional(),
    }))
        .optional(),
    addModels: z.array(addedModelSchema).max(50).optional(),
    /** Deployments to add to an existing group (`group`), configured or added. */
    addDeployments: z.array(addedDeploymentSchema.extend({ group: name })).max(50).optional(),
    /** Model groups added at run time to remove (configured ones can only be disabled). */
    removeModels: z.array(name).max(50).optional(),
    /** Deployments added at run time to remove. */
    removeDeployments: z.array(z.strictObject({ group: name, id: z.string().min(1) })).max(50).optional(),
    /** Conditional rules in place of the config file's; null goes back to those. */
    rules: z.array(routingRuleSchema).max(200).nullable().optional(),
});
export const defaultModelSchema = strictBody({ model: name.nullable() });
const testModels = expecting(`an array of 1 to ${MAX_TEST_MODELS} model names`);
export const testRequestSchema = strictBody({
    models: z.array(name, testModels).min(1, testModels).max(MAX_TEST_MODELS, testModels),
    ...chatInputFields,
});
//# sourceMappingURL=ai-config-schemas.js.map