/**
 * Budgets: list (the stored ones and the config file's, each with its current period's spend),
 * create, read, change, delete, and reset (the period starts afresh now). Every change reloads the
 * policy, so the data plane enforces it on the next request. Budgets from the config file are
 * shown but cannot be changed here: they live in the file.
 */
import { z } from 'zod';
import { GatewayError } from '../../core/index.js';
import { BUDGET_PERIODS, BUDGET_SCOPE_TYPES } from '../../store/index.js';
import { recordAudit } from './audit.js';
import { CONFIG_BUDGET_PREFIX, configDefinition, storedDefinition, withCurrentPeriod } from './budget-view.js';
import { found, idParam, notFound, parseWithSchema } from './input.js';
import { requireScopeTarget } from './references.js';
const budgetFields = {
    name: z.string().min(1).max(200),
    limitUsd: z.number().nonnegative(),
    period: z.enum(BUDGET_PERIODS),
    /** Percentages of the limit at which threshold events fire. */
    thresholds: z.array(z.number().positive().max(1000)).max(20),
};
const createSchema = z.strictObject({
    ...budgetFields,
    period: budgetFields.period.default('monthly'),
    thresholds: budgetFields.thresholds.optional(),
    scope: z.enum(BUDGET_SCOPE_TYPES),
    scopeId: z.string().min(1).nullable().optional(),
});
const updateSchema = z.strictObject({
    name: budgetFields.name.optional(),
    limitUsd: budgetFields.limitUsd.optional(),
    period: budgetFields.period.optional(),
    thresholds: budgetFields.thresholds.optional(),
});
function refuseConfigBudget(id, verb) {
    if (!id.startsWith(CONFIG_BUDGET_PREFIX))
        return;
    throw new GatewayError('SY_ERR_CONFLICT', `Budget '${id}' is defined in the config file (governance.budgets) and cannot be ${verb} through the API; change the file and restart, or create a budget through the API instead.`);
}
export function registerBudgetsRoutes(app, deps) {
    const viewOf = async (id) => {
        if (id.startsWith(CONFIG_BUDGET_PREFIX)) {
            const budget = deps.policy.policy.snapshot.budgets.find((candidate) => candidate.id === id);
            return withCurrentPeriod(deps.ledger, configDefinition(found(budget, 'budget', id)));
        }
        return withCurrentPeriod(deps.ledger, storedDefinition(found(await deps.budgets.findById(id), 'budget', id)));
    };
    app.get('/api/budgets', { config: { permission: 'budgets.read' } }, async () => {
        const nowMs = Date.now();
        const stored = await deps.budgets.list();
        const fromConfig = deps.policy.policy.snapshot.budgets.filter((budget) => budget.id.startsWith(CONFIG_BUDGET_PREFIX));
        const definitions = [...stored.map(storedDefinition), ...fromConfig.map(configDefinition)];
        return { data: await Promise.all(definitions.map((definition) => withCurrentPeriod(deps.ledger, definition, nowMs))) };
    });
    app.post('/api/budgets', { config: { permission: 'budgets.manage' } }, async (request, reply) => {
        const body = parseWithSchema(createSchema, request.body);
        await requireScopeTarget(deps, { scope: body.scope, scopeId: body.scopeId });
        const record = await deps.budgets.create({ ...body, scopeType: body.scope });
        await deps.policy.reload();
        await recordAudit(deps.audit, request, { action: 'budgets.create', targetType: 'budget', targetId: record.id, after: record });
        reply.code(201);
        return viewOf(record.id);
    });
    app.get('/api/budgets/:id', { config: { permission: 'budgets.read' } }, async (request) => viewOf(idParam(request.params)));
    app.patch('/api/budgets/:id', { config: { permission: 'budgets.manage' } }, async (request) => {
        const id = idParam(request.params);
        refuseConfigBudget(id, 'changed');
        const before = found(await deps.budgets.findById(id), 'budget', id);
        const body = parseWithSchema(updateSchema, request.body);
        const after = found(await deps.budgets.update(id, body), 'budget', id);
        await deps.policy.reload();
        await recordAudit(deps.audit, request, { action: 'budgets.update', targetType: 'budget', targetId: id, before, after });
        return viewOf(id);
    });
    app.delete('/api/budgets/:id', { config: { permission: 'budgets.manage' } }, async (request, reply) => {
        const id = idParam(request.params);
        refuseConfigBudget(id, 'deleted');
        const before = found(await deps.budgets.findById(id), 'budget', id);
        if (!(await deps.budgets.delete(id)))
            throw notFound('budget', id);
        await deps.policy.reload();
        await recordAudit(deps.audit, request, { action: 'budgets.delete', targetType: 'budget', targetId: id, before });
        reply.code(204);
    });
    app.post('/api/budgets/:id/reset', { config: { permission: 'budgets.manage' } }, async (request) => {
        const id = idParam(request.params);
        refuseConfigBudget(id, 'reset');
        const before = await viewOf(id);
        const after = found(await deps.budgets.reset(id), 'budget', id);
        await deps.policy.reload();
        // The reset starts a new period in the ledger, seeded with the spend since the reset (none).
        await deps.policy.seedBudget(id);
        await recordAudit(deps.audit, request, { action: 'budgets.reset', targetType: 'budget', targetId: id, before, after });
        return viewOf(id);
    });
}
//# sourceMappingURL=budgets-routes.js.map