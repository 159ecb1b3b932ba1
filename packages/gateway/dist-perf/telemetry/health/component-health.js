/**
 * The health report's shape and the one rule that turns component statuses into an overall one:
 * a required component down makes the gateway down (not ready); anything else that is not ok
 * makes it degraded (it still serves, with less: per-replica limits, fewer deployments, a backlog).
 */
const RANK = { ok: 0, degraded: 1, down: 2 };
export function overallStatus(components) {
    let status = 'ok';
    for (const component of Object.values(components)) {
        if (component.status === 'down' && component.required)
            return 'down';
        // An optional component being down leaves the gateway serving: degraded, not down.
        const effective = component.status === 'down' ? 'degraded' : component.status;
        if (RANK[effective] > RANK[status])
            status = effective;
    }
    return status;
}
/** The worse of two statuses. */
export function worse(a, b) {
    return RANK[a] >= RANK[b] ? a : b;
}
/** A queue's status from its fill: degraded from 80 % of its limit, down when full (it is refusing work). */
export function queueHealth(options) {
    const { length, limit, what } = options;
    if (limit <= 0)
        return { status: 'ok', detail: `${length} ${what} queued`, length, limit: null };
    const share = length / limit;
    const status = share >= 1 ? 'down' : share >= 0.8 ? 'degraded' : 'ok';
    return { status, detail: `${length} of ${limit} ${what} queued (${Math.round(share * 100)} %)`, length, limit };
}
/** /ready's view of a report: ready unless a required component is down; every component listed. */
export function readinessOf(report) {
    const checks = {};
    for (const [name, component] of Object.entries(report.components))
        checks[name] = { ok: component.status === 'ok', status: component.status, detail: component.detail };
    return { ready: report.status !== 'down', checks };
}
//# sourceMappingURL=component-health.js.map