/**
 * Rate limits managed at run time: list (the stored ones, plus the config file's tiers and scoped
 * limits, read-only), create, read, change, delete. A limit counts
 * `requests` or `tokens` per window (`per`: milliseconds or "15m"-style text) for one key, user,
 * team, IP or model group, or for all traffic. Every change reloads the policy at once.
 */
import { isIP } from 'node:net';
import { z } from 'zod';
import { GatewayError } from '../../core/index.js';
import { parseDuration } from '../../config/index.js';
import { formatWindow } from '../../governance/format-window.js';
import { RATE_LIMIT_SCOPE_TYPES } from '../../store/index.js';
import { recordAudit } from './audit.js';
import { found, idParam, notFound, parseWithSchema } from './input.js';
import { requireScopeTarget } from './references.js';
const count = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const per = z.union([z.number(), z.string().max(32)]).transform((value, context) => {
    const ms = parseDuration(value);
    if (ms === undefined || ms <= 0) {
        context.addIssue({ code: 'custom', message: 'expected a duration such as "90s", "15m", "24h", "7d" or milliseconds' });
        return z.NEVER;
    }
    return ms;
});
const oneMetric = (limit) => limit.requests === undefined || limit.tokens === undefined;
const ONE_METRIC = { message: 'a limit counts either `requests` or `tokens`; create two limits for both' };
const createSchema = z
    .strictObject({
    scope: z.enum(RATE_LIMIT_SCOPE_TYPES),
    scopeId: z.string().min(1).max(200).nullable().optional(),
    requests: count.optional(),
    tokens: count.optional(),
    per,
    /** Only requests to this model group count. */
    model: z.string().min(1).max(200).nullable().optional(),
    /** Only calls to this provider count (a per-provider cap, checked when a deployment is chosen). */
    provider: z.string().min(1).max(200).nullable().optional(),
})
    .refine((limit) => oneMetric(limit) && (limit.requests !== undefined || limit.tokens !== undefined), ONE_METRIC)
    .refine((limit) => !limit.provider || limit.requests !== undefined, { message: 'a per-provider limit counts `requests`', path: ['provider'] });
const updateSchema = z
    .strictObject({ requests: count.optional(), tokens: count.optional(), per: per.optional(), model: z.string().min(1).max(200).nullable().optional() })
    .refine(oneMetric, ONE_METRIC);
function view(record) {
    const where = record.scopeType === 'global' ? 'all traffic' : `${record.scopeType} ${record.scopeId ?? ''}`;
    const model = (record.model === null ? '' : ` (model ${record.model})`) + (record.provider === null ? '' : ` (calls to provider ${record.provider})`);
    return {
        ...record,
        source: 'api',
        per: formatWindow(record.windowMs),
        description: `${record.limit} ${record.metric} per ${formatWindow(record.windowMs)} for ${where}${model}`,
    };
}
export function registerRateLimitsRoutes(app, deps) {
    app.get('/api/rate-limits', { config: { permission: 'budgets.read' } }, async () => {
        const { tiers, premiumModels, rateLimits, providerDailyCaps } = deps.governance;
        return {
            data: (await deps.rateLimits.list()).map(view),
            // The config file's limits: read-only here, changed by editing the file.
            config: { source: 'config', tiers, premiumModels, rateLimits, providerDailyCaps },
        };
    });
    app.post('/api/rate-limits', { config: { permission: 'budgets.manage' } }, async (request, reply) => {
        const body = parseWithSchema(createSchema, request.body);
        if (body.scope === 'ip' && typeof body.scopeId === 'string' && isIP(body.scopeId) === 0) {
            throw new GatewayError('SY_ERR_INVALID_REQUEST', `scopeId: '${body.scopeId}' is not an IP address.`, { param: 'scopeId' });
        }
        await requireScopeTarget(deps, { scope: body.scope, scopeId: body.scopeId });
        if (body.provider && !deps.providers.some((provider) => provider.id === body.provider)) {
            const known = [...new Set(deps.providers.map((provider) => provider.id))].join(', ');
            throw new GatewayError('SY_ERR_INVALID_REQUEST', `provider: unknown provider '${body.provider}' (configured: ${known}).`, { param: 'provider' });
        }
        const record = await deps.rateLimits.create({
            scopeType: body.scope,
            scopeId: body.scopeId,
            metric: body.requests !== undefined ? 'requests' : 'tokens',
            limit: body.requests ?? body.tokens ?? 0,
            windowMs: body.per,
            model: body.model,
            provider: body.provider,
        });
        await deps.policy.reload();
        await recordAudit(deps.audit, request, { action: 'rate_limits.create', targetType: 'rate_limit', targetId: record.id, after: record });
        reply.code(201);
        return view(record);
    });
    app.get('/api/rate-limits/:id', { config: { permission: 'budgets.read' } }, async (request) => {
        const id = idParam(request.params);
        return view(found(await deps.rateLimits.findById(id), 'rate limit', id));
    });
    app.patch('/api/rate-limits/:id', { config: { permission: 'budgets.manage' } }, async (request) => {
        const id = idParam(request.params);
        const before = found(await deps.rateLimits.findById(id), 'rate limit', id);
        const body = parseWithSchema(updateSchema, request.body);
        const metric = body.requests !== undefined ? 'requests' : body.tokens !== undefined ? 'tokens' : undefined;
        const after = found(await deps.rateLimits.update(id, { metric, limit: body.requests ?? body.tokens, windowMs: body.per, model: body.model }), 'rate limit', id);
        await deps.policy.reload();
        await recordAudit(deps.audit, request, { action: 'rate_limits.update', targetType: 'rate_limit', targetId: id, before, after });
        return view(after);
    });
    app.delete('/api/rate-limits/:id', { config: { permission: 'budgets.manage' } }, async (request, reply) => {
        const id = idParam(request.params);
        const before = found(await deps.rateLimits.findById(id), 'rate limit', id);
        if (!(await deps.rateLimits.delete(id)))
            throw notFound('rate limit', id);
        await deps.policy.reload();
        await recordAudit(deps.audit, request, { action: 'rate_limits.delete', targetType: 'rate_limit', targetId: id, before });
        reply.code(204);
    });
}
//# sourceMappingURL=rate-limits-routes.js.map