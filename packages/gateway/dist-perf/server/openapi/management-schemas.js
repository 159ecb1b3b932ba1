/**
 * The records the management API answers with: users, teams, keys, budgets, rate limits,
 * provider credentials, audit entries, sign-in tokens, the caller's account and spend. Dates are
 * ISO 8601 text. No schema has a field for a password hash or a stored secret: they never leave.
 */
import { ROLES } from '../../governance/roles.js';
import { integer, nullable, number, object, string } from './components.js';
import { ref } from './openapi-types.js';
const dateTime = (description) => string(description, { format: 'date-time' });
const optionalDate = (description) => nullable(dateTime(description));
const id = (description) => string(description);
const list = (item, extra = {}) => object({ data: { type: 'array', items: ref('schemas', item) }, ...extra }, ['data', ...Object.keys(extra)]);
const role = string('A role: what its holder may do is in docs/governance.md.', { enum: [...ROLES] });
const KEY_FIELDS = {
    id: id('`key_…`'),
    name: string('A name for people.'),
    prefix: string('The first characters of the secret, to recognise it (`sy-abc123…`).'),
    models: nullable({ type: 'array', items: { type: 'string' }, description: 'Model groups the key may use; null for all.' }),
    scopes: { type: 'array', items: { type: 'string', enum: ['data', 'management'] }, description: '`data`: the data plane; `management`: the /api routes, with `role`.' },
    tier: string('`standard`, `premium`, `enterprise` or a tier of the config file: its limits and models.'),
    teamId: nullable(string('The team the key belongs to.')),
    userId: nullable(string('The user the key belongs to.')),
    createdAt: dateTime('When it was created.'),
    expiresAt: optionalDate('When it stops working (after a rotation: the end of the grace period).'),
    revokedAt: optionalDate('When it was revoked.'),
};
const SPEND_TOTALS = object({
    requests: integer('Requests.'),
    errors: integer('Requests that failed.'),
    promptTokens: integer('Input tokens.'),
    completionTokens: integer('Output tokens.'),
    costUsd: number('Cost in USD.'),
}, ['requests', 'errors', 'promptTokens', 'completionTokens', 'costUsd']);
export const MANAGEMENT_RECORD_SCHEMAS = {
    User: object({
        id: id('`usr_…`'),
        email: string('Lower-cased e-mail address; signs in with it.'),
        name: nullable(string('Display name.')),
        role,
        teamId: nullable(string('The team the user belongs to.')),
        createdAt: dateTime('When it was created.'),
        updatedAt: dateTime('When it last changed.'),
        disabledAt: optionalDate('When it was disabled; a disabled user cannot sign in.'),
        lastLoginAt: optionalDate('The last sign-in.'),
    }, ['id', 'email', 'name', 'role', 'teamId', 'createdAt', 'updatedAt', 'disabledAt', 'lastLoginAt']),
    UserList: list('User'),
    CreatedUser: object({ user: ref('schemas', 'User'), password: string('The generated password, when none was given: shown this once, stored only as its hash.') }, ['user']),
    Team: object({ id: id('`team_…`'), name: string('Unique name.'), createdAt: dateTime('When it was created.') }, ['id', 'name', 'createdAt']),
    TeamSummary: object({ id: id('`team_…`'), name: string('Unique name.'), createdAt: dateTime('When it was created.'), userCount: integer('Users in the team.') }, ['id', 'name', 'createdAt', 'userCount']),
    TeamList: list('TeamSummary'),
    TeamDetail: object({ id: id('`team_…`'), name: string('Unique name.'), createdAt: dateTime('When it was created.'), users: { type: 'array', items: ref('schemas', 'User') } }, ['id', 'name', 'createdAt', 'users']),
    Key: object({
        ...KEY_FIELDS,
        role: nullable(string('The role a management-scoped key acts with; null means admin.', { enum: [...ROLES] })),
        description: nullable(string('Free text.')),
        lastUsedAt: optionalDate('Last use on the data plane.'),
        rotatedFrom: nullable(string('The key this one replaced by rotation.')),
        rotatedTo: nullable(string('The key that replaced this one by rotation.')),
    }, [...Object.keys(KEY_FIELDS), 'role', 'description', 'lastUsedAt', 'rotatedFrom', 'rotatedTo']),
    KeyList: list('Key'),
    CreatedKey: object({ key: ref('schemas', 'Key'), secret: string('The key itself: shown this once, stored only as its hash.') }, ['key', 'secret']),
    RotatedKey: object({
        key: ref('schemas', 'Key'),
        secret: string('The new key: shown this once.'),
        previous: ref('schemas', 'Key'),
    }, ['key', 'secret', 'previous']),
    Tokens: object({
        accessToken: string('A JWT for `Authorization: Bearer`; short-lived.'),
        tokenType: { const: 'Bearer' },
        expiresAt: dateTime('When the access token expires.'),
        refreshToken: string('Swaps for new tokens at POST /api/auth/refresh, once: each refresh returns a new one.'),
        refreshExpiresAt: dateTime('When the session ends unless refreshed.'),
        user: ref('schemas', 'User'),
    }, ['accessToken', 'tokenType', 'expiresAt', 'refreshToken', 'refreshExpiresAt', 'user']),
    Me: object({
        kind: string('How the caller authenticated.', { enum: ['master', 'key', 'user'] }),
        role: nullable(string('The role acted as; null for a key scoped to the data plane.')),
        permissions: { type: 'array', items: { type: 'string' }, description: 'What the caller may do.' },
        user: nullable(ref('schemas', 'User')),
        label: string('How the audit log names the caller.'),
    }, ['kind', 'role', 'permissions', 'user', 'label']),
    Budget: object({
        id: id('`bud_…` for budgets made through the API, `cfg_<name>` for the config file\'s.'),
        name: string('A name for people.'),
        source: string('`api`: can be changed here; `config`: lives in the config file.', { enum: ['api', 'config'] }),
        scope: string('What the budget covers.', { enum: ['global', 'team', 'user', 'key'] }),
        scopeId: nullable(string('The team, user or key id; null for global.')),
        limitUsd: number('The limit per period, in USD.'),
        period: string('Calendar period in UTC.', { enum: ['daily', 'weekly', 'monthly'] }),
        thresholds: { type: 'array', items: { type: 'number' }, description: 'Percentages of the limit at which events fire.' },
        resetAt: optionalDate('The last manual reset.'),
        createdAt: optionalDate('When it was created (null for the config file\'s).'),
        updatedAt: optionalDate('When it last changed.'),
        periodStartedAt: dateTime('When the current period began (a reset moves it).'),
        resetsAt: dateTime('When the current period ends.'),
        spentUsd: number('Spent in the current period.'),
        reservedUsd: number('Held by requests in flight.'),
        remainingUsd: number('What is left: limit − spent − reserved, at least 0.'),
    }, ['id', 'name', 'source', 'scope', 'scopeId', 'limitUsd', 'period', 'thresholds', 'resetAt', 'periodStartedAt', 'resetsAt', 'spentUsd', 'reservedUsd', 'remainingUsd']),
    BudgetList: list('Budget'),
    RateLimit: object({
        id: id('`rl_…`'),
        source: { const: 'api' },
        scopeType: string('What is counted separately.', { enum: ['key', 'user', 'team', 'ip', 'model', 'global'] }),
        scopeId: nullable(string('The key, user or team id, the IP or the model group; null for global.')),
        metric: string('What is counted.', { enum: ['requests', 'tokens'] }),
        limit: integer('Most per window.'),
        windowMs: integer('The window, in ms.'),
        per: string('The window for people (`15m`).'),
        model: nullable(string('Only requests to this model group count.')),
        provider: nullable(string('Only calls to this provider count (a per-provider cap).')),
        description: string('The limit in words.'),
        createdAt: dateTime('When it was created.'),
    }, ['id', 'source', 'scopeType', 'scopeId', 'metric', 'limit', 'windowMs', 'per', 'model', 'createdAt']),
    RateLimitList: object({
        data: { type: 'array', items: ref('schemas', 'RateLimit') },
        config: object({
            source: { const: 'config' },
            tiers: { type: 'object', description: 'Key tiers: the models each may use and its limits per key.', additionalProperties: { type: 'object' } },
            premiumModels: { type: 'array', items: { type: 'string' }, description: 'Groups that `basic` tiers may not use.' },
            rateLimits: { type: 'array', items: { type: 'object' }, description: 'Limits applying to every key, user, team, IP or model separately.' },
            providerDailyCaps: { type: 'object', additionalProperties: { type: 'integer' }, description: 'Requests per user per provider per UTC day.' },
        }, ['source', 'tiers', 'premiumModels', 'rateLimits'], { description: 'The config file\'s limits: read-only here.' }),
    }, ['data', 'config']),
    Credential: object({
        id: id('`cred_…`'),
        provider: string('The configured provider it is for.'),
        name: string('Unique per provider.'),
        hint: string('At most the last 4 characters of the secret (none for secrets under 12 characters).', { maxLength: 4 }),
        createdAt: dateTime('When it was added.'),
        updatedAt: dateTime('When its secret or name last changed.'),
    }, ['id', 'provider', 'name', 'hint', 'createdAt', 'updatedAt']),
    CredentialList: list('Credential'),
    DeletedCredential: object({
        credential: ref('schemas', 'Credential'),
        keySource: string('Which key the provider uses now: `stored` (another stored credential), `config` (the key from the config file or environment), or `unchanged_until_restart` (the configured key was replaced at start-up and is not in memory; it applies again after a restart).', { enum: ['stored', 'config', 'unchanged_until_restart'] }),
    }, ['credential', 'keySource']),
    AuditEntry: object({
        id: id('`aud_…`'),
        createdAt: dateTime('When.'),
        actorType: string('Who: the master key, a user or a key.', { enum: ['master', 'user', 'key'] }),
        actorId: nullable(string('The user or key id.')),
        actorLabel: string('Who, for people.'),
        action: string('`area.verb`: `keys.create`, `users.update`, `budgets.reset`…'),
        targetType: string('`key`, `user`, `team`, `budget`, `rate_limit`, `credential`, `session`…'),
        targetId: nullable(string('The record acted on.')),
        ip: nullable(string('The client address.')),
        before: { description: 'The record before the action (secrets redacted), or null.' },
        after: { description: 'The record after the action (secrets redacted), or null.' },
    }, ['id', 'createdAt', 'actorType', 'actorId', 'actorLabel', 'action', 'targetType', 'targetId', 'ip', 'before', 'after']),
    AuditPage: list('AuditEntry', { nextCursor: nullable(string('Pass as `cursor` for the next page; null on the last page.')) }),
    SpendTotals: SPEND_TOTALS,
};
//# sourceMappingURL=management-schemas.js.map