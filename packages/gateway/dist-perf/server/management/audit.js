/**
 * Writes one audit entry for a management action: who (the authorised caller), what (action and
 * target), when, from where (the client address), and the record before and after. The entry is
 * written before the answer is sent, so an action that answered 2xx is always in the log.
 */
import { callerOf } from '../request-context.js';
export async function recordAudit(audit, request, change) {
    const caller = callerOf(request);
    const principal = caller.principal;
    await audit.append({
        actorType: principal.kind,
        actorId: principal.kind === 'key' ? principal.key.id : principal.kind === 'user' ? principal.user.id : null,
        actorLabel: caller.label,
        action: change.action,
        targetType: change.targetType,
        targetId: change.targetId,
        ip: request.ip,
        before: change.before ?? null,
        after: change.after ?? null,
    });
}
//# sourceMappingURL=audit.js.map