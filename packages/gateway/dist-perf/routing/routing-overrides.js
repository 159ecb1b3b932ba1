/**
 * Runtime routing overrides: what operators changed through the management API on top of the
 * configuration. Plain JSON data, stored as one document (the configuration stays the base and is
 * never rewritten), applied at start and on every change by apply-overrides.ts.
 */
export function emptyOverrides() {
    return { groups: {}, addedModels: [], addedDeployments: [] };
}
/** The id an added deployment gets. */
export function addedDeploymentId(deployment) {
    return deployment.id ?? `${deployment.provider}/${deployment.model}`;
}
//# sourceMappingURL=routing-overrides.js.map