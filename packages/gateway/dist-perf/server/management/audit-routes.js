/**
 * GET /api/audit: the audit log, newest first, filtered by actor, action prefix (`keys.` or
 * `keys.create`), target and time range, in pages: `nextCursor` continues where a page ended.
 */
import { GatewayError } from '../../core/index.js';
import { dateQuery } from './input.js';
const ACTOR_TYPES = ['master', 'user', 'key'];
function actorType(value) {
    if (value === undefined || value === '')
        return undefined;
    const match = ACTOR_TYPES.find((candidate) => candidate === value);
    if (match === undefined)
        throw new GatewayError('SY_ERR_INVALID_REQUEST', `actorType must be one of ${ACTOR_TYPES.join(', ')}.`, { param: 'actorType' });
    return match;
}
function limitOf(value) {
    if (value === undefined || value === '')
        return 100;
    const limit = Number(value);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
        throw new GatewayError('SY_ERR_INVALID_REQUEST', 'limit must be an integer from 1 to 1000.', { param: 'limit' });
    return limit;
}
const text = (value) => (value === undefined || value === '' ? undefined : value);
export function registerAuditRoutes(app, deps) {
    app.get('/api/audit', { config: { permission: 'audit.read' } }, async (request) => {
        const query = request.query;
        const page = await deps.audit.query({
            actorType: actorType(query.actorType),
            actorId: text(query.actorId),
            actionPrefix: text(query.action),
            targetType: text(query.targetType),
            targetId: text(query.targetId),
            since: dateQuery(query, 'since'),
            until: dateQuery(query, 'until'),
            limit: limitOf(query.limit),
            cursor: text(query.cursor),
        });
        return { data: page.entries, nextCursor: page.nextCursor };
    });
}
//# sourceMappingURL=audit-routes.js.map