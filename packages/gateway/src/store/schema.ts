/**
 * Kysely table types: the database as the store sees it. Column names are snake_case, timestamps
 * are epoch milliseconds in a bigint column (read back as numbers on both dialects, see db.ts),
 * booleans are integers 0/1 and lists are JSON text, so one migration fits SQLite and Postgres.
 */

import type { Generated } from 'kysely';
import type { InboundProtocol } from '../core/index.js';
import type { UsageOutcome, UsageRow } from '../pipeline/ports.js';

/** Epoch milliseconds (bigint column). */
export type EpochMs = number;
/** 0 or 1 (integer column). */
export type IntegerBoolean = 0 | 1;

export interface ApiKeysTable {
  /** `key_` + random base62. */
  id: string;
  name: string;
  /** The first 12 characters of the secret, shown in lists. */
  prefix: string;
  /** SHA-256 hex digest of the secret; the secret itself is never stored. */
  hash: string;
  /** JSON array of model groups, or null for all. */
  models: string | null;
  /** JSON array of scopes (`data`, `management`). */
  scopes: string;
  tier: Generated<string>;
  team_id: string | null;
  user_id: string | null;
  created_at: EpochMs;
  expires_at: EpochMs | null;
  revoked_at: EpochMs | null;
  last_used_at: EpochMs | null;
  /** Added by 0002: the role a management key acts with; null means admin. */
  role: string | null;
  description: string | null;
  /** The key this one replaced by rotation, and the key that replaced this one. */
  rotated_from: string | null;
  rotated_to: string | null;
}

/** One row per accepted request; mirrors UsageRow in pipeline/ports.ts. */
export interface UsageTable {
  request_id: string;
  created_at: EpochMs;
  key_id: string | null;
  /** Added by 0003; null for the master key and for rows written before it. */
  user_id: string | null;
  team_id: string | null;
  protocol: InboundProtocol;
  endpoint: UsageRow['endpoint'];
  model_group: string;
  provider: string | null;
  deployment_id: string | null;
  upstream_model: string | null;
  stream: IntegerBoolean;
  prompt_tokens: number;
  completion_tokens: number;
  cached_tokens: number;
  tokens_estimated: IntegerBoolean;
  cost_usd: number;
  latency_ms: number;
  ttft_ms: number | null;
  status: number;
  outcome: UsageOutcome;
  error_code: string | null;
  attempts: number;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: EpochMs;
}

/* Governance tables (migration 0002). Closed sets (role, scope types, periods…) are text columns
 * here and literal unions in the repositories, which narrow what they read. */

export interface TeamsTable {
  /** `team_` + random base62. */
  id: string;
  name: string;
  created_at: EpochMs;
}

export interface UsersTable {
  /** `usr_` + random base62. */
  id: string;
  /** Stored lower-cased and trimmed; unique. */
  email: string;
  name: string | null;
  /** argon2id PHC string; never leaves the store except for password verification. */
  password_hash: string;
  role: string;
  team_id: string | null;
  created_at: EpochMs;
  updated_at: EpochMs;
  disabled_at: EpochMs | null;
  last_login_at: EpochMs | null;
}

export interface SessionsTable {
  /** `ses_` + random base62; the `sid` claim of the session's access tokens. */
  id: string;
  user_id: string;
  /** SHA-256 hex of the current refresh token. */
  refresh_hash: string;
  created_at: EpochMs;
  expires_at: EpochMs;
  revoked_at: EpochMs | null;
  last_used_at: EpochMs;
  ip: string | null;
  user_agent: string | null;
}

/** Refresh tokens a session rotated away from, to recognise their reuse. */
export interface SessionRetiredRefreshTable {
  refresh_hash: string;
  session_id: string;
  retired_at: EpochMs;
}

export interface AuditLogTable {
  /** `aud_` + random base62. */
  id: string;
  created_at: EpochMs;
  actor_type: string;
  actor_id: string | null;
  actor_label: string;
  action: string;
  target_type: string;
  target_id: string | null;
  ip: string | null;
  before_json: string | null;
  after_json: string | null;
}

export interface BudgetsTable {
  /** `bud_` + random base62. */
  id: string;
  name: string;
  scope_type: string;
  /** Null for the global budget. */
  scope_id: string | null;
  limit_usd: number;
  period: string;
  /** JSON array of percentages, e.g. [50,80,100]. */
  thresholds_json: string;
  /** The last manual reset; spend before it does not count in the current period. */
  reset_at: EpochMs | null;
  created_at: EpochMs;
  updated_at: EpochMs;
}

export interface RateLimitsTable {
  /** `rl_` + random base62. */
  id: string;
  scope_type: string;
  scope_id: string | null;
  metric: string;
  limit: number;
  window_ms: number;
  model: string | null;
  provider: string | null;
  created_at: EpochMs;
}

export interface ProviderCredentialsTable {
  /** `cred_` + random base62. */
  id: string;
  provider: string;
  name: string;
  /** SecretBox output (`v1.` + base64 of iv|tag|ciphertext); the plain secret is never stored. */
  ciphertext: string;
  /** The secret's last 4 characters at most, shown in lists. */
  hint: string;
  created_at: EpochMs;
  updated_at: EpochMs;
}

export interface Schema {
  api_keys: ApiKeysTable;
  usage: UsageTable;
  settings: SettingsTable;
  teams: TeamsTable;
  users: UsersTable;
  sessions: SessionsTable;
  session_retired_refresh: SessionRetiredRefreshTable;
  audit_log: AuditLogTable;
  budgets: BudgetsTable;
  rate_limits: RateLimitsTable;
  provider_credentials: ProviderCredentialsTable;
}
