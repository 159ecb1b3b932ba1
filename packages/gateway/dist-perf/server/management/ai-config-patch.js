/**
 * Merges a change (the body of PUT /api/ai/config) into the stored routing overrides, checking
 * every reference the way the config loader does: providers exist, groups and deployment ids
 * exist and are unique, rules name existing groups; and that the result can still route (no
 * enabled group left without an enabled deployment, the default model exists and is enabled).
 * A fault is a 400 that names the body field.
 */
import { didYouMean } from '../../config/did-you-mean.js';
import { applyRoutingOverrides } from '../../routing/apply-overrides.js';
import { ruleProblems } from '../../routing/conditional-rules.js';
import { addedDeploymentId, emptyOverrides } from '../../routing/routing-overrides.js';
import { invalidRequest } from '../openai/codec/validation.js';
/** The overrides after `patch`; throws a 400 naming the field at the first fault. */
export function mergeConfigPatch(options) {
    const { patch, context } = options;
    const next = patch.reset === true ? emptyOverrides() : structuredClone(options.current);
    const configured = new Set(context.base.groups.map((group) => group.name));
    patch.removeModels?.forEach((name, index) => {
        const position = next.addedModels.findIndex((model) => model.name === name);
        if (position === -1) {
            const why = configured.has(name) ? `model "${name}" comes from the configuration and cannot be removed; disable it instead` : `no model "${name}" was added at run time`;
            throw invalidRequest(['removeModels', index], why);
        }
        next.addedModels.splice(position, 1);
        next.addedDeployments = next.addedDeployments.filter((deployment) => deployment.group !== name);
        delete next.groups[name];
    });
    patch.removeDeployments?.forEach(({ group, id }, index) => removeDeployment({ next, group, id, at: ['removeDeployments', index] }));
    // What exists now, group → deployment ids, kept up to date as additions are checked.
    const ids = idsByGroup(tableOf(next, context));
    patch.addModels?.forEach((model, index) => {
        if (ids.has(model.name))
            throw invalidRequest(['addModels', index, 'name'], `a model group named "${model.name}" already exists`);
        const taken = new Set();
        model.deployments.forEach((deployment, position) => checkAdded({ deployment, group: model.name, taken, context, at: ['addModels', index, 'deployments', position] }));
        next.addedModels.push(model);
        ids.set(model.name, taken);
    });
    patch.addDeployments?.forEach((deployment, index) => {
        const taken = ids.get(deployment.group);
        if (taken === undefined)
            throw invalidRequest(['addDeployments', index, 'group'], unknownGroup(deployment.group, ids.keys()));
        checkAdded({ deployment, group: deployment.group, taken, context, at: ['addDeployments', index] });
        next.addedDeployments.push(deployment);
    });
    for (const [name, change] of Object.entries(patch.models ?? {})) {
        const known = ids.get(name);
        if (known === undefined)
            throw invalidRequest(['models', name], unknownGroup(name, ids.keys()));
        const override = next.groups[name] ?? {};
        if (change.enabled !== undefined)
            override.enabled = change.enabled;
        if (change.strategy === null)
            delete override.strategy;
        else if (change.strategy !== undefined)
            override.strategy = change.strategy;
        for (const [id, deploymentChange] of Object.entries(change.deployments ?? {})) {
            if (!known.has(id))
                throw invalidRequest(['models', name, 'deployments', id], `model group "${name}" has no deployment "${id}" (it has: ${[...known].join(', ')})`);
            override.deployments = { ...override.deployments, [id]: { ...override.deployments?.[id], ...definedOnly(deploymentChange) } };
        }
        next.groups[name] = override;
    }
    if (patch.strategy === null)
        delete next.strategy;
    else if (patch.strategy !== undefined)
        next.strategy = patch.strategy;
    if (patch.defaultModel === null)
        delete next.defaultModel;
    else if (patch.defaultModel !== undefined)
        next.defaultModel = patch.defaultModel;
    if (patch.rules === null)
        delete next.rules;
    else if (patch.rules !== undefined)
        next.rules = patch.rules;
    checkResult({ next, ids, context });
    return prune(next);
}
function removeDeployment(options) {
    const { next, group, id, at } = options;
    const added = next.addedDeployments.findIndex((deployment) => deployment.group === group && addedDeploymentId(deployment) === id);
    if (added !== -1) {
        next.addedDeployments.splice(added, 1);
    }
    else {
        const model = next.addedModels.find((candidate) => candidate.name === group);
        const position = model?.deployments.findIndex((deployment) => addedDeploymentId(deployment) === id) ?? -1;
        if (model === undefined || position === -1)
            throw invalidRequest(at, `no deployment "${id}" was added at run time to model group "${group}" (configured deployments can only be disabled)`);
        if (model.deployments.length === 1)
            throw invalidRequest(at, `deployment "${id}" is the last of model group "${group}"; remove the model group instead`);
        model.deployments.splice(position, 1);
    }
    const deployments = next.groups[group]?.deployments;
    if (deployments)
        delete deployments[id];
}
function checkAdded(options) {
    const { deployment, taken, at } = options;
    const providerIds = options.context.providers.map((provider) => provider.id);
    if (!providerIds.includes(deployment.provider)) {
        const suggestion = didYouMean(deployment.provider, providerIds);
        throw invalidRequest([...at, 'provider'], `unknown provider "${deployment.provider}"${suggestion === undefined ? ` (configured providers: ${providerIds.join(', ')})` : ` (did you mean "${suggestion}"?)`}`);
    }
    const id = addedDeploymentId(deployment);
    if (taken.has(id))
        throw invalidRequest(deployment.id === undefined ? at : [...at, 'id'], `duplicate deployment id "${id}" in model group "${options.group}"`);
    taken.add(id);
}
/** What the merged overrides must still allow: rules and the default model name existing groups; every enabled group can route. */
function checkResult(options) {
    const { next } = options;
    const table = tableOf(next, options.context);
    const groupNames = new Set(table.groups.map((group) => group.name));
    const [ruleProblem] = next.rules ? ruleProblems(next.rules, groupNames, 'rules') : [];
    if (ruleProblem !== undefined) {
        const separator = ruleProblem.indexOf(': ');
        throw invalidRequest([ruleProblem.slice(0, separator)], ruleProblem.slice(separator + 2));
    }
    if (next.defaultModel !== undefined) {
        const target = table.groups.find((group) => group.name === next.defaultModel);
        if (target === undefined)
            throw invalidRequest(['defaultModel'], unknownGroup(next.defaultModel, options.ids.keys()));
        if (!target.enabled)
            throw invalidRequest(['defaultModel'], `the default model "${target.name}" would be disabled; enable it or choose another default`);
    }
    for (const group of table.groups) {
        if (group.enabled && group.deployments.length > 0 && !group.deployments.some((entry) => entry.enabled)) {
            throw invalidRequest(['models', group.name, 'deployments'], `every deployment of model group "${group.name}" would be disabled, leaving it nothing to route to; disable the model group instead`);
        }
    }
}
function tableOf(overrides, context) {
    return applyRoutingOverrides({ base: context.base, providers: context.providers, overrides }).table;
}
function idsByGroup(table) {
    return new Map(table.groups.map((group) => [group.name, new Set(group.deployments.map((entry) => entry.deployment.id))]));
}
function unknownGroup(name, known) {
    const suggestion = didYouMean(name, known);
    return `no model group "${name}"${suggestion === undefined ? '' : ` (did you mean "${suggestion}"?)`}`;
}
/** Leaves out group overrides that change nothing, so the stored document says only what differs. */
function prune(overrides) {
    for (const [name, override] of Object.entries(overrides.groups)) {
        for (const [id, change] of Object.entries(override.deployments ?? {}))
            if (Object.keys(change).length === 0)
                delete override.deployments?.[id];
        if (override.deployments !== undefined && Object.keys(override.deployments).length === 0)
            delete override.deployments;
        if (Object.keys(override).length === 0)
            delete overrides.groups[name];
    }
    return overrides;
}
function definedOnly(value) {
    return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined));
}
//# sourceMappingURL=ai-config-patch.js.map