/**
 * Dashboard sign-in: POST /api/auth/login (e-mail and password → a short-lived access token and a
 * refresh token), /api/auth/refresh (rotates the refresh token), /api/auth/logout (ends the
 * session, so its access tokens stop working too), GET /api/auth/me.
 */
import { z } from 'zod';
import { GatewayError } from '../../core/index.js';
import { callerOf } from '../request-context.js';
import { recordAudit } from './audit.js';
import { parseWithSchema } from './input.js';
const loginSchema = z.strictObject({ email: z.string().min(3).max(320), password: z.string().min(1).max(1024) });
const refreshSchema = z.strictObject({ refreshToken: z.string().min(1).max(512) });
function tokensAnswer(issued) {
    return {
        accessToken: issued.accessToken,
        tokenType: 'Bearer',
        expiresAt: issued.expiresAt.toISOString(),
        refreshToken: issued.refreshToken,
        refreshExpiresAt: issued.refreshExpiresAt.toISOString(),
        user: issued.user,
    };
}
export function registerAuthRoutes(app, deps) {
    app.post('/api/auth/login', { config: { permission: 'public' } }, async (request) => {
        const body = parseWithSchema(loginSchema, request.body);
        const userAgent = typeof request.headers['user-agent'] === 'string' ? request.headers['user-agent'] : null;
        const issued = await deps.sessions.login(body.email, body.password, { ip: request.ip, userAgent });
        await deps.audit.append({
            actorType: 'user',
            actorId: issued.user.id,
            actorLabel: `user ${issued.user.email}`,
            action: 'auth.login',
            targetType: 'session',
            targetId: issued.sessionId,
            ip: request.ip,
        });
        return tokensAnswer(issued);
    });
    app.post('/api/auth/refresh', { config: { permission: 'public' } }, async (request) => {
        const body = parseWithSchema(refreshSchema, request.body);
        return tokensAnswer(await deps.sessions.refresh(body.refreshToken));
    });
    app.post('/api/auth/logout', { config: { permission: 'account.read' } }, async (request, reply) => {
        const caller = callerOf(request);
        if (caller.principal.kind !== 'user') {
            throw new GatewayError('SY_ERR_INVALID_REQUEST', 'Logout ends a signed-in session; this call was made with an API key, not a session token.');
        }
        const { sessionId } = caller.principal.user;
        await deps.sessions.logout(sessionId);
        await recordAudit(deps.audit, request, { action: 'auth.logout', targetType: 'session', targetId: sessionId });
        reply.code(204);
    });
    app.get('/api/auth/me', { config: { permission: 'account.read' } }, async (request) => {
        const caller = callerOf(request);
        const { principal } = caller;
        const user = principal.kind === 'user' ? await deps.users.findById(principal.user.id) : null;
        return { kind: principal.kind, role: caller.role, permissions: [...caller.permissions].sort(), user, label: caller.label };
    });
}
//# sourceMappingURL=auth-routes.js.map