/**
 * Roles and what each may do on the management API. Every management route declares one
 * permission (route config `permission`); the auth hook checks the caller's role against this
 * matrix, and a test fails for any /api route that declares none. docs/governance.md prints it.
 */
export const ROLES = ['admin', 'supervisor', 'developer', 'operations', 'viewer'];
export const PERMISSIONS = [
    /** Send prompts through /api/ai/request, /consensus, /multiple, /test. */
    'models.query',
    /** Read models, deployments, routing state and health. */
    'models.read',
    /** Change models, deployments, weights, strategies, the default model and routing rules. */
    'models.manage',
    /** Create, rotate and revoke one's own keys and read them. */
    'keys.own',
    /** Read and manage every key. */
    'keys.manage',
    /** Read users and teams. */
    'users.read',
    /** Create, change and delete users and teams. */
    'users.manage',
    /** Read budgets and their spend. */
    'budgets.read',
    /** Create, change, reset and delete budgets and rate limits. */
    'budgets.manage',
    /** Add, replace and remove provider credentials (never read back whole). */
    'credentials.manage',
    /** Read alerts. */
    'alerts.read',
    /** Acknowledge and resolve alerts. */
    'alerts.acknowledge',
    /** Create and change alert rules and channels. */
    'alerts.manage',
    /** Run and restore backups. */
    'backups.run',
    /** Read usage, spend, metrics and analytics of everyone. */
    'analytics.read',
    /** Read the audit log. */
    'audit.read',
    /** Read one's own account: key, tier, limits, remaining budget, usage. */
    'account.read',
];
const ALL = PERMISSIONS;
/** Why each role has what it has: see docs/governance.md. */
export const ROLE_PERMISSIONS = {
    admin: ALL,
    supervisor: [
        'models.query', 'models.read', 'models.manage', 'keys.own', 'keys.manage', 'users.read', 'budgets.read', 'budgets.manage',
        'alerts.read', 'alerts.acknowledge', 'alerts.manage', 'analytics.read', 'audit.read', 'account.read',
    ],
    operations: [
        'models.read', 'models.manage', 'keys.own', 'budgets.read', 'alerts.read', 'alerts.acknowledge', 'alerts.manage', 'backups.run',
        'analytics.read', 'account.read',
    ],
    developer: ['models.query', 'models.read', 'keys.own', 'alerts.read', 'account.read'],
    viewer: ['models.read', 'budgets.read', 'alerts.read', 'analytics.read', 'account.read'],
};
/** What a key scoped to the data plane only may do on /api: use models and read its own account. */
export const DATA_KEY_PERMISSIONS = ['models.query', 'models.read', 'account.read'];
export function isRole(value) {
    return typeof value === 'string' && ROLES.includes(value);
}
export function isPermission(value) {
    return typeof value === 'string' && PERMISSIONS.includes(value);
}
export function roleAllows(role, permission) {
    return ROLE_PERMISSIONS[role].includes(permission);
}
//# sourceMappingURL=roles.js.map