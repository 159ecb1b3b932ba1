/** The storage layer: the only code that knows SQL. Opens the database, migrates it, and implements the data plane's ports. */
export { openDatabase, type Database, type Dialect, type OpenDatabaseOptions } from './db.js';
export { parseDatabaseUrl, type DatabaseTarget } from './database-url.js';
export { migrateToLatest } from './migrate.js';
export { MIGRATIONS } from './migrations/index.js';
export type {
  Schema,
  ApiKeysTable,
  UsageTable,
  SettingsTable,
  TeamsTable,
  UsersTable,
  SessionsTable,
  SessionRetiredRefreshTable,
  AuditLogTable,
  BudgetsTable,
  RateLimitsTable,
  ProviderCredentialsTable,
} from './schema.js';
export { generateKeySecret, hashKey, keyPrefix, randomBase62, KEY_PREFIX_LENGTH, KEY_SECRET_PREFIX } from './key-secret.js';
export {
  KeysRepository,
  KEY_SCOPES,
  type CreateKeyInput,
  type KeyListFilter,
  type KeyScope,
  type RotateKeyOptions,
  type StoredKeyRecord,
  type UpdateKeyInput,
} from './keys-repository.js';
export { UsageRepository, type UsageFilter, type UsageListOptions } from './usage-repository.js';
export { SettingsRepository } from './settings-repository.js';
export { RoutingOverridesRepository, type StoredRoutingOverrides } from './routing-overrides-repository.js';
export { TeamsRepository, type TeamRecord } from './teams-repository.js';
export { UsersRepository, normalizeEmail, type CreateUserInput, type UpdateUserInput, type UserListFilter, type UserRecord } from './users-repository.js';
export {
  SessionsRepository,
  type ActiveSessionPrincipal,
  type CreateSessionInput,
  type RotateSessionInput,
  type SessionRecord,
} from './sessions-repository.js';
export { AuditRepository, redactSecrets, type AppendAuditInput, type AuditActorType, type AuditEntry, type AuditPage, type AuditQuery } from './audit-repository.js';
export {
  BudgetsRepository,
  BUDGET_PERIODS,
  BUDGET_SCOPE_TYPES,
  DEFAULT_BUDGET_THRESHOLDS,
  type BudgetPeriod,
  type BudgetRecord,
  type BudgetScopeType,
  type CreateBudgetInput,
  type UpdateBudgetInput,
} from './budgets-repository.js';
export {
  RateLimitsRepository,
  RATE_LIMIT_METRICS,
  RATE_LIMIT_SCOPE_TYPES,
  type CreateRateLimitInput,
  type RateLimitMetric,
  type RateLimitRecord,
  type RateLimitScopeType,
  type UpdateRateLimitInput,
} from './rate-limits-repository.js';
export {
  ProviderCredentialsRepository,
  type CreateProviderCredentialInput,
  type ProviderCredentialRecord,
  type UpdateProviderCredentialInput,
} from './provider-credentials-repository.js';
export { isUniqueViolation } from './row-helpers.js';
export {
  AnalyticsRepository,
  ANALYTICS_GROUP_BY,
  LATENCY_BIN_RATIO,
  ZERO_BIN,
  type AnalyticsFilter,
  type AnalyticsGroupBy,
  type AnalyticsQuery,
  type HistogramBin,
  type LatencyBinRow,
  type TtftBinRow,
  type UsageAggregate,
} from './analytics-repository.js';
export { SpendRepository, SPEND_GROUP_BY, type SpendAggregateOptions, type SpendFilter, type SpendGroup, type SpendGroupBy, type SpendScope, type SpendTotals } from './spend-repository.js';
export {
  BatchingUsageRecorder,
  type BatchingUsageRecorderOptions,
  type UsageBatchSink,
  type UsageDropEvent,
  type UsageWriterLogger,
  type UsageWriterStats,
} from './usage-writer.js';
