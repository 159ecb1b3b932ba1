/**
 * Sign-in (src/server/management/auth-routes.ts), the caller's own account and everyone's spend
 * (account-routes.ts) in the document.
 */
import { integer, nullable, number, object, string } from './components.js';
import { jsonAnswer, jsonBody, managementOperation, noContent, queryParameter } from './management-components.js';
import { ref } from './openapi-types.js';
const USER_EXAMPLE = {
    id: 'usr_4kLm9QwErTyUiOp2',
    email: 'ada@example.com',
    name: 'Ada',
    role: 'developer',
    teamId: null,
    createdAt: '2025-05-01T09:00:00.000Z',
    updatedAt: '2025-05-01T09:00:00.000Z',
    disabledAt: null,
    lastLoginAt: '2025-05-02T08:00:00.000Z',
};
const TOKENS_EXAMPLE = {
    accessToken: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c3JfNGtMbTlRd0VyVHlVaU9wMiJ9.c2lnbmF0dXJl',
    tokenType: 'Bearer',
    expiresAt: '2025-05-02T08:15:00.000Z',
    refreshToken: 'syr_8f3kQ2mZxV7pL1nB4cD6eF9gH0jK',
    refreshExpiresAt: '2025-05-09T08:00:00.000Z',
    user: USER_EXAMPLE,
};
const limitState = object({
    limit: string('The limit in words.'),
    metric: string('What is counted.', { enum: ['requests', 'tokens'] }),
    max: integer('Most per window.'),
    windowMs: integer('The window, in ms.'),
    used: integer('Used in the current window.'),
    remaining: integer('Left in the current window.'),
    resetsAt: string('When the window resets.', { format: 'date-time' }),
}, ['limit', 'metric', 'max', 'windowMs', 'used', 'remaining', 'resetsAt']);
const budgetState = object({
    id: string('The budget id.'),
    budget: string('The budget in words.'),
    limitUsd: number('The limit per period.'),
    spentUsd: number('Spent in the current period.'),
    reservedUsd: number('Held by requests in flight.'),
    remainingUsd: number('What is left.'),
    resetsAt: string('When the period ends.', { format: 'date-time' }),
}, ['id', 'budget', 'limitUsd', 'spentUsd', 'reservedUsd', 'remainingUsd', 'resetsAt']);
export const ACCOUNT_SCHEMAS = {
    Account: object({
        kind: string('How the caller authenticated.', { enum: ['master', 'key', 'user'] }),
        key: nullable({ ...ref('schemas', 'Key'), description: 'The key, when a key made the call.' }),
        user: nullable(object({ id: string('User id.'), role: string('Role.'), teamId: nullable(string('Team id.')) }, ['id', 'role', 'teamId'])),
        role: nullable(string('The role acted as; null for a key scoped to the data plane.')),
        tier: nullable(string("The key's tier.")),
        limits: { type: 'array', items: limitState, description: 'The rate limits that apply to the caller, with what is left.' },
        budgets: { type: 'array', items: budgetState, description: 'The budgets that apply to the caller, with what is left.' },
        usage: object({ today: ref('schemas', 'SpendTotals'), month: ref('schemas', 'SpendTotals') }, ['today', 'month']),
    }, ['kind', 'key', 'user', 'role', 'tier', 'limits', 'budgets', 'usage']),
    Usage: object({
        groupBy: string('How the groups are formed.', { enum: ['key', 'user', 'team', 'model', 'provider', 'day'] }),
        totals: ref('schemas', 'SpendTotals'),
        groups: {
            type: 'array',
            items: object({
                group: nullable(string('The key, user or team id, model group, provider, or UTC day `YYYY-MM-DD`.')),
                requests: integer('Requests.'),
                errors: integer('Failed requests.'),
                promptTokens: integer('Input tokens.'),
                completionTokens: integer('Output tokens.'),
                costUsd: number('Cost in USD.'),
                firstAt: string('First request in the group.', { format: 'date-time' }),
                lastAt: string('Last request in the group.', { format: 'date-time' }),
            }, ['group', 'requests', 'errors', 'promptTokens', 'completionTokens', 'costUsd', 'firstAt', 'lastAt']),
        },
    }, ['groupBy', 'totals', 'groups']),
};
const TAG_AUTH = 'Auth';
const dateFilter = (name, edge) => queryParameter(name, `${edge} (ISO 8601 date-time or epoch ms).`);
export const AUTH_ACCOUNT_PATHS = {
    '/api/auth/login': {
        post: managementOperation({
            operationId: 'login',
            summary: 'Sign in',
            description: 'Checks the e-mail and password and opens a session: a short-lived access token (JWT) and a refresh token. An unknown e-mail and a wrong password get the same 401; a disabled user gets 403.',
            tag: TAG_AUTH,
            permission: 'public',
            requestBody: jsonBody('LoginRequest', { email: 'ada@example.com', password: 'correct horse battery staple' }),
            responses: { '200': jsonAnswer('Signed in.', 'Tokens', TOKENS_EXAMPLE) },
            errors: [401, 403],
        }),
    },
    '/api/auth/refresh': {
        post: managementOperation({
            operationId: 'refreshSession',
            summary: 'Refresh the tokens',
            description: 'Swaps a refresh token for a new access token and a new refresh token; the old refresh token stops working. Presenting an already used refresh token ends the whole session (it may have been stolen).',
            tag: TAG_AUTH,
            permission: 'public',
            requestBody: jsonBody('RefreshRequest', { refreshToken: TOKENS_EXAMPLE.refreshToken }),
            responses: { '200': jsonAnswer('New tokens.', 'Tokens', TOKENS_EXAMPLE) },
            errors: [401],
        }),
    },
    '/api/auth/logout': {
        post: managementOperation({
            operationId: 'logout',
            summary: 'Sign out',
            description: "Ends the caller's session: its access and refresh tokens stop working at once. Only for a user's access token (400 for a key).",
            tag: TAG_AUTH,
            permission: 'account.read',
            responses: { '204': noContent('Signed out.') },
            errors: [400],
        }),
    },
    '/api/auth/me': {
        get: managementOperation({
            operationId: 'me',
            summary: 'Who am I',
            description: 'How the caller authenticated, the role it acts with and its permissions.',
            tag: TAG_AUTH,
            permission: 'account.read',
            responses: { '200': jsonAnswer('The caller.', 'Me') },
        }),
    },
    '/api/v1/account': {
        get: managementOperation({
            operationId: 'account',
            summary: 'My account',
            description: "The caller's own view: its key (or user), tier, the rate limits that apply with what is left of each window, the budgets with what is left of each period, and its usage today and this month (UTC).",
            tag: 'Account',
            permission: 'account.read',
            responses: { '200': jsonAnswer('The account.', 'Account') },
        }),
    },
    '/api/ai/usage': {
        get: managementOperation({
            operationId: 'usage',
            summary: 'Spend of everyone',
            description: 'Requests, tokens and cost, in total and grouped by key, user, team, model group, provider or UTC day, over the usage of every caller, with filters.',
            tag: 'Account',
            permission: 'analytics.read',
            parameters: [
                queryParameter('groupBy', 'How to group; default `model`.', { type: 'string', enum: ['key', 'user', 'team', 'model', 'provider', 'day'] }),
                dateFilter('since', 'From'),
                dateFilter('until', 'Until, exclusive'),
                queryParameter('keyId', 'Only this key.'),
                queryParameter('userId', 'Only this user.'),
                queryParameter('teamId', 'Only this team.'),
                queryParameter('model', 'Only this model group.'),
                queryParameter('provider', 'Only this provider.'),
                queryParameter('limit', 'Most groups (1–1000, default 100).', { type: 'integer', minimum: 1, maximum: 1000 }),
            ],
            responses: { '200': jsonAnswer('Totals and groups.', 'Usage') },
            errors: [400],
        }),
    },
};
//# sourceMappingURL=management-auth-account.js.map