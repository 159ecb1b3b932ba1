/**
 * GET /api/v1/account: the caller's own view — its key (or user), tier, the rate limits that apply
 * with what is left in the current window, the budgets with what is left in the current period,
 * and its usage today and this month. GET /api/ai/usage: spend of everyone (analytics), grouped by
 * key, user, team, model, provider or day, with filters.
 */
import { z } from 'zod';
import { GatewayError } from '../../core/index.js';
import { subjectOf } from '../../pipeline/govern.js';
import { SPEND_GROUP_BY } from '../../store/index.js';
import { callerOf } from '../request-context.js';
import { dateQuery } from './input.js';
const DAY = 86_400_000;
export function registerAccountRoutes(app, deps) {
    app.get('/api/v1/account', { config: { permission: 'account.read' } }, async (request) => {
        const caller = callerOf(request);
        const { principal } = caller;
        const subject = subjectOf(principal, { ip: request.ip, model: '' });
        const nowMs = Date.now();
        const rules = deps.policy.policy.limitsFor(subject);
        const counters = await deps.counters.take(rules.map((rule) => ({ key: rule.counterKey, windowMs: rule.windowMs, limit: rule.limit, amount: 0 })), nowMs);
        const limits = rules.map((rule, index) => ({
            limit: rule.label,
            metric: rule.metric,
            max: rule.limit,
            windowMs: rule.windowMs,
            used: counters.states[index]?.used ?? 0,
            remaining: counters.states[index]?.remaining ?? rule.limit,
            resetsAt: new Date(counters.states[index]?.resetAtMs ?? nowMs + rule.windowMs).toISOString(),
        }));
        const budgets = await Promise.all(deps.policy.policy.budgetsFor(subject, nowMs).map(async (budget) => {
            const { spentUsd, reservedUsd } = await deps.ledger.read(budget.budgetId, budget.periodKey);
            return {
                id: budget.budgetId,
                budget: budget.label,
                limitUsd: budget.limitUsd,
                spentUsd,
                reservedUsd,
                remainingUsd: Math.max(0, budget.limitUsd - spentUsd - reservedUsd),
                resetsAt: new Date(budget.resetAtMs).toISOString(),
            };
        }));
        const owner = principal.kind === 'key' ? { keyId: principal.key.id } : principal.kind === 'user' ? { userId: principal.user.id } : {};
        const now = new Date(nowMs);
        const [today, month] = await Promise.all([
            deps.spend.totals({ ...owner, since: new Date(Math.floor(nowMs / DAY) * DAY) }),
            deps.spend.totals({ ...owner, since: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)) }),
        ]);
        return {
            kind: principal.kind,
            key: principal.kind === 'key' ? principal.key : null,
            user: principal.kind === 'user' ? { id: principal.user.id, role: principal.user.role, teamId: principal.user.teamId } : null,
            role: caller.role,
            tier: subject.tier,
            limits,
            budgets,
            usage: { today, month },
        };
    });
    const usageQuery = z.object({ groupBy: z.enum(SPEND_GROUP_BY).default('model') });
    app.get('/api/ai/usage', { config: { permission: 'analytics.read' } }, async (request) => {
        const query = request.query;
        const parsed = usageQuery.safeParse(query);
        if (!parsed.success)
            throw new GatewayError('SY_ERR_INVALID_REQUEST', `groupBy must be one of ${SPEND_GROUP_BY.join(', ')}.`, { param: 'groupBy' });
        const filter = {
            since: dateQuery(query, 'since'),
            until: dateQuery(query, 'until'),
            keyId: query.keyId,
            userId: query.userId,
            teamId: query.teamId,
            model: query.model,
            provider: query.provider,
        };
        const limit = query.limit === undefined ? 100 : Number(query.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
            throw new GatewayError('SY_ERR_INVALID_REQUEST', 'limit must be an integer from 1 to 1000.', { param: 'limit' });
        const [totals, groups] = await Promise.all([deps.spend.totals(filter), deps.spend.aggregate({ ...filter, groupBy: parsed.data.groupBy, limit })]);
        return { groupBy: parsed.data.groupBy, totals, groups };
    });
}
//# sourceMappingURL=account-routes.js.map