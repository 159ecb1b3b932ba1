/**
 * The request bodies of the management API, as the routes validate them (src/server/management/):
 * strict objects, so a field the API does not know is refused (400) rather than ignored.
 */
import { ROLES } from '../../governance/roles.js';
import { integer, nullable, number, object, string } from './components.js';
const strict = (properties, required = [], description) => object(properties, required, { additionalProperties: false, ...(description === undefined ? {} : { description }) });
const dateInput = (description) => ({
    description: `${description} ISO 8601 date-time with offset, or epoch milliseconds.`,
    anyOf: [{ type: 'string', format: 'date-time' }, { type: 'integer', minimum: 0 }],
});
const role = string('A role.', { enum: [...ROLES] });
const duration = {
    description: 'Milliseconds, or text such as `90s`, `15m`, `24h`, `7d`.',
    anyOf: [{ type: 'number', minimum: 1 }, { type: 'string', pattern: '^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h|d|w)?\\s*$' }],
};
const thresholds = { type: 'array', items: { type: 'number', minimum: 0, maximum: 1000 }, maxItems: 20, description: 'Percentages of the limit at which events fire; default [50, 80, 100].' };
const count = (what) => integer(`Most ${what} per window.`, { minimum: 1 });
const KEY_FIELDS = {
    name: string('A name for people.', { minLength: 1, maxLength: 200 }),
    models: nullable({ type: 'array', items: { type: 'string', minLength: 1 }, description: 'Model groups the key may use; null or absent for all.' }),
    scopes: { type: 'array', items: { type: 'string', enum: ['data', 'management'] }, minItems: 1, description: 'Default `["data"]`. Only callers with `keys.manage` may grant `management`.' },
    tier: string('Default `standard`. Only callers with `keys.manage` may choose another.', { minLength: 1, maxLength: 64 }),
    expiresAt: nullable(dateInput('When the key stops working.')),
    teamId: nullable(string('The team (callers with `keys.manage` only).')),
    userId: nullable(string('The user (callers with `keys.manage` only; others get their own).')),
    role: nullable(string('The role a management-scoped key acts with; null means admin.', { enum: [...ROLES] })),
    description: nullable(string('Free text.', { maxLength: 1000 })),
};
export const MANAGEMENT_BODY_SCHEMAS = {
    LoginRequest: strict({ email: string('The user\'s e-mail address.', { minLength: 3, maxLength: 320 }), password: string('The password.', { minLength: 1, maxLength: 1024 }) }, ['email', 'password']),
    RefreshRequest: strict({ refreshToken: string('The refresh token of the last sign-in or refresh.', { minLength: 1, maxLength: 512 }) }, ['refreshToken']),
    CreateKeyRequest: strict(KEY_FIELDS, ['name']),
    UpdateKeyRequest: strict(KEY_FIELDS, [], 'Fields to change; absent fields are kept. The secret never changes: rotate for that.'),
    RotateKeyRequest: strict({
        graceMs: integer('How long the old key keeps working, ms; the config\'s `governance.keyRotationGrace` by default.', { minimum: 0, maximum: 90 * 86_400_000 }),
        expiresAt: nullable(dateInput('The new key\'s expiry; the old key\'s by default.')),
    }),
    CreateUserRequest: strict({
        email: string('E-mail address; unique, stored lower-cased.', { minLength: 3, maxLength: 320 }),
        name: nullable(string('Display name.', { maxLength: 200 })),
        role,
        teamId: nullable(string('An existing team.')),
        password: string('At least 12 characters. When absent, one is generated and returned once.', { minLength: 1, maxLength: 1024 }),
    }, ['email', 'role']),
    UpdateUserRequest: strict({
        name: nullable(string('Display name.', { maxLength: 200 })),
        role,
        teamId: nullable(string('An existing team, or null to leave the team.')),
        password: string('A new password (at least 12 characters). Ends the user\'s sessions.', { minLength: 1, maxLength: 1024 }),
        disabled: { type: 'boolean', description: '`true` disables the user and ends their sessions; `false` enables them again.' },
    }, [], 'Fields to change. Changing the role or password, or disabling, ends the user\'s sessions. The last active admin cannot be demoted or disabled (409).'),
    TeamRequest: strict({ name: string('Unique name.', { minLength: 1, maxLength: 200 }) }, ['name']),
    CreateBudgetRequest: strict({
        name: string('A name for people; it appears in the 429 when the budget is exhausted.', { minLength: 1, maxLength: 200 }),
        scope: string('What the budget covers.', { enum: ['global', 'team', 'user', 'key'] }),
        scopeId: nullable(string('The team, user or key id; absent for global.')),
        limitUsd: number('The limit per period, in USD.', { minimum: 0 }),
        period: string('Default `monthly`.', { enum: ['daily', 'weekly', 'monthly'] }),
        thresholds,
    }, ['name', 'scope', 'limitUsd']),
    UpdateBudgetRequest: strict({
        name: string('A name for people.', { minLength: 1, maxLength: 200 }),
        limitUsd: number('The limit per period, in USD.', { minimum: 0 }),
        period: string('The period.', { enum: ['daily', 'weekly', 'monthly'] }),
        thresholds,
    }, [], 'Fields to change; the scope of a budget does not change (create another).'),
    CreateRateLimitRequest: strict({
        scope: string('What is counted separately.', { enum: ['key', 'user', 'team', 'ip', 'model', 'global'] }),
        scopeId: nullable(string('The key, user or team id, the IP, or the model group; absent for global.', { maxLength: 200 })),
        requests: count('requests'),
        tokens: count('tokens (input and output)'),
        per: duration,
        model: nullable(string('Only requests to this model group count.', { maxLength: 200 })),
        provider: nullable(string('Only calls to this provider count: a per-provider cap (requests only), checked when a deployment is chosen, so a capped provider is skipped for another.', { maxLength: 200 })),
    }, ['scope', 'per'], 'Exactly one of `requests` and `tokens`.'),
    UpdateRateLimitRequest: strict({ requests: count('requests'), tokens: count('tokens'), per: duration, model: nullable(string('Only requests to this model group count.', { maxLength: 200 })) }, [], 'Fields to change; at most one of `requests` and `tokens`.'),
    CreateCredentialRequest: strict({
        provider: string('A configured provider id.', { minLength: 1, maxLength: 200 }),
        name: string('Unique per provider; default `default`.', { minLength: 1, maxLength: 200 }),
        secret: string('The provider key (API key). Stored encrypted; never returned.', { minLength: 1, maxLength: 8192 }),
    }, ['provider', 'secret']),
    ReplaceCredentialRequest: strict({
        secret: string('The new provider key. Stored encrypted; never returned.', { minLength: 1, maxLength: 8192 }),
        name: string('A new name.', { minLength: 1, maxLength: 200 }),
    }, ['secret']),
};
//# sourceMappingURL=management-bodies.js.map