/**
 * Puts a provider's stored credentials into effect on the running provider after one was added,
 * replaced or deleted: the newest stored credential wins, and when none is left the key from the
 * config or environment (captured by app.ts before stored credentials were applied) comes back.
 */
import { applyStoredCredentials } from '../../governance/provider-credentials.js';
export function createCredentialApplier(deps, logger) {
    return async function applyCredentials(providerId) {
        // A deployment with its own timeouts holds a copy of its provider's settings: change every copy.
        const targets = deps.providers.filter((candidate) => candidate.id === providerId);
        if (targets.length === 0)
            return 'unchanged_until_restart';
        const remaining = await deps.credentials.list({ provider: providerId });
        if (remaining.length > 0) {
            await applyStoredCredentials({ repository: deps.credentials, box: deps.box, providers: targets, logger });
            return 'stored';
        }
        for (const provider of targets)
            provider.apiKey = deps.configuredProviderKeys.get(providerId);
        return 'config';
    };
}
//# sourceMappingURL=credential-applier.js.map