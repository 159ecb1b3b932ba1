/** Provider credentials and the audit log (src/server/management/credentials-routes.ts, audit-routes.ts) in the document. */
import { idParameter, jsonAnswer, jsonBody, managementOperation, queryParameter } from './management-components.js';
const TAG = 'Credentials';
const CREDENTIAL_ID = idParameter('credential', 'cred_6hIjKlMnOpQrStUv');
const SECRECY = 'The secret is encrypted (AES-256-GCM) before it is stored and is never returned, logged or written to the audit log: answers show a hint of at most its last 4 characters.';
const CREDENTIAL_EXAMPLE = {
    id: 'cred_6hIjKlMnOpQrStUv',
    provider: 'openai',
    name: 'default',
    hint: 'x9Qz',
    createdAt: '2025-05-01T09:00:00.000Z',
    updatedAt: '2025-05-01T09:00:00.000Z',
};
export const CREDENTIALS_AUDIT_PATHS = {
    '/api/providers/credentials': {
        get: managementOperation({
            operationId: 'listCredentials',
            summary: 'List provider credentials',
            description: `Stored provider credentials, by provider and name. ${SECRECY}`,
            tag: TAG,
            permission: 'credentials.manage',
            parameters: [queryParameter('provider', 'Only this provider\'s credentials.')],
            responses: { '200': jsonAnswer('The credentials (hints only).', 'CredentialList') },
        }),
        post: managementOperation({
            operationId: 'createCredential',
            summary: 'Add a provider credential',
            description: `Stores a key for a configured provider; the running provider uses it at once in place of the key from the config file or environment (the newest stored credential of a provider wins). ${SECRECY}`,
            tag: TAG,
            permission: 'credentials.manage',
            requestBody: jsonBody('CreateCredentialRequest', { provider: 'openai', secret: 'sk-…' }),
            responses: { '201': jsonAnswer('The credential (hint only).', 'Credential', CREDENTIAL_EXAMPLE) },
            errors: [409],
        }),
    },
    '/api/providers/credentials/{id}': {
        put: managementOperation({
            operationId: 'replaceCredential',
            summary: 'Replace a provider credential',
            description: `Replaces the secret (and optionally the name); the running provider uses the new secret at once. ${SECRECY}`,
            tag: TAG,
            permission: 'credentials.manage',
            parameters: [CREDENTIAL_ID],
            requestBody: jsonBody('ReplaceCredentialRequest', { secret: 'sk-…' }),
            responses: { '200': jsonAnswer('The credential (hint only).', 'Credential', CREDENTIAL_EXAMPLE) },
            errors: [404, 409],
        }),
        delete: managementOperation({
            operationId: 'deleteCredential',
            summary: 'Delete a provider credential',
            description: 'Deletes the credential. The provider then uses its newest remaining stored credential, or else the key from the config file or environment again; `keySource` says which. When a stored credential had already replaced the configured key at start-up, that key is not in memory any more: the provider keeps its current key until the next restart (`unchanged_until_restart`).',
            tag: TAG,
            permission: 'credentials.manage',
            parameters: [CREDENTIAL_ID],
            responses: { '200': jsonAnswer('The deleted credential and the key source now in use.', 'DeletedCredential') },
            errors: [404],
        }),
    },
    '/api/audit': {
        get: managementOperation({
            operationId: 'listAudit',
            summary: 'Read the audit log',
            description: 'Every management action — who, what, when, from which address, and the record before and after (secrets redacted) — newest first. Append-only: nothing changes or removes an entry. Pages continue with `cursor`.',
            tag: 'Audit',
            permission: 'audit.read',
            parameters: [
                queryParameter('actorType', 'Only actions by the master key, users or keys.', { type: 'string', enum: ['master', 'user', 'key'] }),
                queryParameter('actorId', 'Only actions by this user or key id.'),
                queryParameter('action', 'Only actions starting with this text: `keys.` or `keys.create`.'),
                queryParameter('targetType', '`key`, `user`, `team`, `budget`, `rate_limit`, `credential`, `session`…'),
                queryParameter('targetId', 'Only actions on this record.'),
                queryParameter('since', 'From (inclusive; ISO 8601 date-time or epoch ms).'),
                queryParameter('until', 'Until (exclusive; ISO 8601 date-time or epoch ms).'),
                queryParameter('limit', 'Most entries (1–1000, default 100).', { type: 'integer', minimum: 1, maximum: 1000 }),
                queryParameter('cursor', 'The `nextCursor` of the previous page.'),
            ],
            responses: { '200': jsonAnswer('A page of entries.', 'AuditPage') },
            errors: [400],
        }),
    },
};
//# sourceMappingURL=management-credentials-audit.js.map