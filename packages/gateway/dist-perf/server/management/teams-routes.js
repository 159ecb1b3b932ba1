/**
 * Teams: list (with how many users each has), create, read (with its users), rename, delete.
 * Deleting a team detaches its users and keys and removes the budgets and rate limits scoped to
 * it, which could never apply again; the audit entry lists what went with it.
 */
import { z } from 'zod';
import { recordAudit } from './audit.js';
import { found, idParam, parseWithSchema } from './input.js';
const teamSchema = z.strictObject({ name: z.string().min(1).max(200) });
export function registerTeamsRoutes(app, deps) {
    app.get('/api/teams', { config: { permission: 'users.read' } }, async () => {
        const [teams, users] = await Promise.all([deps.teams.list(), deps.users.list()]);
        const counts = new Map();
        for (const user of users)
            if (user.teamId !== null)
                counts.set(user.teamId, (counts.get(user.teamId) ?? 0) + 1);
        return { data: teams.map((team) => ({ ...team, userCount: counts.get(team.id) ?? 0 })) };
    });
    app.post('/api/teams', { config: { permission: 'users.manage' } }, async (request, reply) => {
        const body = parseWithSchema(teamSchema, request.body);
        const team = await deps.teams.create(body);
        await recordAudit(deps.audit, request, { action: 'teams.create', targetType: 'team', targetId: team.id, after: team });
        reply.code(201);
        return team;
    });
    app.get('/api/teams/:id', { config: { permission: 'users.read' } }, async (request) => {
        const id = idParam(request.params);
        const team = found(await deps.teams.findById(id), 'team', id);
        return { ...team, users: await deps.users.list({ teamId: id }) };
    });
    app.patch('/api/teams/:id', { config: { permission: 'users.manage' } }, async (request) => {
        const id = idParam(request.params);
        const before = found(await deps.teams.findById(id), 'team', id);
        const body = parseWithSchema(teamSchema, request.body);
        const after = found(await deps.teams.rename(id, body.name), 'team', id);
        await recordAudit(deps.audit, request, { action: 'teams.update', targetType: 'team', targetId: id, before, after });
        return after;
    });
    app.delete('/api/teams/:id', { config: { permission: 'users.manage' } }, async (request, reply) => {
        const id = idParam(request.params);
        const team = found(await deps.teams.findById(id), 'team', id);
        const [users, keys, budgets, limits] = await Promise.all([
            deps.users.list({ teamId: id }),
            deps.keys.list({ teamId: id }),
            deps.budgets.list({ scopeType: 'team', scopeId: id }),
            deps.rateLimits.listByScope('team', id),
        ]);
        for (const budget of budgets)
            await deps.budgets.delete(budget.id);
        for (const limit of limits)
            await deps.rateLimits.delete(limit.id);
        await deps.teams.delete(id);
        // Cached keys still carry the team id; the next use reads them again.
        for (const key of keys)
            deps.forgetKey(key.id);
        if (budgets.length > 0 || limits.length > 0)
            await deps.policy.reload();
        await recordAudit(deps.audit, request, {
            action: 'teams.delete',
            targetType: 'team',
            targetId: id,
            before: {
                ...team,
                detachedUsers: users.map((user) => user.id),
                detachedKeys: keys.map((key) => key.id),
                deletedBudgets: budgets.map((budget) => budget.id),
                deletedRateLimits: limits.map((limit) => limit.id),
            },
        });
        reply.code(204);
    });
}
//# sourceMappingURL=teams-routes.js.map