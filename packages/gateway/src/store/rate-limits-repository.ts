/**
 * Rate limits managed at run time, in the `rate_limits` table: `limit` requests or tokens per
 * window for one key, user, team, IP or model group, or for all traffic. `model` narrows a limit
 * to requests for one group; `provider` makes it a per-provider cap (a user's daily requests to
 * one provider). Counting happens in governance/limits; this is only storage.
 */

import type { Kysely, Selectable, Updateable } from 'kysely';
import type { RateLimitsTable, Schema } from './schema.js';
import { inputOneOf, invalidInput, newId, storedOneOf } from './row-helpers.js';

export const RATE_LIMIT_SCOPE_TYPES = ['key', 'user', 'team', 'ip', 'model', 'global'] as const;
export type RateLimitScopeType = (typeof RATE_LIMIT_SCOPE_TYPES)[number];
export const RATE_LIMIT_METRICS = ['requests', 'tokens'] as const;
export type RateLimitMetric = (typeof RATE_LIMIT_METRICS)[number];

export interface RateLimitRecord {
  /** `rl_…` */
  id: string;
  scopeType: RateLimitScopeType;
  /** The key, user or team id, the IP or the model group; null for global. */
  scopeId: string | null;
  metric: RateLimitMetric;
  /** Most requests or tokens per window. */
  limit: number;
  windowMs: number;
  /** Only requests to this model group count; null for all. */
  model: string | null;
  /** Only requests served by this provider id count; null for all. */
  provider: string | null;
  createdAt: Date;
}

export interface CreateRateLimitInput {
  scopeType: RateLimitScopeType;
  scopeId?: string | null;
  metric: RateLimitMetric;
  limit: number;
  windowMs: number;
  model?: string | null;
  provider?: string | null;
}

export type UpdateRateLimitInput = Partial<Pick<CreateRateLimitInput, 'metric' | 'limit' | 'windowMs' | 'model' | 'provider'>>;

export class RateLimitsRepository {
  readonly #db: Kysely<Schema>;

  constructor(db: Kysely<Schema>) {
    this.#db = db;
  }

  async create(input: CreateRateLimitInput): Promise<RateLimitRecord> {
    const scopeType = inputOneOf(RATE_LIMIT_SCOPE_TYPES, input.scopeType, 'scopeType');
    const row: Selectable<RateLimitsTable> = {
      id: newId('rl'),
      scope_type: scopeType,
      scope_id: requireScopeId(scopeType, input.scopeId ?? null),
      metric: inputOneOf(RATE_LIMIT_METRICS, input.metric, 'metric'),
      limit: requirePositiveInteger(input.limit, 'limit'),
      window_ms: requirePositiveInteger(input.windowMs, 'windowMs'),
      model: input.model ?? null,
      provider: input.provider ?? null,
      created_at: Date.now(),
    };
    await this.#db.insertInto('rate_limits').values(row).execute();
    return toRecord(row);
  }

  async findById(id: string): Promise<RateLimitRecord | null> {
    const row = await this.#db.selectFrom('rate_limits').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? null : toRecord(row);
  }

  /** Every stored limit, oldest first. */
  async list(): Promise<RateLimitRecord[]> {
    const rows = await this.#db.selectFrom('rate_limits').selectAll().orderBy('created_at').orderBy('id').execute();
    return rows.map(toRecord);
  }

  /** The limits of one scope; scopeId undefined lists the whole scope type, null the global ones. */
  async listByScope(scopeType: RateLimitScopeType, scopeId?: string | null): Promise<RateLimitRecord[]> {
    let query = this.#db.selectFrom('rate_limits').selectAll().where('scope_type', '=', scopeType);
    if (scopeId !== undefined) query = scopeId === null ? query.where('scope_id', 'is', null) : query.where('scope_id', '=', scopeId);
    const rows = await query.orderBy('created_at').orderBy('id').execute();
    return rows.map(toRecord);
  }

  /** Changes the given fields; null when the limit does not exist. */
  async update(id: string, input: UpdateRateLimitInput): Promise<RateLimitRecord | null> {
    const changes: Updateable<RateLimitsTable> = {};
    if (input.metric !== undefined) changes.metric = inputOneOf(RATE_LIMIT_METRICS, input.metric, 'metric');
    if (input.limit !== undefined) changes.limit = requirePositiveInteger(input.limit, 'limit');
    if (input.windowMs !== undefined) changes.window_ms = requirePositiveInteger(input.windowMs, 'windowMs');
    if (input.model !== undefined) changes.model = input.model;
    if (input.provider !== undefined) changes.provider = input.provider;
    if (Object.keys(changes).length > 0) await this.#db.updateTable('rate_limits').set(changes).where('id', '=', id).execute();
    return this.findById(id);
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.#db.deleteFrom('rate_limits').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}

function requireScopeId(scopeType: RateLimitScopeType, scopeId: string | null): string | null {
  if (scopeType === 'global') {
    if (scopeId !== null) throw invalidInput('scopeId', 'A global rate limit has no scopeId.');
    return null;
  }
  if (scopeId === null || scopeId.trim() === '') throw invalidInput('scopeId', `A ${scopeType} rate limit needs the ${scopeType} as scopeId.`);
  return scopeId;
}

function requirePositiveInteger(value: number, param: string): number {
  if (!Number.isSafeInteger(value) || value <= 0) throw invalidInput(param, `${param} must be a positive whole number; got ${value}.`);
  return value;
}

function toRecord(row: Selectable<RateLimitsTable>): RateLimitRecord {
  return {
    id: row.id,
    scopeType: storedOneOf(RATE_LIMIT_SCOPE_TYPES, row.scope_type, 'rate limit scope type'),
    scopeId: row.scope_id,
    metric: storedOneOf(RATE_LIMIT_METRICS, row.metric, 'rate limit metric'),
    limit: Number(row.limit),
    windowMs: Number(row.window_ms),
    model: row.model,
    provider: row.provider,
    createdAt: new Date(Number(row.created_at)),
  };
}
