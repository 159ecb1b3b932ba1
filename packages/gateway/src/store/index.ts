/** The storage layer: the only code that knows SQL. Opens the database, migrates it, and implements the data plane's ports. */
export { openDatabase, type Database, type Dialect, type OpenDatabaseOptions } from './db.js';
export { parseDatabaseUrl, type DatabaseTarget } from './database-url.js';
export { migrateToLatest } from './migrate.js';
export { MIGRATIONS } from './migrations/index.js';
export type { Schema, ApiKeysTable, UsageTable, SettingsTable } from './schema.js';
export { generateKeySecret, hashKey, keyPrefix, KEY_PREFIX_LENGTH, KEY_SECRET_PREFIX } from './key-secret.js';
export { KeysRepository, type CreateKeyInput, type KeyScope, type StoredKeyRecord } from './keys-repository.js';
export { UsageRepository, type UsageFilter, type UsageListOptions } from './usage-repository.js';
export { SettingsRepository } from './settings-repository.js';
export {
  BatchingUsageRecorder,
  type BatchingUsageRecorderOptions,
  type UsageBatchSink,
  type UsageDropEvent,
  type UsageWriterLogger,
  type UsageWriterStats,
} from './usage-writer.js';
