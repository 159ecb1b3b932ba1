/** Virtual keys (src/server/management/keys-routes.ts) in the document. */
import { idParameter, jsonAnswer, jsonBody, managementOperation, queryParameter } from './management-components.js';
const TAG = 'Keys';
const KEY_ID = idParameter('key', 'key_7GhJkL2mN4pQ6rSt');
const OWN_NOTE = 'Callers with `keys.manage` (admin, supervisor, the master key) see and manage every key; callers with only `keys.own` see and manage the keys of their own user, and answer 404 for anyone else\'s.';
const KEY_EXAMPLE = {
    id: 'key_7GhJkL2mN4pQ6rSt',
    name: 'checkout service',
    prefix: 'sy-3f9aB7cD',
    models: ['gpt-4o'],
    scopes: ['data'],
    tier: 'standard',
    teamId: null,
    userId: 'usr_4kLm9QwErTyUiOp2',
    createdAt: '2025-05-01T09:00:00.000Z',
    expiresAt: null,
    revokedAt: null,
    role: null,
    description: null,
    lastUsedAt: null,
    rotatedFrom: null,
    rotatedTo: null,
};
export const KEYS_PATHS = {
    '/api/keys': {
        get: managementOperation({
            operationId: 'listKeys',
            summary: 'List keys',
            description: `Keys, newest first, without their secrets. ${OWN_NOTE}`,
            tag: TAG,
            permission: 'keys.own',
            parameters: [
                queryParameter('userId', 'Only this user\'s keys (callers with `keys.manage`).'),
                queryParameter('teamId', 'Only this team\'s keys (callers with `keys.manage`).'),
                queryParameter('includeRevoked', 'Default `true`; `false` leaves revoked keys out.', { type: 'string', enum: ['true', 'false'] }),
            ],
            responses: { '200': jsonAnswer('The keys.', 'KeyList') },
        }),
        post: managementOperation({
            operationId: 'createKey',
            summary: 'Create a key',
            description: `Creates a key. The secret is in this answer once and never again: only its hash is stored. Callers with only \`keys.own\` get a data-plane key of the standard tier for themselves, and 403 when they ask for more (another tier, the management scope, a role, another user or team).`,
            tag: TAG,
            permission: 'keys.own',
            requestBody: jsonBody('CreateKeyRequest', { name: 'checkout service', models: ['gpt-4o'] }),
            responses: { '201': jsonAnswer('The key and its secret.', 'CreatedKey', { key: KEY_EXAMPLE, secret: 'sy-3f9aB7cDxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' }) },
        }),
    },
    '/api/keys/{id}': {
        get: managementOperation({
            operationId: 'getKey',
            summary: 'Read a key',
            description: `One key, without its secret. ${OWN_NOTE}`,
            tag: TAG,
            permission: 'keys.own',
            parameters: [KEY_ID],
            responses: { '200': jsonAnswer('The key.', 'Key', KEY_EXAMPLE) },
            errors: [404],
        }),
        patch: managementOperation({
            operationId: 'updateKey',
            summary: 'Change a key',
            description: `Changes the given fields; the secret stays (rotate for a new one). Takes effect on the next request. ${OWN_NOTE}`,
            tag: TAG,
            permission: 'keys.own',
            parameters: [KEY_ID],
            requestBody: jsonBody('UpdateKeyRequest', { models: ['gpt-4o', 'claude'] }),
            responses: { '200': jsonAnswer('The key after the change.', 'Key') },
            errors: [404],
        }),
        delete: managementOperation({
            operationId: 'deleteKey',
            summary: 'Revoke a key',
            description: `Revokes the key at once (same as POST /api/keys/{id}/revoke); the record stays for the usage and audit history. ${OWN_NOTE}`,
            tag: TAG,
            permission: 'keys.own',
            parameters: [KEY_ID],
            responses: { '200': jsonAnswer('The revoked key.', 'Key') },
            errors: [404],
        }),
    },
    '/api/keys/{id}/rotate': {
        post: managementOperation({
            operationId: 'rotateKey',
            summary: 'Rotate a key',
            description: `Creates a new key with the old one's settings and returns its secret once. The old key keeps working for the grace period (\`graceMs\`, or the config's \`governance.keyRotationGrace\`), then stops. A revoked, expired or already rotated key answers 409. ${OWN_NOTE}`,
            tag: TAG,
            permission: 'keys.own',
            parameters: [KEY_ID],
            requestBody: { ...jsonBody('RotateKeyRequest', { graceMs: 3_600_000 }), required: false },
            responses: { '200': jsonAnswer('The new key and secret, and the old key with its new expiry.', 'RotatedKey') },
            errors: [404, 409],
        }),
    },
    '/api/keys/{id}/revoke': {
        post: managementOperation({
            operationId: 'revokeKey',
            summary: 'Revoke a key',
            description: `Revokes the key at once: the next request with it answers 401 (\`key_revoked\`). Revoking twice keeps the first time. ${OWN_NOTE}`,
            tag: TAG,
            permission: 'keys.own',
            parameters: [KEY_ID],
            responses: { '200': jsonAnswer('The revoked key.', 'Key') },
            errors: [404],
        }),
    },
};
//# sourceMappingURL=management-keys.js.map