/**
 * Usage rows in the `usage` table: batched inserts for the usage writer, and simple reads for
 * tests and the management API. Inserts are idempotent on request_id, so a batch retried after
 * a lost acknowledgement is not stored twice.
 */

import type SqliteDatabase from 'better-sqlite3';
import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { UsageRow } from '../pipeline/ports.js';
import { fromUsageTableRow, toUsageTableRow, USAGE_COLUMN_COUNT } from './usage-row-mapping.js';
import type { Schema } from './schema.js';
import { createSqliteUsageInsert } from './usage-sqlite-insert.js';

export interface UsageFilter {
  keyId?: string;
  modelGroup?: string;
  outcome?: UsageRow['outcome'];
}

export interface UsageListOptions extends UsageFilter {
  limit: number;
  requestId?: string;
}

/**
 * Bound parameters per statement. SQLite allows 32,766 since 3.32
 * (https://www.sqlite.org/limits.html#max_variable_number) and Postgres 65,535; stay well below.
 */
const MAX_PARAMETERS_PER_STATEMENT = 16_000;
const ROWS_PER_STATEMENT = Math.floor(MAX_PARAMETERS_PER_STATEMENT / USAGE_COLUMN_COUNT);

export interface UsageRepositoryOptions {
  /** The better-sqlite3 handle under `db` (Database.sqlite): batches are then written through it directly. */
  sqlite?: SqliteDatabase.Database;
}

export class UsageRepository {
  readonly #db: Kysely<Schema>;
  readonly #sqliteInsert: ((rows: readonly UsageRow[]) => boolean) | null;

  constructor(db: Kysely<Schema>, options: UsageRepositoryOptions = {}) {
    this.#db = db;
    this.#sqliteInsert = options.sqlite ? createSqliteUsageInsert(options.sqlite) : null;
  }

  /** Inserts the rows in one transaction; rows already stored are skipped. */
  async insertMany(rows: readonly UsageRow[]): Promise<void> {
    if (rows.length === 0) return;
    if (this.#sqliteInsert?.(rows)) return;
    const values = rows.map(toUsageTableRow);
    await this.#db.transaction().execute(async (transaction) => {
      for (let start = 0; start < values.length; start += ROWS_PER_STATEMENT) {
        await transaction
          .insertInto('usage')
          .values(values.slice(start, start + ROWS_PER_STATEMENT))
          .onConflict((conflict) => conflict.column('request_id').doNothing())
          .execute();
      }
    });
  }

  async count(filter: UsageFilter = {}): Promise<number> {
    const query = applyFilter(this.#db.selectFrom('usage'), filter);
    const result = await query.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
    return Number(result.count);
  }

  /** Newest first. */
  async list(options: UsageListOptions): Promise<UsageRow[]> {
    let query = applyFilter(this.#db.selectFrom('usage'), options);
    if (options.requestId !== undefined) query = query.where('request_id', '=', options.requestId);
    const rows = await query
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('request_id', 'desc')
      .limit(Math.max(0, Math.floor(options.limit)))
      .execute();
    return rows.map(fromUsageTableRow);
  }

  async byRequestId(requestId: string): Promise<UsageRow | null> {
    const row = await this.#db.selectFrom('usage').selectAll().where('request_id', '=', requestId).executeTakeFirst();
    return row === undefined ? null : fromUsageTableRow(row);
  }
}

function applyFilter<Output>(
  query: SelectQueryBuilder<Schema, 'usage', Output>,
  filter: UsageFilter,
): SelectQueryBuilder<Schema, 'usage', Output> {
  let filtered = query;
  if (filter.keyId !== undefined) filtered = filtered.where('key_id', '=', filter.keyId);
  if (filter.modelGroup !== undefined) filtered = filtered.where('model_group', '=', filter.modelGroup);
  if (filter.outcome !== undefined) filtered = filtered.where('outcome', '=', filter.outcome);
  return filtered;
}
