/**
 * Kysely table types: the database as the store sees it. Column names are snake_case, timestamps
 * are epoch milliseconds in a bigint column (read back as numbers on both dialects, see db.ts),
 * booleans are integers 0/1 and lists are JSON text, so one migration fits SQLite and Postgres.
 */
export {};
//# sourceMappingURL=schema.js.map