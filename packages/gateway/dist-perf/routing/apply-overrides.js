/**
 * Applies runtime routing overrides on top of the configuration's model groups, giving the
 * routing table the router serves. Overrides may have gone stale (the configuration changed
 * after they were stored: a group or provider is gone): such parts are skipped and reported as
 * problems, one line each, and the rest still applies.
 */
import { addedDeploymentId } from './routing-overrides.js';
import { tableFromGroups } from './routing-table.js';
export function applyRoutingOverrides(input) {
    const { overrides, providers } = input;
    const problems = [];
    const table = tableFromGroups(input.base.groups, input.base.strategy);
    const byName = new Map(table.groups.map((group) => [group.name, group]));
    const build = (item, where) => {
        const provider = providers.find((candidate) => candidate.id === item.provider);
        if (provider === undefined) {
            problems.push(`${where}: provider "${item.provider}" is not configured any more; deployment skipped`);
            return null;
        }
        return runtimeDeployment(item, provider);
    };
    for (const added of overrides.addedModels) {
        if (byName.has(added.name)) {
            problems.push(`added model "${added.name}": a configured model group has that name now; the added one is skipped`);
            continue;
        }
        const group = { name: added.name, origin: 'runtime', enabled: true, deployments: [], ...(added.strategy === undefined ? {} : { strategy: added.strategy }) };
        for (const item of added.deployments) {
            const deployment = build(item, `added model "${added.name}"`);
            if (deployment)
                group.deployments.push({ deployment, enabled: true, origin: 'runtime' });
        }
        table.groups.push(group);
        byName.set(group.name, group);
    }
    for (const added of overrides.addedDeployments) {
        const group = byName.get(added.group);
        const id = addedDeploymentId(added);
        if (group === undefined) {
            problems.push(`added deployment "${id}": model group "${added.group}" does not exist any more; skipped`);
            continue;
        }
        if (group.deployments.some((entry) => entry.deployment.id === id)) {
            problems.push(`added deployment "${id}": model group "${added.group}" already has a deployment with that id; skipped`);
            continue;
        }
        const deployment = build(added, `added deployment "${id}"`);
        if (deployment)
            group.deployments.push({ deployment, enabled: true, origin: 'runtime' });
    }
    for (const [name, change] of Object.entries(overrides.groups)) {
        const group = byName.get(name);
        if (group === undefined) {
            problems.push(`override of model group "${name}": no such group any more; ignored`);
            continue;
        }
        if (change.enabled !== undefined)
            group.enabled = change.enabled;
        if (change.strategy !== undefined)
            group.strategy = change.strategy;
        for (const [id, deploymentChange] of Object.entries(change.deployments ?? {})) {
            const entry = group.deployments.find((candidate) => candidate.deployment.id === id);
            if (entry === undefined) {
                problems.push(`override of deployment "${id}" in model group "${name}": no such deployment any more; ignored`);
                continue;
            }
            if (deploymentChange.enabled !== undefined)
                entry.enabled = deploymentChange.enabled;
            if (deploymentChange.weight !== undefined)
                entry.deployment = { ...entry.deployment, weight: deploymentChange.weight };
        }
    }
    if (overrides.strategy !== undefined)
        table.strategy = overrides.strategy;
    if (overrides.defaultModel !== undefined) {
        if (byName.has(overrides.defaultModel))
            table.defaultModel = overrides.defaultModel;
        else
            problems.push(`default model "${overrides.defaultModel}": no such model group any more; no default is set`);
    }
    return { table, rules: overrides.rules ?? input.base.rules, problems };
}
/** A deployment added through the management API, built the way the config loader builds one. */
export function runtimeDeployment(item, provider) {
    return {
        id: addedDeploymentId(item),
        // The provider object itself (not a copy), so stored credentials applied to it reach this deployment too.
        provider,
        model: item.model,
        weight: item.weight,
        defaultMaxTokens: item.maxTokens,
        ...(item.price === undefined ? {} : { price: item.price }),
    };
}
//# sourceMappingURL=apply-overrides.js.map