/**
 * Puts governance together for app.ts: repositories, the shared counters (Redis when REDIS_URL is
 * set, in-process otherwise), the policy snapshot and its loader, dashboard sessions, the secret
 * box for provider credentials (applied to the running providers), and the management API's
 * authoriser. Returns what the data plane and the management routes need, and a close().
 */
import { AnalyticsRepository, AuditRepository, BudgetsRepository, ProviderCredentialsRepository, RateLimitsRepository, SessionsRepository, SettingsRepository, SpendRepository, TeamsRepository, UsersRepository, } from '../store/index.js';
import { createApiAuthorizer } from './api-authorizer.js';
import { createBudgetLedger, createCounterStore, createRedisConnection } from './limits/index.js';
import { createPolicyLoader } from './policy-loader.js';
import { applyStoredCredentials } from './provider-credentials.js';
import { resolveSecretBox } from './secret-box-key.js';
import { SessionService } from './session-service.js';
import { deriveJwtSecret } from './tokens.js';
export async function assembleGovernance(options) {
    const { config, database, logger } = options;
    const db = database.db;
    const repositories = {
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
    const redis = config.redisUrl ? createRedisConnection({ url: config.redisUrl, logger }) : null;
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
            logger.warn({ budgetId: event.budget.id, budget: event.budget.name, threshold: event.threshold, spentUsd: event.spentUsd, limitUsd: event.budget.limitUsd }, `budget "${event.budget.name}" reached ${event.threshold}% of its limit`);
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
    const verifyAccessToken = async (token) => {
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
    }
    else {
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
//# sourceMappingURL=assemble.js.map