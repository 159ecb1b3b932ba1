/**
 * The management API's governance routes: sign-in, keys, account and usage, and (registered by
 * their own modules) users, teams, budgets, rate limits, provider credentials and the audit log.
 * Every route declares the permission it needs in its config; the onRequest hook in
 * build-server.ts authorises the caller before the handler runs.
 */
import { registerAccountRoutes } from './account-routes.js';
import { registerAiConfigRoutes } from './ai-config-routes.js';
import { registerAnalyticsRoutes } from './analytics-routes.js';
import { registerAuditRoutes } from './audit-routes.js';
import { registerAuthRoutes } from './auth-routes.js';
import { registerBudgetsRoutes } from './budgets-routes.js';
import { registerCredentialsRoutes } from './credentials-routes.js';
import { registerKeysRoutes } from './keys-routes.js';
import { registerMetricsRoutes } from './metrics-routes.js';
import { registerRateLimitsRoutes } from './rate-limits-routes.js';
import { registerTeamsRoutes } from './teams-routes.js';
import { registerUsersRoutes } from './users-routes.js';
export function registerManagementRoutes(app, deps) {
    registerAuthRoutes(app, deps);
    registerKeysRoutes(app, deps);
    registerAccountRoutes(app, deps);
    registerUsersRoutes(app, deps);
    registerTeamsRoutes(app, deps);
    registerBudgetsRoutes(app, deps);
    registerRateLimitsRoutes(app, deps);
    registerCredentialsRoutes(app, deps);
    registerAuditRoutes(app, deps);
    registerAnalyticsRoutes(app, deps);
    if (deps.routing)
        registerAiConfigRoutes(app, { ...deps.routing, audit: deps.audit });
    if (deps.metrics)
        registerMetricsRoutes(app, deps.metrics);
}
//# sourceMappingURL=index.js.map