/**
 * Provider credentials added through the management API: encrypted with the secret box before they
 * are stored (bound to their provider id, so a ciphertext cannot be moved to another provider),
 * and applied to the running provider in place of the key from the config or environment. The
 * newest credential of a provider wins. Secrets are never logged and never returned whole.
 */
export function credentialContext(providerId) {
    return `provider-credential:${providerId}`;
}
/** Applies the newest stored credential of each provider; the ones from config stay where none is stored. */
export async function applyStoredCredentials(options) {
    const stored = await options.repository.listCiphertexts();
    const newest = new Map();
    for (const { record, ciphertext } of stored) {
        const current = newest.get(record.provider);
        if (!current || record.updatedAt.getTime() >= current.updatedAt)
            newest.set(record.provider, { ciphertext, updatedAt: record.updatedAt.getTime(), id: record.id });
    }
    for (const [providerId, credential] of newest) {
        // A deployment with its own timeouts holds a copy of its provider's settings: update every copy.
        const targets = options.providers.filter((candidate) => candidate.id === providerId);
        if (targets.length === 0)
            continue;
        try {
            const secret = options.box.decrypt(credential.ciphertext, credentialContext(providerId));
            for (const provider of targets)
                provider.apiKey = secret;
        }
        catch {
            options.logger.warn({ provider: providerId, credential: credential.id }, 'a stored provider credential could not be decrypted; keeping the configured key');
        }
    }
}
//# sourceMappingURL=provider-credentials.js.map