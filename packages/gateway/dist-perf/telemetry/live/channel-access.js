/**
 * Who may subscribe to which live channel, decided at subscribe time from the caller's
 * permissions (src/governance/roles.ts), and which rows of the `requests` tail a caller sees:
 *
 * - `ai_metrics` and `performance` need `analytics.read`: they carry everyone's traffic and spend
 *   and the process's state, as GET /api/ai/metrics and /metrics do.
 * - `load_balancer` needs `models.read`: it is GET /api/ai/routing, live.
 * - `alerts` needs `alerts.read`.
 * - `requests`: `analytics.read` sees every row; otherwise `keys.own` (developers) sees the rows
 *   of its own user (its keys and its signed-in calls), and a key scoped to the data plane the rows
 *   of that key only.
 */
export const CHANNEL_PERMISSIONS = {
    ai_metrics: 'analytics.read',
    performance: 'analytics.read',
    load_balancer: 'models.read',
    alerts: 'alerts.read',
};
const EVERY_ROW = () => true;
function who(caller) {
    return caller.role === null ? 'a key scoped to the data plane' : `role "${caller.role}"`;
}
/** Which usage rows of the tail the caller may see, or null when none. */
function ownRows(caller) {
    if (caller.permissions.has('analytics.read'))
        return EVERY_ROW;
    const { principal } = caller;
    if (caller.role === null && principal.kind === 'key') {
        const keyId = principal.key.id;
        return (row) => row.keyId === keyId;
    }
    if (!caller.permissions.has('keys.own'))
        return null;
    if (principal.kind === 'user') {
        const userId = principal.user.id;
        return (row) => row.userId === userId;
    }
    if (principal.kind === 'key') {
        const { id: keyId, userId } = principal.key;
        return userId === null ? (row) => row.keyId === keyId : (row) => row.userId === userId;
    }
    return null;
}
/** May the caller subscribe to the channel; for `requests`, which rows (own rows, narrowed by the filter). */
export function channelAccess(caller, channel, filter = {}) {
    if (channel !== 'requests') {
        const permission = CHANNEL_PERMISSIONS[channel];
        if (caller.permissions.has(permission))
            return { allowed: true, rows: null };
        return { allowed: false, reason: `Permission denied: ${who(caller)} may not subscribe to ${channel} (needs "${permission}").` };
    }
    const own = ownRows(caller);
    if (own === null)
        return { allowed: false, reason: `Permission denied: ${who(caller)} may not subscribe to requests (needs "analytics.read", or "keys.own" for its own keys).` };
    const { model, keyId } = filter;
    if (model === undefined && keyId === undefined)
        return { allowed: true, rows: own };
    return { allowed: true, rows: (row) => (model === undefined || row.modelGroup === model) && (keyId === undefined || row.keyId === keyId) && own(row) };
}
/** The channels a caller may subscribe to (told once it is authenticated). */
export function allowedChannels(caller, channels) {
    return channels.filter((channel) => channelAccess(caller, channel).allowed);
}
//# sourceMappingURL=channel-access.js.map