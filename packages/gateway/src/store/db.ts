/**
 * Opens the database named by DATABASE_URL: embedded SQLite (better-sqlite3, the default) or
 * Postgres (a pg Pool). Both come back as one Kysely instance over the same Schema, so the
 * repositories and migrations do not care which one they got.
 */

import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { parseDatabaseUrl } from './database-url.js';
import type { Schema } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<Schema>;
  dialect: Dialect;
  /**
   * The better-sqlite3 handle under `db` (SQLite only), for the one write too hot for a query
   * builder: the usage rows (usage-sqlite-insert.ts). Everything else goes through `db`.
   */
  sqlite?: SqliteDatabase.Database;
  /** Runs a trivial query; rejects when the database cannot be reached (for readiness checks). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** Receives errors of idle Postgres connections (which would otherwise crash the process). */
  logger?: { error(object: object, message: string): void };
}

const POSTGRES_POOL_SIZE = 10;

export async function openDatabase(url: string, options: OpenDatabaseOptions = {}): Promise<Database> {
  const target = parseDatabaseUrl(url);
  let sqlite: SqliteDatabase.Database | null = null;
  let db: Kysely<Schema>;
  if (target.dialect === 'sqlite') {
    sqlite = openSqlite(target.filename);
    db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: sqlite }) });
  } else {
    // Loaded only for Postgres: an embedded-SQLite gateway need not hold the driver in memory.
    const { default: pg } = await import('pg');
    db = openPostgres(pg, target.connectionString, options);
  }
  return {
    db,
    dialect: target.dialect,
    ...(sqlite ? { sqlite } : {}),
    async ping() {
      await sql`select 1`.execute(db);
    },
    async close() {
      await db.destroy();
    },
  };
}

function openSqlite(filename: string): SqliteDatabase.Database {
  if (filename !== ':memory:') fs.mkdirSync(path.dirname(filename), { recursive: true });
  const database = new SqliteDatabase(filename);
  // WAL lets readers run while a batch is written; NORMAL is durable across process crashes in WAL
  // mode (https://www.sqlite.org/pragma.html#pragma_synchronous); busy_timeout makes a second
  // process (the CLI next to a running server) wait for the lock instead of failing at once.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('busy_timeout = 5000');
  database.pragma('foreign_keys = ON');
  return database;
}

function openPostgres(pg: typeof import('pg').default, connectionString: string, options: OpenDatabaseOptions): Kysely<Schema> {
  const pool = new pg.Pool({
    connectionString,
    max: POSTGRES_POOL_SIZE,
    // pg returns bigint (int8) as a string because it may exceed 2^53; our bigints are epoch
    // milliseconds and counts, which do not, so read them as numbers like SQLite does. Set per pool
    // rather than with the global pg.types.setTypeParser.
    types: {
      getTypeParser: (id, format) => (id === pg.types.builtins.INT8 ? parseInt8 : pg.types.getTypeParser(id, format)),
    },
  });
  // An idle client losing its connection emits 'error' on the pool; without a listener Node
  // would crash the process. The next query fails (and is retried by its caller) instead.
  pool.on('error', (error) => options.logger?.error({ err: error }, 'idle Postgres connection failed'));
  return new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
}

function parseInt8(value: string): number {
  return Number(value);
}
