/** Budgets and rate limits (src/server/management/budgets-routes.ts, rate-limits-routes.ts) in the document. */
import { idParameter, jsonAnswer, jsonBody, managementOperation, noContent } from './management-components.js';
const TAG = 'Budgets';
const BUDGET_ID = idParameter('budget', 'bud_2aBcDeFgHiJkLmNo');
const LIMIT_ID = idParameter('rate limit', 'rl_5pQrStUvWxYz1234');
const ENFORCED = 'Takes effect on the next request: the policy is reloaded at once.';
const CONFIG_NOTE = 'Budgets from the config file (ids `cfg_…`) live in the file: changing them here answers 409.';
const BUDGET_EXAMPLE = {
    id: 'bud_2aBcDeFgHiJkLmNo',
    name: 'payments monthly',
    source: 'api',
    scope: 'team',
    scopeId: 'team_9XyZ8wVu7tSr6qPo',
    limitUsd: 500,
    period: 'monthly',
    thresholds: [50, 80, 100],
    resetAt: null,
    createdAt: '2025-05-01T09:00:00.000Z',
    updatedAt: '2025-05-01T09:00:00.000Z',
    periodStartedAt: '2025-05-01T00:00:00.000Z',
    resetsAt: '2025-06-01T00:00:00.000Z',
    spentUsd: 212.4,
    reservedUsd: 0.35,
    remainingUsd: 287.25,
};
export const BUDGETS_PATHS = {
    '/api/budgets': {
        get: managementOperation({
            operationId: 'listBudgets',
            summary: 'List budgets',
            description: 'Every budget — those made through the API (`source: api`) and the config file\'s (`source: config`) — with its current period: spent, reserved by requests in flight, remaining, and when it resets.',
            tag: TAG,
            permission: 'budgets.read',
            responses: { '200': jsonAnswer('The budgets.', 'BudgetList') },
        }),
        post: managementOperation({
            operationId: 'createBudget',
            summary: 'Create a budget',
            description: `A USD limit per period for the whole gateway, a team, a user or a key. A request that could exceed it is refused with 429 \`budget_exceeded\` before it is sent upstream. ${ENFORCED}`,
            tag: TAG,
            permission: 'budgets.manage',
            requestBody: jsonBody('CreateBudgetRequest', { name: 'payments monthly', scope: 'team', scopeId: 'team_9XyZ8wVu7tSr6qPo', limitUsd: 500, period: 'monthly' }),
            responses: { '201': jsonAnswer('The budget.', 'Budget', BUDGET_EXAMPLE) },
        }),
    },
    '/api/budgets/{id}': {
        get: managementOperation({
            operationId: 'getBudget',
            summary: 'Read a budget',
            description: 'One budget with its current period.',
            tag: TAG,
            permission: 'budgets.read',
            parameters: [BUDGET_ID],
            responses: { '200': jsonAnswer('The budget.', 'Budget', BUDGET_EXAMPLE) },
            errors: [404],
        }),
        patch: managementOperation({
            operationId: 'updateBudget',
            summary: 'Change a budget',
            description: `Changes the name, limit, period or thresholds. ${ENFORCED} ${CONFIG_NOTE}`,
            tag: TAG,
            permission: 'budgets.manage',
            parameters: [BUDGET_ID],
            requestBody: jsonBody('UpdateBudgetRequest', { limitUsd: 750 }),
            responses: { '200': jsonAnswer('The budget after the change.', 'Budget') },
            errors: [404, 409],
        }),
        delete: managementOperation({
            operationId: 'deleteBudget',
            summary: 'Delete a budget',
            description: `Deletes the budget. ${ENFORCED} ${CONFIG_NOTE}`,
            tag: TAG,
            permission: 'budgets.manage',
            parameters: [BUDGET_ID],
            responses: { '204': noContent('Deleted.') },
            errors: [404, 409],
        }),
    },
    '/api/budgets/{id}/reset': {
        post: managementOperation({
            operationId: 'resetBudget',
            summary: 'Reset a budget',
            description: `Starts the budget's period afresh now: spend before this moment no longer counts. ${ENFORCED} ${CONFIG_NOTE}`,
            tag: TAG,
            permission: 'budgets.manage',
            parameters: [BUDGET_ID],
            responses: { '200': jsonAnswer('The budget after the reset.', 'Budget') },
            errors: [404, 409],
        }),
    },
    '/api/rate-limits': {
        get: managementOperation({
            operationId: 'listRateLimits',
            summary: 'List rate limits',
            description: 'The limits made through the API, and (read-only, under `config`) the config file\'s tiers and limits.',
            tag: TAG,
            permission: 'budgets.read',
            responses: { '200': jsonAnswer('The limits.', 'RateLimitList') },
        }),
        post: managementOperation({
            operationId: 'createRateLimit',
            summary: 'Create a rate limit',
            description: `Requests or tokens per window for one key, user, team, IP or model group, or for all traffic; \`model\` narrows it to one group. Rejections are 429 with \`retry-after\` and \`x-ratelimit-*\` headers. ${ENFORCED}`,
            tag: TAG,
            permission: 'budgets.manage',
            requestBody: jsonBody('CreateRateLimitRequest', { scope: 'team', scopeId: 'team_9XyZ8wVu7tSr6qPo', requests: 600, per: '1m' }),
            responses: { '201': jsonAnswer('The limit.', 'RateLimit') },
        }),
    },
    '/api/rate-limits/{id}': {
        get: managementOperation({
            operationId: 'getRateLimit',
            summary: 'Read a rate limit',
            description: 'One limit made through the API.',
            tag: TAG,
            permission: 'budgets.read',
            parameters: [LIMIT_ID],
            responses: { '200': jsonAnswer('The limit.', 'RateLimit') },
            errors: [404],
        }),
        patch: managementOperation({
            operationId: 'updateRateLimit',
            summary: 'Change a rate limit',
            description: `Changes the count, window or model. ${ENFORCED}`,
            tag: TAG,
            permission: 'budgets.manage',
            parameters: [LIMIT_ID],
            requestBody: jsonBody('UpdateRateLimitRequest', { requests: 1200 }),
            responses: { '200': jsonAnswer('The limit after the change.', 'RateLimit') },
            errors: [404],
        }),
        delete: managementOperation({
            operationId: 'deleteRateLimit',
            summary: 'Delete a rate limit',
            description: `Deletes the limit. ${ENFORCED}`,
            tag: TAG,
            permission: 'budgets.manage',
            parameters: [LIMIT_ID],
            responses: { '204': noContent('Deleted.') },
            errors: [404],
        }),
    },
};
//# sourceMappingURL=management-budgets.js.map