/**
 * Brings a database to the latest schema with Kysely's Migrator over the static migration list.
 * Safe to call on every start: applied migrations are skipped, and concurrent callers are
 * serialised (Postgres: the Migrator's advisory lock; SQLite: see below).
 */
import { Migrator, sql } from 'kysely';
import { MIGRATIONS } from './migrations/index.js';
const provider = {
    getMigrations: async () => ({ ...MIGRATIONS }),
};
export async function migrateToLatest(database) {
    const migrator = new Migrator({ db: database.db, provider });
    const { error, results = [] } = database.dialect === 'sqlite' ? await inSqliteWriteTransaction(database, () => migrator.migrateToLatest()) : await migrator.migrateToLatest();
    if (error !== undefined) {
        const failed = results.find((result) => result.status === 'Error')?.migrationName ?? 'unknown';
        throw new Error(`Database migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, {
            cause: error,
        });
    }
    return { applied: results.filter((result) => result.status === 'Success').map((result) => result.migrationName) };
}
/**
 * Kysely's SQLite adapter neither locks nor uses transactions for migrations, so two processes
 * starting on a fresh file (the server and a CLI command) could both run 0001. SQLite DDL is
 * transactional, and a SQLite Kysely instance has a single connection, so an IMMEDIATE
 * transaction around the whole run takes the write lock first (the other process waits up to
 * busy_timeout, then sees the migrations applied) and rolls back a half-applied migration.
 * Nothing else may use this Kysely instance meanwhile, which holds at start-up.
 */
async function inSqliteWriteTransaction(database, run) {
    await sql `begin immediate`.execute(database.db);
    let resultSet;
    try {
        resultSet = await run();
    }
    catch (error) {
        await sql `rollback`.execute(database.db);
        throw error;
    }
    if (resultSet.error === undefined)
        await sql `commit`.execute(database.db);
    else
        await sql `rollback`.execute(database.db);
    return resultSet;
}
//# sourceMappingURL=migrate.js.map