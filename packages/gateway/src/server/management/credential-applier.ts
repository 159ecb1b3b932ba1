/**
 * Puts a provider's stored credentials into effect on the running provider after one was added,
 * replaced or deleted: the newest stored credential wins, and when none is left the key from the
 * config or environment comes back. That key is known when app.ts captured it before stored
 * credentials were applied at start-up (deps.configuredProviderKeys); otherwise it is the key the
 * provider held when the routes were registered, which is the configured one unless a stored
 * credential had already replaced it at start-up. For such a provider the configured key is gone
 * from memory, so deleting its last credential leaves the running key as it is until a restart,
 * and the answer says so (`unchanged_until_restart`).
 */

import type { FastifyBaseLogger } from 'fastify';
import { applyStoredCredentials } from '../../governance/provider-credentials.js';
import type { ManagementDeps } from './deps.js';

/** Which key the provider uses after the change. */
export type KeySource = 'stored' | 'config' | 'unchanged_until_restart';

export type CredentialApplier = (providerId: string) => Promise<KeySource>;

export function createCredentialApplier(deps: ManagementDeps, logger: FastifyBaseLogger): CredentialApplier {
  const configured = new Map(deps.configuredProviderKeys ?? deps.providers.map((provider) => [provider.id, provider.apiKey]));
  // Providers whose key a stored credential may have replaced at start-up (read before any change).
  const replacedAtStart: Promise<ReadonlySet<string>> =
    deps.configuredProviderKeys !== undefined
      ? Promise.resolve(new Set())
      : deps.credentials.list().then(
          (records) => new Set(records.map((record) => record.provider)),
          () => new Set(deps.providers.map((provider) => provider.id)),
        );

  return async function applyCredentials(providerId) {
    const targets = deps.providers.filter((candidate) => candidate.id === providerId);
    if (targets.length === 0) return 'unchanged_until_restart';
    const remaining = await deps.credentials.list({ provider: providerId });
    if (remaining.length > 0) {
      await applyStoredCredentials({ repository: deps.credentials, box: deps.box, providers: targets, logger });
      return 'stored';
    }
    if ((await replacedAtStart).has(providerId) && deps.configuredProviderKeys === undefined) return 'unchanged_until_restart';
    for (const provider of targets) provider.apiKey = configured.get(providerId);
    return 'config';
  };
}
