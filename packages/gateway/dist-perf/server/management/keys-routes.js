/**
 * Virtual keys: create (the secret is in the answer once and never again), list, read, change,
 * rotate (the old key keeps working for a grace period), revoke. Every change is audited and
 * drops the key from the authentication cache at once.
 */
import { z } from 'zod';
import { ROLES } from '../../governance/roles.js';
import { callerOf } from '../request-context.js';
import { recordAudit } from './audit.js';
import { dateInput, idParam, parseWithSchema } from './input.js';
import { assertMayTouchKey, assertOwnKeyRequest, callerTeamId, callerUserId, managesAllKeys } from './ownership.js';
const keyFields = {
    name: z.string().min(1).max(200),
    models: z.array(z.string().min(1)).nullable().optional(),
    scopes: z.array(z.enum(['data', 'management'])).min(1).optional(),
    tier: z.string().min(1).max(64).optional(),
    expiresAt: dateInput.nullable().optional(),
    teamId: z.string().min(1).nullable().optional(),
    userId: z.string().min(1).nullable().optional(),
    role: z.enum(ROLES).nullable().optional(),
    description: z.string().max(1000).nullable().optional(),
};
const createSchema = z.strictObject(keyFields);
const updateSchema = z.strictObject({ ...keyFields, name: keyFields.name.optional() });
const rotateSchema = z.strictObject({
    /** How long the old key keeps working, ms; the config's keyRotationGrace by default. */
    graceMs: z.number().int().min(0).max(90 * 86_400_000).optional(),
    expiresAt: dateInput.nullable().optional(),
});
export function registerKeysRoutes(app, deps) {
    app.get('/api/keys', { config: { permission: 'keys.own' } }, async (request) => {
        const caller = callerOf(request);
        const query = request.query;
        const includeRevoked = query.includeRevoked !== 'false';
        if (managesAllKeys(caller)) {
            return { data: await deps.keys.list({ userId: query.userId, teamId: query.teamId, includeRevoked }) };
        }
        const userId = callerUserId(caller);
        return { data: userId === null ? [] : await deps.keys.list({ userId, includeRevoked }) };
    });
    app.post('/api/keys', { config: { permission: 'keys.own' } }, async (request, reply) => {
        const caller = callerOf(request);
        const body = parseWithSchema(createSchema, request.body);
        assertOwnKeyRequest(caller, body);
        const own = !managesAllKeys(caller);
        const { record, secret } = await deps.keys.create({
            ...body,
            userId: own ? callerUserId(caller) : (body.userId ?? null),
            teamId: own ? callerTeamId(caller) : (body.teamId ?? null),
        });
        await recordAudit(deps.audit, request, { action: 'keys.create', targetType: 'key', targetId: record.id, after: record });
        reply.code(201);
        return { key: record, secret };
    });
    app.get('/api/keys/:id', { config: { permission: 'keys.own' } }, async (request) => {
        const id = idParam(request.params);
        return assertMayTouchKey(callerOf(request), await deps.keys.findById(id), id);
    });
    app.patch('/api/keys/:id', { config: { permission: 'keys.own' } }, async (request) => {
        const caller = callerOf(request);
        const id = idParam(request.params);
        const before = assertMayTouchKey(caller, await deps.keys.findById(id), id);
        const body = parseWithSchema(updateSchema, request.body);
        assertOwnKeyRequest(caller, body);
        const after = await deps.keys.update(id, body);
        deps.forgetKey(id);
        await recordAudit(deps.audit, request, { action: 'keys.update', targetType: 'key', targetId: id, before, after });
        await deps.policy.reload();
        return after;
    });
    app.post('/api/keys/:id/rotate', { config: { permission: 'keys.own' } }, async (request) => {
        const caller = callerOf(request);
        const id = idParam(request.params);
        assertMayTouchKey(caller, await deps.keys.findById(id), id);
        const body = parseWithSchema(rotateSchema, request.body ?? {});
        const rotated = await deps.keys.rotate(id, { graceMs: body.graceMs ?? deps.governance.keyRotationGraceMs, expiresAt: body.expiresAt });
        if (!rotated)
            return assertMayTouchKey(caller, null, id);
        deps.forgetKey(id);
        await recordAudit(deps.audit, request, {
            action: 'keys.rotate',
            targetType: 'key',
            targetId: id,
            before: rotated.previous,
            after: rotated.record,
        });
        return { key: rotated.record, secret: rotated.secret, previous: rotated.previous };
    });
    const revoke = async (request) => {
        const caller = callerOf(request);
        const id = idParam(request.params);
        const before = assertMayTouchKey(caller, await deps.keys.findById(id), id);
        const after = await deps.keys.revoke(id);
        deps.forgetKey(id);
        await recordAudit(deps.audit, request, { action: 'keys.revoke', targetType: 'key', targetId: id, before, after });
        return after;
    };
    app.post('/api/keys/:id/revoke', { config: { permission: 'keys.own' } }, revoke);
    app.delete('/api/keys/:id', { config: { permission: 'keys.own' } }, revoke);
}
//# sourceMappingURL=keys-routes.js.map