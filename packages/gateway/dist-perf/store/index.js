/** The storage layer: the only code that knows SQL. Opens the database, migrates it, and implements the data plane's ports. */
export { openDatabase } from './db.js';
export { parseDatabaseUrl } from './database-url.js';
export { migrateToLatest } from './migrate.js';
export { MIGRATIONS } from './migrations/index.js';
export { generateKeySecret, hashKey, keyPrefix, randomBase62, KEY_PREFIX_LENGTH, KEY_SECRET_PREFIX } from './key-secret.js';
export { KeysRepository, KEY_SCOPES, } from './keys-repository.js';
export { UsageRepository } from './usage-repository.js';
export { SettingsRepository } from './settings-repository.js';
export { RoutingOverridesRepository } from './routing-overrides-repository.js';
export { TeamsRepository } from './teams-repository.js';
export { UsersRepository, normalizeEmail } from './users-repository.js';
export { SessionsRepository, } from './sessions-repository.js';
export { AuditRepository, redactSecrets } from './audit-repository.js';
export { BudgetsRepository, BUDGET_PERIODS, BUDGET_SCOPE_TYPES, DEFAULT_BUDGET_THRESHOLDS, } from './budgets-repository.js';
export { RateLimitsRepository, RATE_LIMIT_METRICS, RATE_LIMIT_SCOPE_TYPES, } from './rate-limits-repository.js';
export { ProviderCredentialsRepository, } from './provider-credentials-repository.js';
export { isUniqueViolation } from './row-helpers.js';
export { AnalyticsRepository, ANALYTICS_GROUP_BY, LATENCY_BIN_RATIO, ZERO_BIN, } from './analytics-repository.js';
export { SpendRepository, SPEND_GROUP_BY } from './spend-repository.js';
export { BatchingUsageRecorder, } from './usage-writer.js';
//# sourceMappingURL=index.js.map