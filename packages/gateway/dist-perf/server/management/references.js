/**
 * Checks that the team, user or key a request names exists, so that a budget, limit or user is
 * never attached to an id that matches nothing (it would silently never apply). A missing target
 * is a 400 naming the field, not a 404: the URL itself was found.
 */
import { GatewayError } from '../../core/index.js';
export async function requireTarget(deps, target) {
    const exists = target.kind === 'team'
        ? await deps.teams.findById(target.id)
        : target.kind === 'user'
            ? await deps.users.findById(target.id)
            : await deps.keys.findById(target.id);
    if (exists === null) {
        throw new GatewayError('SY_ERR_INVALID_REQUEST', `${target.param}: no ${target.kind} with id '${target.id}'.`, { param: target.param });
    }
}
/** A team id in a body, checked when it is set (null detaches). */
export async function requireTeamWhenSet(deps, teamId) {
    if (teamId !== undefined && teamId !== null)
        await requireTarget(deps, { kind: 'team', id: teamId, param: 'teamId' });
}
/** For scopes that name a team, user or key: that it exists. IPs and model groups are taken as given. */
export async function requireScopeTarget(deps, scope) {
    if (scope.scopeId === undefined || scope.scopeId === null)
        return;
    if (scope.scope === 'team' || scope.scope === 'user' || scope.scope === 'key') {
        await requireTarget(deps, { kind: scope.scope, id: scope.scopeId, param: 'scopeId' });
    }
}
//# sourceMappingURL=references.js.map