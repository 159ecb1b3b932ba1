/**
 * The management API's part of the document, gathered for openapi-document.ts: its paths, tags,
 * schemas, error responses and the user-token security scheme. withPermission() states the
 * permission of /api operations described elsewhere (the multi-model endpoints) the same way.
 */
import { ACCOUNT_SCHEMAS, AUTH_ACCOUNT_PATHS } from './management-auth-account.js';
import { MANAGEMENT_BODY_SCHEMAS } from './management-bodies.js';
import { ANALYTICS_PATHS, ANALYTICS_SCHEMAS } from './management-analytics.js';
import { BUDGETS_PATHS } from './management-budgets.js';
import { MANAGEMENT_SECURITY, MANAGEMENT_SECURITY_SCHEMES, MANAGEMENT_TAGS, managementErrorComponents, permissionSentence } from './management-components.js';
import { CREDENTIALS_AUDIT_PATHS } from './management-credentials-audit.js';
import { HEALTH_PATHS, HEALTH_SCHEMAS } from './management-health.js';
import { KEYS_PATHS } from './management-keys.js';
import { METRICS_PATHS, METRICS_SCHEMAS } from './management-metrics.js';
import { MANAGEMENT_RECORD_SCHEMAS } from './management-schemas.js';
import { USERS_PATHS } from './management-users.js';
import { HTTP_METHODS } from './openapi-types.js';
export { MANAGEMENT_SECURITY, MANAGEMENT_SECURITY_SCHEMES, MANAGEMENT_TAGS, managementErrorComponents };
export const MANAGEMENT_PATHS = {
    ...AUTH_ACCOUNT_PATHS,
    ...KEYS_PATHS,
    ...USERS_PATHS,
    ...BUDGETS_PATHS,
    ...CREDENTIALS_AUDIT_PATHS,
    ...ANALYTICS_PATHS,
    ...METRICS_PATHS,
    ...HEALTH_PATHS,
};
export const MANAGEMENT_SCHEMAS = {
    ...MANAGEMENT_RECORD_SCHEMAS,
    ...ACCOUNT_SCHEMAS,
    ...MANAGEMENT_BODY_SCHEMAS,
    ...ANALYTICS_SCHEMAS,
    ...METRICS_SCHEMAS,
    ...HEALTH_SCHEMAS,
};
/** The same paths with every operation marked as needing `permission`, which management callers (keys and user tokens) may hold. */
export function withPermission(paths, permission) {
    const marked = {};
    for (const [path, item] of Object.entries(paths)) {
        const copy = { ...item };
        for (const method of HTTP_METHODS) {
            const operation = item[method];
            if (operation === undefined)
                continue;
            const description = operation.description === undefined ? permissionSentence(permission) : `${operation.description}\n\n${permissionSentence(permission)}`;
            copy[method] = { ...operation, description, security: MANAGEMENT_SECURITY, 'x-switchyard-permission': permission };
        }
        marked[path] = copy;
    }
    return marked;
}
//# sourceMappingURL=management-paths.js.map