/**
 * What the data plane needs from the outside, declared here and implemented elsewhere (store/ for
 * SQLite/Postgres, in-memory versions for tests and benchmarks). The data plane never imports store/.
 */

import type { InboundProtocol, Usage } from '../core/index.js';

/** A virtual key as the data plane sees it. The secret itself is never held, only its hash. */
export interface KeyRecord {
  id: string;
  name: string;
  /** The first characters of the key, shown in lists (`sy-abc123…`). */
  prefix: string;
  /** Model groups this key may use; null means all. */
  models: string[] | null;
  /** Endpoint families the key may call; the data plane needs 'data'. */
  scopes: Array<'data' | 'management'>;
  /** Tier name, used by rate limits later (`standard`, `premium`, `enterprise`). */
  tier: string;
  teamId: string | null;
  userId: string | null;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

export interface KeyLookup {
  /** Finds a key by the SHA-256 hex digest of its secret; null when none matches. */
  findByHash(hash: string): Promise<KeyRecord | null>;
}

export type UsageOutcome = 'success' | 'error' | 'client_disconnected';

/** One row per accepted request, success or not. */
export interface UsageRow {
  requestId: string;
  createdAt: Date;
  /** Null when the master key was used. */
  keyId: string | null;
  protocol: InboundProtocol;
  endpoint: 'chat' | 'messages' | 'embeddings';
  /** The model name the client sent. */
  modelGroup: string;
  /** Provider id that served the final attempt, or null when none was reached. */
  provider: string | null;
  deploymentId: string | null;
  upstreamModel: string | null;
  stream: boolean;
  promptTokens: number;
  completionTokens: number;
  cachedTokens: number;
  /** True when a token count came from our tokenizer. */
  tokensEstimated: boolean;
  costUsd: number;
  latencyMs: number;
  /** Time to first token (first content byte sent), ms; null when nothing was sent. */
  ttftMs: number | null;
  /** HTTP status sent to the client. */
  status: number;
  outcome: UsageOutcome;
  errorCode: string | null;
  attempts: number;
}

export interface UsageRecorder {
  /** Queues a row; never blocks the request and never throws. */
  record(row: UsageRow): void;
  /** Writes every queued row; resolves when they are stored. */
  flush(): Promise<void>;
}

export type { Usage };
