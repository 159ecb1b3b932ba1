/**
 * Puts governance together for app.ts: repositories, the shared counters (Redis when REDIS_URL is
 * set, in-process otherwise), the policy snapshot and its loader, dashboard sessions, the secret
 * box for provider credentials (applied to the running providers), and the management API's
 * authoriser. Returns what the data plane and the management routes need, and a close().
 */

import type { Logger } from 'pino';
import type { ProviderSettings } from '../core/index.js';
import type { ResolvedConfig } from '../config/index.js';
import type { ResolveSecret } from '../pipeline/authenticate.js';
import type { BudgetLedger, CounterStore } from '../pipeline/ports.js';
import type { AuthorizeApi, UserPrincipal } from '../pipeline/request-state.js';
import {
  AnalyticsRepository,
  AuditRepository,
  BudgetsRepository,
  KeysRepository,
  ProviderCredentialsRepository,
  RateLimitsRepository,
  SessionsRepository,
  SettingsRepository,
  SpendRepository,
  TeamsRepository,
  UsersRepository,
} from '../store/index.js';
import type { Database } from '../store/index.js';
import { createApiAuthorizer } from './api-authorizer.js';
import { createBudgetLedger, createCounterStore, openRedisConnection } from './limits/index.js';
import type { RedisConnection } from './limits/index.js';
import { createPolicyLoader } from './policy-loader.js';
import type { PolicyReloader } from './policy-loader.js';
import { applyStoredCredentials } from './provider-credentials.js';
import { resolveSecretBox } from './secret-box-key.js';
import type { SecretBox } from './secret-box.js';
import { SessionService } from './session-service.js';
import { deriveJwtSecret } from './tokens.js';

export interface AssembledGovernance {
  counters: CounterStore;
  ledger: BudgetLedger;
  loader: PolicyReloader;
  sessions: SessionService;
  authorizeApi: AuthorizeApi;
  box: SecretBox;
  redis: RedisConnection | null;
  repositories: GovernanceRepositories;
  close(): Promise<void>;
}

/** The stores governance and the management routes work with. */
export interface GovernanceRepositories {
  keys: KeysRepository;
  users: UsersRepository;
  teams: TeamsRepository;
  audit: AuditRepository;
  budgets: BudgetsRepository;
  rateLimits: RateLimitsRepository;
  credentials: ProviderCredentialsRepository;
  spend: SpendRepository;
  /** Usage, latency and cost over time for /api/ai/analytics/*. */
  analytics: AnalyticsRepository;
}

export async function assembleGovernance(options: {
  config: ResolvedConfig;
  database: Database;
  keys: KeysRepository;
  masterKeyHash: string;
  resolveSecret: ResolveSecret;
  providers: readonly ProviderSettings[];
  logger: Logger;
  /** Told when a budget crosses a threshold (after it is logged): the event bus, for the live feed and metrics. */
  onBudgetThreshold?: (event: { budgetId: string; budgetName: string; threshold: number; spentUsd: number; limitUsd: number }) => void;
}): Promise<AssembledGovernance> {
  const { config, database, logger } = options;
  const db = database.db;
  const repositories: GovernanceRepositories = {
    keys: options.keys,
    users: new UsersRepository(db),
    teams: new TeamsRepository(db),
    audit: new AuditRepository(db),
    budgets: new BudgetsRepository(db),
    rateLimits: new RateLimitsRepository(db),
    credentials: new ProviderCredentialsRepository(db),
    spend: new SpendRepository(db),
    analytics: new AnalyticsRepository(db, { dialect: database.dialect }),
  };
  const redis = config.redisUrl ? await openRedisConnection({ url: config.redisUrl, logger }) : null;
  const counters = createCounterStore({ redis: redis ?? undefined, logger });
  const ledger = createBudgetLedger({ redis: redis ?? undefined, logger });
  const loader = await createPolicyLoader({
    governance: config.governance,
    budgets: repositories.budgets,
    rateLimits: repositories.rateLimits,
    teams: repositories.teams,
    users: repositories.users,
    spend: repositories.spend,
    ledger,
    refreshIntervalMs: 10_000,
    onThreshold: (event) => {
      logger.warn(
        { budgetId: event.budget.id, budget: event.budget.name, threshold: event.threshold, spentUsd: event.spentUsd, limitUsd: event.budget.limitUsd },
        `budget "${event.budget.name}" reached ${event.threshold}% of its limit`,
      );
      options.onBudgetThreshold?.({
        budgetId: event.budget.id,
        budgetName: event.budget.name,
        threshold: event.threshold,
        spentUsd: event.spentUsd,
        limitUsd: event.budget.limitUsd,
      });
    },
    onError: (error) => logger.warn({ err: error }, 'reloading the governance policy failed; keeping the previous one'),
  });
  const sessions = new SessionService({
    users: repositories.users,
    sessions: new SessionsRepository(db),
    secret: deriveJwtSecret({ jwtSecret: config.jwtSecret ?? null, masterKeyHash: options.masterKeyHash }),
    accessTtlMs: config.governance.sessions.accessTtlMs,
    refreshTtlMs: config.governance.sessions.refreshTtlMs,
  });
  const verifyAccessToken = async (token: string): Promise<UserPrincipal> => {
    const user = await sessions.authenticate(token);
    // The e-mail names the caller in the audit log; management calls are rare enough for one lookup.
    const record = await repositories.users.findById(user.userId);
    return { id: user.userId, email: record?.email ?? user.userId, role: user.role, teamId: user.teamId, sessionId: user.sessionId };
  };
  const secretBox = await resolveSecretBox({
    encryptionKey: config.encryptionKey ?? null,
    masterKey: config.server.masterKey ?? null,
    settings: new SettingsRepository(db),
  });
  if (secretBox.check === 'mismatched') {
    logger.error('stored provider credentials were encrypted with another key (SWITCHYARD_ENCRYPTION_KEY or master key changed); they cannot be used');
  } else {
    await applyStoredCredentials({ repository: repositories.credentials, box: secretBox.box, providers: options.providers, logger });
  }
  return {
    counters,
    ledger,
    loader,
    sessions,
    authorizeApi: createApiAuthorizer({ resolveSecret: options.resolveSecret, verifyAccessToken }),
    box: secretBox.box,
    redis,
    repositories,
    async close() {
      loader.stop();
      await redis?.close();
    },
  };
}
