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
}

/** One row per accepted request; mirrors UsageRow in pipeline/ports.ts. */
export interface UsageTable {
  request_id: string;
  created_at: EpochMs;
  key_id: string | null;
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

export interface Schema {
  api_keys: ApiKeysTable;
  usage: UsageTable;
  settings: SettingsTable;
}
