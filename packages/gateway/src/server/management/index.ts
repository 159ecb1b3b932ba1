/**
 * The management API's governance routes: sign-in, keys, account and usage, and (registered by
 * their own modules) users, teams, budgets, rate limits, provider credentials and the audit log.
 * Every route declares the permission it needs in its config; the onRequest hook in
 * build-server.ts authorises the caller before the handler runs.
 */

import type { FastifyInstance } from 'fastify';
import type { SessionService } from '../../governance/session-service.js';
import { registerAccountRoutes } from './account-routes.js';
import { registerAuthRoutes } from './auth-routes.js';
import type { ManagementDeps } from './deps.js';
import { registerKeysRoutes } from './keys-routes.js';

export type { ManagementDeps } from './deps.js';

export function registerManagementRoutes(app: FastifyInstance, deps: ManagementDeps & { sessions: SessionService }): void {
  registerAuthRoutes(app, deps);
  registerKeysRoutes(app, deps);
  registerAccountRoutes(app, deps);
}
