/**
 * Authorises management API calls. The caller is the master key (acts as admin), a key scoped to
 * `management` (acts with the key's role, admin when it names none), a dashboard user's access
 * token (acts with the user's role), or a data-plane key (may only use models and read its own
 * account). Every management route declares the one permission it needs; this checks it.
 */
import { GatewayError } from '../core/index.js';
import { extractKey, missingKeyError } from '../pipeline/authenticate.js';
import { DATA_KEY_PERMISSIONS, ROLE_PERMISSIONS, isRole } from './roles.js';
/** A JWT is three base64url parts; keys never contain dots. */
const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
/** Route config value for routes anyone may call (login, refresh). */
export const PUBLIC_ROUTE = 'public';
const ROLE_SETS = {
    admin: new Set(ROLE_PERMISSIONS.admin),
    supervisor: new Set(ROLE_PERMISSIONS.supervisor),
    developer: new Set(ROLE_PERMISSIONS.developer),
    operations: new Set(ROLE_PERMISSIONS.operations),
    viewer: new Set(ROLE_PERMISSIONS.viewer),
};
const DATA_KEY_SET = new Set(DATA_KEY_PERMISSIONS);
export function callerFor(principal) {
    switch (principal.kind) {
        case 'master':
            return { principal, role: 'admin', permissions: ROLE_SETS.admin, label: 'master key' };
        case 'user': {
            const role = isRole(principal.user.role) ? principal.user.role : 'viewer';
            return { principal, role, permissions: ROLE_SETS[role], label: `user ${principal.user.email}` };
        }
        case 'key': {
            const { key } = principal;
            const label = `key ${key.id} (${key.prefix}…)`;
            if (!key.scopes.includes('management'))
                return { principal, role: null, permissions: DATA_KEY_SET, label };
            const role = isRole(key.role) ? key.role : 'admin';
            return { principal, role, permissions: ROLE_SETS[role], label };
        }
    }
}
export function createApiAuthorizer(options) {
    return async function authorize(headers, permission) {
        if (permission === PUBLIC_ROUTE)
            return { principal: { kind: 'master' }, role: null, permissions: new Set(), label: 'anonymous' };
        const secret = extractKey(headers);
        if (secret === null)
            throw missingKeyError();
        const principal = JWT_SHAPE.test(secret)
            ? { kind: 'user', user: await options.verifyAccessToken(secret) }
            : await options.resolveSecret(secret);
        const caller = callerFor(principal);
        if (!caller.permissions.has(permission)) {
            const who = caller.role === null ? 'a key scoped to the data plane' : `role "${caller.role}"`;
            throw new GatewayError('SY_ERR_FORBIDDEN', `Permission denied: ${who} may not ${describe(permission)} (needs "${permission}").`);
        }
        return caller;
    };
}
function describe(permission) {
    const [area, verb] = permission.split('.');
    return verb === 'read' ? `read ${area}` : verb === 'manage' ? `manage ${area}` : `${verb} ${area}`;
}
//# sourceMappingURL=api-authorizer.js.map