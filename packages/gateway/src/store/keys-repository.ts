/**
 * Virtual API keys in the `api_keys` table. Implements the data plane's KeyLookup port; the
 * management API and the CLI use the rest (create, list, revoke). The secret is returned once by
 * create() and never stored: only its SHA-256 digest and its first 12 characters are.
 */

import type { Kysely, Selectable } from 'kysely';
import type { KeyLookup, KeyRecord } from '../pipeline/ports.js';
import { generateKeySecret, hashKey, keyPrefix, randomBase62 } from './key-secret.js';
import type { ApiKeysTable, Schema } from './schema.js';

export type KeyScope = 'data' | 'management';

export interface CreateKeyInput {
  name: string;
  /** Model groups the key may use; null or absent means all. */
  models?: string[] | null;
  /** Defaults to ['data']. */
  scopes?: KeyScope[];
  /** Defaults to 'standard'. */
  tier?: string;
  expiresAt?: Date | null;
  teamId?: string | null;
  userId?: string | null;
}

/** A key as the control plane sees it: the data plane's record plus bookkeeping. */
export interface StoredKeyRecord extends KeyRecord {
  lastUsedAt: Date | null;
}

const KEY_ID_RANDOM_LENGTH = 16;

export class KeysRepository implements KeyLookup {
  readonly #db: Kysely<Schema>;

  constructor(db: Kysely<Schema>) {
    this.#db = db;
  }

  /** Creates a key; the returned secret is the only copy and must be shown to the user once. */
  async create(input: CreateKeyInput): Promise<{ record: StoredKeyRecord; secret: string }> {
    const secret = generateKeySecret();
    const row: Selectable<ApiKeysTable> = {
      id: `key_${randomBase62(KEY_ID_RANDOM_LENGTH)}`,
      name: input.name,
      prefix: keyPrefix(secret),
      hash: hashKey(secret),
      models: input.models == null ? null : JSON.stringify(input.models),
      scopes: JSON.stringify(input.scopes ?? ['data']),
      tier: input.tier ?? 'standard',
      team_id: input.teamId ?? null,
      user_id: input.userId ?? null,
      created_at: Date.now(),
      expires_at: input.expiresAt == null ? null : input.expiresAt.getTime(),
      revoked_at: null,
      last_used_at: null,
    };
    await this.#db.insertInto('api_keys').values(row).execute();
    return { record: toRecord(row), secret };
  }

  /** All keys, revoked ones included, newest first. */
  async list(): Promise<StoredKeyRecord[]> {
    const rows = await this.#db.selectFrom('api_keys').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
    return rows.map(toRecord);
  }

  async findById(id: string): Promise<StoredKeyRecord | null> {
    const row = await this.#db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? null : toRecord(row);
  }

  /** KeyLookup: revoked and expired keys are returned too, so the caller can say which it is. */
  async findByHash(hash: string): Promise<StoredKeyRecord | null> {
    const row = await this.#db.selectFrom('api_keys').selectAll().where('hash', '=', hash).executeTakeFirst();
    return row === undefined ? null : toRecord(row);
  }

  /**
   * Revokes a key named by its id or by the prefix shown in lists (a trailing `…` is ignored).
   * Returns the key (revoking twice keeps the first time), or null when nothing matches; throws
   * when a prefix matches several keys.
   */
  async revoke(idOrPrefix: string): Promise<StoredKeyRecord | null> {
    const needle = idOrPrefix.trim().replace(/(…|\.\.\.)$/, '');
    if (needle === '') return null;
    const matches = await this.#db
      .selectFrom('api_keys')
      .selectAll()
      .where((eb) => eb.or([eb('id', '=', needle), eb('prefix', '=', needle)]))
      .execute();
    const target = matches.find((row) => row.id === needle) ?? (matches.length === 1 ? matches[0] : undefined);
    if (target === undefined) {
      if (matches.length > 1) throw new Error(`Key prefix "${needle}" matches ${matches.length} keys; revoke by id instead.`);
      return null;
    }
    if (target.revoked_at !== null) return toRecord(target);
    const revokedAt = Date.now();
    await this.#db
      .updateTable('api_keys')
      .set({ revoked_at: revokedAt })
      .where('id', '=', target.id)
      .where('revoked_at', 'is', null)
      .execute();
    return this.findById(target.id);
  }

  /** Records that a key was used: one UPDATE by primary key. Callers should not await it on the hot path. */
  async touch(id: string, at: Date = new Date()): Promise<void> {
    await this.#db.updateTable('api_keys').set({ last_used_at: at.getTime() }).where('id', '=', id).execute();
  }
}

function toRecord(row: Selectable<ApiKeysTable>): StoredKeyRecord {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    models: row.models === null ? null : parseStringArray(row.models),
    scopes: parseStringArray(row.scopes).filter(isScope),
    tier: row.tier,
    teamId: row.team_id,
    userId: row.user_id,
    createdAt: new Date(Number(row.created_at)),
    expiresAt: toDate(row.expires_at),
    revokedAt: toDate(row.revoked_at),
    lastUsedAt: toDate(row.last_used_at),
  };
}

function toDate(value: number | null): Date | null {
  return value === null ? null : new Date(Number(value));
}

function parseStringArray(text: string): string[] {
  const parsed: unknown = JSON.parse(text);
  return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : [];
}

function isScope(value: string): value is KeyScope {
  return value === 'data' || value === 'management';
}
