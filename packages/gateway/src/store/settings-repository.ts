/**
 * Key/value settings in the `settings` table (for example the generated master key's hash).
 * Values are text; callers that store structured data serialise it themselves.
 */

import type { Kysely } from 'kysely';
import type { Schema } from './schema.js';

export class SettingsRepository {
  readonly #db: Kysely<Schema>;

  constructor(db: Kysely<Schema>) {
    this.#db = db;
  }

  async get(key: string): Promise<string | null> {
    const row = await this.#db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
    return row === undefined ? null : row.value;
  }

  /** Inserts or replaces a value. */
  async set(key: string, value: string): Promise<void> {
    const updatedAt = Date.now();
    await this.#db
      .insertInto('settings')
      .values({ key, value, updated_at: updatedAt })
      .onConflict((conflict) => conflict.column('key').doUpdateSet({ value, updated_at: updatedAt }))
      .execute();
  }

  /**
   * Stores a value only when the key has none yet, and returns the value that is stored afterwards
   * (this one, or the one another process stored first): safe for replicas starting together.
   */
  async setIfAbsent(key: string, value: string): Promise<string> {
    await this.#db
      .insertInto('settings')
      .values({ key, value, updated_at: Date.now() })
      .onConflict((conflict) => conflict.column('key').doNothing())
      .execute();
    return (await this.get(key)) ?? value;
  }

  /** Removes a value; true when there was one. */
  async delete(key: string): Promise<boolean> {
    const result = await this.#db.deleteFrom('settings').where('key', '=', key).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
