/**
 * Authorises management API calls. The caller is the master key (acts as admin), a key scoped to
 * `management` (acts with the key's role, admin when it names none), a dashboard user's access
 * token (acts with the user's role), or a data-plane key (may only use models and read its own
 * account). Every management route declares the one permission it needs; this checks it.
 */

import { GatewayError } from '../core/index.js';
import { extractKey, missingKeyError } from '../pipeline/authenticate.js';
import type { ResolveSecret } from '../pipeline/authenticate.js';
import type { ApiCaller, AuthorizeApi, Principal, UserPrincipal } from '../pipeline/request-state.js';
import { DATA_KEY_PERMISSIONS, ROLE_PERMISSIONS, isRole } from './roles.js';
import type { Permission, Role } from './roles.js';

/** A JWT is three base64url parts; keys never contain dots. */
const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** Route config value for routes anyone may call (login, refresh). */
export const PUBLIC_ROUTE = 'public';

const ROLE_SETS: Record<Role, ReadonlySet<string>> = {
  admin: new Set(ROLE_PERMISSIONS.admin),
  supervisor: new Set(ROLE_PERMISSIONS.supervisor),
  developer: new Set(ROLE_PERMISSIONS.developer),
  operations: new Set(ROLE_PERMISSIONS.operations),
  viewer: new Set(ROLE_PERMISSIONS.viewer),
};
const DATA_KEY_SET: ReadonlySet<string> = new Set<string>(DATA_KEY_PERMISSIONS);

export function callerFor(principal: Principal): ApiCaller {
  switch (principal.kind) {
    case 'master':
      return { principal, role: 'admin', permissions: ROLE_SETS.admin, label: 'master key' };
    case 'user': {
      const role: Role = isRole(principal.user.role) ? principal.user.role : 'viewer';
      return { principal, role, permissions: ROLE_SETS[role], label: `user ${principal.user.email}` };
    }
    case 'key': {
      const { key } = principal;
      const label = `key ${key.id} (${key.prefix}…)`;
      if (!key.scopes.includes('management')) return { principal, role: null, permissions: DATA_KEY_SET, label };
      const role: Role = isRole(key.role) ? key.role : 'admin';
      return { principal, role, permissions: ROLE_SETS[role], label };
    }
  }
}

export function createApiAuthorizer(options: {
  resolveSecret: ResolveSecret;
  /** Verifies a dashboard user's access token (signature, expiry, live session). */
  verifyAccessToken: (token: string) => Promise<UserPrincipal>;
}): AuthorizeApi {
  return async function authorize(headers, permission) {
    if (permission === PUBLIC_ROUTE) return { principal: { kind: 'master' }, role: null, permissions: new Set(), label: 'anonymous' };
    const secret = extractKey(headers);
    if (secret === null) throw missingKeyError();
    const principal: Principal = JWT_SHAPE.test(secret)
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

function describe(permission: string): string {
  const [area, verb] = permission.split('.');
  return verb === 'read' ? `read ${area}` : verb === 'manage' ? `manage ${area}` : `${verb} ${area}`;
}

export type { Permission };
