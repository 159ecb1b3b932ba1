/**
 * Virtual API keys in the `api_keys` table. Implements the data plane's KeyLookup port; the
 * management API and the CLI use the rest (create, list, update, rotate, revoke). The secret is
 * returned once by create() and rotate() and never stored: only its SHA-256 digest and its first
 * 12 characters are.
 *
 * Rotation with a grace period: rotate() creates a new key carrying the old one's settings and
 * links the two (rotated_from on the new key, rotated_to on the old); the old key keeps working
 * until its expires_at, which becomes now + grace (never later than an expiry it already had).
 */

import type { Kysely, Selectable, Updateable } from 'kysely';
import { GatewayError } from '../core/index.js';
import { isRole, type Role } from '../governance/roles.js';
import type { KeyLookup, KeyRecord } from '../pipeline/ports.js';
import { generateKeySecret, hashKey, keyPrefix, randomBase62 } from './key-secret.js';
import { inputOneOf, invalidInput, parseStringArray, toDate } from './row-helpers.js';
import type { ApiKeysTable, Schema } from './schema.js';

export const KEY_SCOPES = ['data', 'management'] as const;
export type KeyScope = (typeof KEY_SCOPES)[number];

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
  /** The role a management-scoped key acts with; null or absent means admin. */
  role?: Role | null;
  description?: string | null;
}

/** Fields update() changes; absent fields are kept. */
export type UpdateKeyInput = Partial<
  Pick<CreateKeyInput, 'name' | 'models' | 'scopes' | 'tier' | 'expiresAt' | 'teamId' | 'userId' | 'role' | 'description'>
>;

export interface KeyListFilter {
  userId?: string;
  teamId?: string;
  /** Defaults to true. */
  includeRevoked?: boolean;
}

export interface RotateKeyOptions {
  /** How long the old key keeps working, ms (0: it stops at once). */
  graceMs: number;
  /** The new key's expiry; defaults to the old key's expiry. */
  expiresAt?: Date | null;
  /** Defaults to now. */
  at?: Date;
}

/** A key as the control plane sees it: the data plane's record plus bookkeeping. */
export interface StoredKeyRecord extends KeyRecord {
  role: Role | null;
  description: string | null;
  lastUsedAt: Date | null;
  /** The key this one replaced by rotation. */
  rotatedFrom: string | null;
  /** The key that replaced this one by rotation. */
  rotatedTo: string | null;
}

const KEY_ID_RANDOM_LENGTH = 16;

export class KeysRepository implements KeyLookup {
  readonly #db: Kysely<Schema>;

  constructor(db: Kysely<Schema>) {
    this.#db = db;
  }

  /** Creates a key; the returned secret is the only copy and must be shown to the user once. */
  async create(input: CreateKeyInput): Promise<{ record: StoredKeyRecord; secret: string }> {
    const { row, secret } = newKeyRow(input, Date.now());
    await this.#db.insertInto('api_keys').values(row).execute();
    return { record: toRecord(row), secret };
  }

  /** Keys, newest first; revoked ones included unless filtered out. */
  async list(filter: KeyListFilter = {}): Promise<StoredKeyRecord[]> {
    let query = this.#db.selectFrom('api_keys').selectAll();
    if (filter.userId !== undefined) query = query.where('user_id', '=', filter.userId);
    if (filter.teamId !== undefined) query = query.where('team_id', '=', filter.teamId);
    if (filter.includeRevoked === false) query = query.where('revoked_at', 'is', null);
    const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
    return rows.map(toRecord);
  }

  /** Changes the given fields; null when the key does not exist. The secret never changes (rotate for that). */
  async update(id: string, input: UpdateKeyInput): Promise<StoredKeyRecord | null> {
    const changes: Updateable<ApiKeysTable> = {};
    if (input.name !== undefined) changes.name = requireName(input.name);
    if (input.models !== undefined) changes.models = input.models === null ? null : JSON.stringify(input.models);
    if (input.scopes !== undefined) changes.scopes = JSON.stringify(requireScopes(input.scopes));
    if (input.tier !== undefined) changes.tier = input.tier;
    if (input.expiresAt !== undefined) changes.expires_at = input.expiresAt === null ? null : input.expiresAt.getTime();
    if (input.teamId !== undefined) changes.team_id = input.teamId;
    if (input.userId !== undefined) changes.user_id = input.userId;
    if (input.role !== undefined) changes.role = requireRole(input.role);
    if (input.description !== undefined) changes.description = input.description;
    if (Object.keys(changes).length > 0) await this.#db.updateTable('api_keys').set(changes).where('id', '=', id).execute();
    return this.findById(id);
  }

