/**
 * Whose keys a caller may touch. Callers with `keys.manage` (admin, supervisor, the master key)
 * manage every key; callers with only `keys.own` (developers, operations) manage the keys of their
 * own user, and may create only data-plane keys of the standard tier for themselves.
 */
import { GatewayError } from '../../core/index.js';
export function callerUserId(caller) {
    const { principal } = caller;
    if (principal.kind === 'user')
        return principal.user.id;
    if (principal.kind === 'key')
        return principal.key.userId;
    return null;
}
export function callerTeamId(caller) {
    const { principal } = caller;
    if (principal.kind === 'user')
        return principal.user.teamId;
    if (principal.kind === 'key')
        return principal.key.teamId;
    return null;
}
export function managesAllKeys(caller) {
    return caller.permissions.has('keys.manage');
}
/** Throws a 404 (not a 403: a caller learns nothing about keys that are not theirs) unless the caller may touch the key. */
export function assertMayTouchKey(caller, key, id) {
    const userId = callerUserId(caller);
    if (key && (managesAllKeys(caller) || (userId !== null && key.userId === userId)))
        return key;
    throw new GatewayError('SY_ERR_NOT_FOUND', `No key with id '${id}'.`);
}
/** A caller that manages only its own keys may not grant more than it has. */
export function assertOwnKeyRequest(caller, request) {
    if (managesAllKeys(caller))
        return;
    if (callerUserId(caller) === null)
        throw new GatewayError('SY_ERR_FORBIDDEN', 'Only a signed-in user (or a key belonging to one) can create keys of its own.');
    const problems = [];
    if (request.scopes && request.scopes.some((scope) => scope !== 'data'))
        problems.push('scopes other than "data"');
    if (request.tier !== undefined && request.tier !== 'standard')
        problems.push(`tier "${request.tier}"`);
    if (request.role !== undefined && request.role !== null)
        problems.push('a role');
    if (request.userId !== undefined && request.userId !== callerUserId(caller))
        problems.push("another user's key");
    if (request.teamId !== undefined && request.teamId !== callerTeamId(caller))
        problems.push("another team's key");
    if (problems.length > 0) {
        throw new GatewayError('SY_ERR_FORBIDDEN', `Permission denied: creating or changing ${problems.join(', ')} needs "keys.manage".`);
    }
}
//# sourceMappingURL=ownership.js.map