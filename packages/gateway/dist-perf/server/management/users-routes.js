/**
 * Users: list, create (the password is checked against the policy and hashed with argon2id; when
 * none is given one is generated and returned once), read, change (role, name, team, password,
 * disabled) and delete. Disabling a user or changing their role or password ends their sessions,
 * so a change of rights takes effect at once. The last active admin can be neither demoted,
 * disabled nor deleted. Deleting a user revokes their keys and removes the budgets and rate limits
 * scoped to them. Password hashes never leave the store.
 */
import { z } from 'zod';
import { GatewayError } from '../../core/index.js';
import { PASSWORD_MAX_LENGTH, checkPasswordPolicy, generatePassword, hashPassword } from '../../governance/passwords.js';
import { ROLES, isRole } from '../../governance/roles.js';
import { recordAudit } from './audit.js';
import { found, idParam, parseWithSchema } from './input.js';
import { requireTeamWhenSet } from './references.js';
const userFields = {
    name: z.string().max(200).nullable().optional(),
    role: z.enum(ROLES),
    teamId: z.string().min(1).nullable().optional(),
    password: z.string().min(1).max(PASSWORD_MAX_LENGTH).optional(),
};
const createSchema = z.strictObject({ email: z.string().min(3).max(320), ...userFields });
const updateSchema = z.strictObject({ ...userFields, role: userFields.role.optional(), disabled: z.boolean().optional() });
async function hashChecked(password) {
    const policy = checkPasswordPolicy(password);
    if (!policy.ok)
        throw new GatewayError('SY_ERR_INVALID_REQUEST', `password: ${policy.message}`, { param: 'password' });
    return hashPassword(password);
}
/** Refuses a change that would leave no enabled admin (the master key aside, nobody could manage users). */
async function assertKeepsAnAdmin(deps, user, change) {
    if (user.role !== 'admin' || user.disabledAt !== null)
        return;
    const staysAdmin = change !== 'delete' && (change.role ?? 'admin') === 'admin' && change.disabled !== true;
    if (staysAdmin)
        return;
    if ((await deps.users.countActiveWithRole('admin')) <= 1) {
        const verb = change === 'delete' ? 'deleted' : change.disabled === true ? 'disabled' : 'demoted';
        throw new GatewayError('SY_ERR_CONFLICT', `${user.email} is the last active admin and cannot be ${verb}; make another user admin first.`);
    }
}
export function registerUsersRoutes(app, deps) {
    app.get('/api/users', { config: { permission: 'users.read' } }, async (request) => {
        const query = request.query;
        if (query.role !== undefined && !isRole(query.role)) {
            throw new GatewayError('SY_ERR_INVALID_REQUEST', `role must be one of ${ROLES.join(', ')}.`, { param: 'role' });
        }
        const role = isRole(query.role) ? query.role : undefined;
        return { data: await deps.users.list({ teamId: query.teamId, role, includeDisabled: query.includeDisabled !== 'false' }) };
    });
    app.post('/api/users', { config: { permission: 'users.manage' } }, async (request, reply) => {
        const body = parseWithSchema(createSchema, request.body);
        await requireTeamWhenSet(deps, body.teamId);
        const generated = body.password === undefined ? generatePassword() : null;
        const passwordHash = await hashChecked(body.password ?? generated ?? '');
        const user = await deps.users.create({ email: body.email, name: body.name, role: body.role, teamId: body.teamId, passwordHash });
        await recordAudit(deps.audit, request, { action: 'users.create', targetType: 'user', targetId: user.id, after: user });
        reply.code(201);
        // A generated password is in this answer once; it is stored only as its hash.
        return generated === null ? { user } : { user, password: generated };
    });
    app.get('/api/users/:id', { config: { permission: 'users.read' } }, async (request) => {
        const id = idParam(request.params);
        return found(await deps.users.findById(id), 'user', id);
    });
    app.patch('/api/users/:id', { config: { permission: 'users.manage' } }, async (request) => {
        const id = idParam(request.params);
        const before = found(await deps.users.findById(id), 'user', id);
        const body = parseWithSchema(updateSchema, request.body);
        await requireTeamWhenSet(deps, body.teamId);
        await assertKeepsAnAdmin(deps, before, body);
        const passwordHash = body.password === undefined ? undefined : await hashChecked(body.password);
        const after = found(await deps.users.update(id, { name: body.name, role: body.role, teamId: body.teamId, disabled: body.disabled, passwordHash }), 'user', id);
        const endsSessions = passwordHash !== undefined || body.disabled === true || (body.role !== undefined && body.role !== before.role);
        if (endsSessions)
            await deps.sessions.revokeAllForUser(id);
        await recordAudit(deps.audit, request, {
            action: 'users.update',
            targetType: 'user',
            targetId: id,
            before,
            after: { ...after, ...(passwordHash === undefined ? {} : { passwordChanged: true }), ...(endsSessions ? { sessionsEnded: true } : {}) },
        });
        return after;
    });
    app.delete('/api/users/:id', { config: { permission: 'users.manage' } }, async (request, reply) => {
        const id = idParam(request.params);
        const before = found(await deps.users.findById(id), 'user', id);
        await assertKeepsAnAdmin(deps, before, 'delete');
        const [keys, budgets, limits] = await Promise.all([
            deps.keys.list({ userId: id, includeRevoked: false }),
            deps.budgets.list({ scopeType: 'user', scopeId: id }),
            deps.rateLimits.listByScope('user', id),
        ]);
        // Ends the sessions first: that also drops them from the session cache, so tokens stop at once.
        await deps.sessions.revokeAllForUser(id);
        await deps.users.delete(id);
        for (const key of keys)
            deps.forgetKey(key.id);
        // Budgets and limits of a user who is gone could never apply again.
        for (const budget of budgets)
            await deps.budgets.delete(budget.id);
        for (const limit of limits)
            await deps.rateLimits.delete(limit.id);
        if (budgets.length > 0 || limits.length > 0)
            await deps.policy.reload();
        await recordAudit(deps.audit, request, {
            action: 'users.delete',
            targetType: 'user',
            targetId: id,
            before: {
                ...before,
                revokedKeys: keys.map((key) => key.id),
                deletedBudgets: budgets.map((budget) => budget.id),
                deletedRateLimits: limits.map((limit) => limit.id),
            },
        });
        reply.code(204);
    });
}
//# sourceMappingURL=users-routes.js.map