  /**
   * Replaces a key: a new secret and record with the old one's name, models, scopes, tier, team,
   * user, role and description; the old key expires after the grace period. Null when the key
   * does not exist; SY_ERR_CONFLICT when it is revoked, expired or already rotated.
   */
  async rotate(id: string, options: RotateKeyOptions): Promise<{ record: StoredKeyRecord; secret: string; previous: StoredKeyRecord } | null> {
    const at = (options.at ?? new Date()).getTime();
    if (!Number.isFinite(options.graceMs) || options.graceMs < 0) throw invalidInput('graceMs', 'The grace period must be 0 or more milliseconds.');
    return this.#db.transaction().execute(async (transaction) => {
      const old = await transaction.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
      if (old === undefined) return null;
      if (old.revoked_at !== null) throw new GatewayError('SY_ERR_CONFLICT', `Key ${old.prefix}… is revoked; create a new key instead.`);
      if (old.rotated_to !== null) throw new GatewayError('SY_ERR_CONFLICT', `Key ${old.prefix}… was already rotated to ${old.rotated_to}; rotate that key instead.`);
      if (old.expires_at !== null && old.expires_at <= at) throw new GatewayError('SY_ERR_CONFLICT', `Key ${old.prefix}… has expired; create a new key instead.`);
      const previousRecord = toRecord(old);
      const { row, secret } = newKeyRow(
        {
          ...previousRecord,
          expiresAt: options.expiresAt === undefined ? previousRecord.expiresAt : options.expiresAt,
        },
        at,
      );
      row.rotated_from = old.id;
      const graceEnd = Math.min(at + options.graceMs, old.expires_at ?? Number.POSITIVE_INFINITY);
      // Conditional on rotated_to still being null, so that of two concurrent rotations one wins.
      const claimed = await transaction
        .updateTable('api_keys')
        .set({ rotated_to: row.id, expires_at: graceEnd })
        .where('id', '=', old.id)
        .where('rotated_to', 'is', null)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) === 0) throw new GatewayError('SY_ERR_CONFLICT', `Key ${old.prefix}… is being rotated or revoked concurrently.`);
      await transaction.insertInto('api_keys').values(row).execute();
      return { record: toRecord(row), secret, previous: { ...previousRecord, rotatedTo: row.id, expiresAt: new Date(graceEnd) } };
    });
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
    const target = await this.findByIdOrPrefix(idOrPrefix);
    if (target === null) return null;
    if (target.revokedAt !== null) return target;
    const revokedAt = Date.now();
    await this.#db
      .updateTable('api_keys')
      .set({ revoked_at: revokedAt })
      .where('id', '=', target.id)
      .where('revoked_at', 'is', null)
      .execute();
    return this.findById(target.id);
  }

  /**
   * A key named by its id or by the prefix shown in lists (a trailing `…` is ignored); null when
   * nothing matches; throws when a prefix matches several keys.
   */
  async findByIdOrPrefix(idOrPrefix: string): Promise<StoredKeyRecord | null> {
    const needle = idOrPrefix.trim().replace(/(\u2026|\.\.\.)$/, '');
    if (needle === '') return null;
    const matches = await this.#db
      .selectFrom('api_keys')
      .selectAll()
      .where((eb) => eb.or([eb('id', '=', needle), eb('prefix', '=', needle)]))
      .execute();
    const target = matches.find((row) => row.id === needle) ?? (matches.length === 1 ? matches[0] : undefined);
    if (target === undefined) {
      if (matches.length > 1) throw new Error(`Key prefix "${needle}" matches ${matches.length} keys; use its id instead.`);
      return null;
    }
    return toRecord(target);
  }

  /** Records that a key was used: one UPDATE by primary key. Callers should not await it on the hot path. */
  async touch(id: string, at: Date = new Date()): Promise<void> {
    await this.#db.updateTable('api_keys').set({ last_used_at: at.getTime() }).where('id', '=', id).execute();
  }
}

function newKeyRow(input: CreateKeyInput, at: number): { row: Selectable<ApiKeysTable>; secret: string } {
  const secret = generateKeySecret();
  const row: Selectable<ApiKeysTable> = {
    id: `key_${randomBase62(KEY_ID_RANDOM_LENGTH)}`,
    name: requireName(input.name),
    prefix: keyPrefix(secret),
    hash: hashKey(secret),
    models: input.models == null ? null : JSON.stringify(input.models),
    scopes: JSON.stringify(requireScopes(input.scopes ?? ['data'])),
    tier: input.tier ?? 'standard',
    team_id: input.teamId ?? null,
    user_id: input.userId ?? null,
    created_at: at,
    expires_at: input.expiresAt == null ? null : input.expiresAt.getTime(),
    revoked_at: null,
    last_used_at: null,
    role: requireRole(input.role ?? null),
    description: input.description ?? null,
    rotated_from: null,
    rotated_to: null,
  };
  return { row, secret };
}

function requireName(name: string): string {
  if (name.trim() === '') throw invalidInput('name', 'A key needs a non-empty name.');
  return name;
}

function requireScopes(scopes: readonly string[]): KeyScope[] {
  if (scopes.length === 0) throw invalidInput('scopes', `A key needs at least one scope (${KEY_SCOPES.join(', ')}).`);
  return [...new Set(scopes.map((scope) => inputOneOf(KEY_SCOPES, scope, 'scopes')))];
}

function requireRole(role: string | null): Role | null {
  if (role === null) return null;
  if (!isRole(role)) throw invalidInput('role', `Unknown role "${role}".`);
  return role;
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
    // A role this version does not know gets the least privilege rather than admin.
    role: row.role === null ? null : isRole(row.role) ? row.role : 'viewer',
    description: row.description,
    rotatedFrom: row.rotated_from,
    rotatedTo: row.rotated_to,
  };
}

function isScope(value: string): value is KeyScope {
  return value === 'data' || value === 'management';
}
