/**
 * The routing table: every model group the gateway knows, enabled or not, with every deployment
 * and whether it is enabled, the global strategy and the default model. The router serves the
 * enabled part of it; the management API shows all of it. Built from the configuration and then
 * from the configuration with the operators' runtime overrides applied (apply-overrides.ts).
 */
/** The model name that means "the default model" when an operator has set one. */
export const DEFAULT_MODEL_ALIAS = 'default';
/** The table of the configuration alone: everything enabled, no default model. */
export function tableFromGroups(groups, strategy) {
    return {
        strategy,
        defaultModel: null,
        groups: groups.map((group) => ({
            name: group.name,
            origin: group.source,
            enabled: true,
            ...(group.strategy === undefined ? {} : { strategy: group.strategy }),
            deployments: group.deployments.map((deployment) => ({ deployment, enabled: true, origin: 'config' })),
        })),
    };
}
/**
 * The groups the data plane routes to: enabled groups with their enabled deployments only, so a
 * disabled deployment can never be chosen, retried or fallen back to. A group added at run time
 * reports `source: 'config'` (the data plane does not tell the two apart).
 */
export function servedGroups(table) {
    return table.groups
        .filter((group) => group.enabled)
        .map((group) => ({
        name: group.name,
        source: group.origin === 'runtime' ? 'config' : group.origin,
        deployments: group.deployments.filter((entry) => entry.enabled).map((entry) => entry.deployment),
        ...(group.strategy === undefined ? {} : { strategy: group.strategy }),
    }));
}
/** Ids of deployments that are disabled in every group they appear in. */
export function disabledDeploymentIds(table) {
    const enabled = new Set();
    const disabled = new Set();
    for (const group of table.groups) {
        for (const entry of group.deployments) {
            if (entry.enabled && group.enabled)
                enabled.add(entry.deployment.id);
            else
                disabled.add(entry.deployment.id);
        }
    }
    for (const id of enabled)
        disabled.delete(id);
    return disabled;
}
//# sourceMappingURL=routing-table.js.map