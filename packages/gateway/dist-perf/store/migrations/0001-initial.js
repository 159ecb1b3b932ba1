/**
 * Initial schema: API keys, usage rows and settings. Written with Kysely's schema builder only,
 * using types both dialects understand (text, integer, bigint, double precision), so the same
 * migration runs on SQLite and Postgres. Timestamps are epoch milliseconds; booleans 0/1.
 */
export async function up(db) {
    await db.schema
        .createTable('api_keys')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('name', 'text', (column) => column.notNull())
        .addColumn('prefix', 'text', (column) => column.notNull())
        .addColumn('hash', 'text', (column) => column.notNull().unique())
        .addColumn('models', 'text')
        .addColumn('scopes', 'text', (column) => column.notNull())
        .addColumn('tier', 'text', (column) => column.notNull().defaultTo('standard'))
        .addColumn('team_id', 'text')
        .addColumn('user_id', 'text')
        .addColumn('created_at', 'bigint', (column) => column.notNull())
        .addColumn('expires_at', 'bigint')
        .addColumn('revoked_at', 'bigint')
        .addColumn('last_used_at', 'bigint')
        .execute();
    await db.schema.createIndex('api_keys_prefix_index').on('api_keys').column('prefix').execute();
    await db.schema
        .createTable('usage')
        .addColumn('request_id', 'text', (column) => column.primaryKey())
        .addColumn('created_at', 'bigint', (column) => column.notNull())
        .addColumn('key_id', 'text')
        .addColumn('protocol', 'text', (column) => column.notNull())
        .addColumn('endpoint', 'text', (column) => column.notNull())
        .addColumn('model_group', 'text', (column) => column.notNull())
        .addColumn('provider', 'text')
        .addColumn('deployment_id', 'text')
        .addColumn('upstream_model', 'text')
        .addColumn('stream', 'integer', (column) => column.notNull())
        .addColumn('prompt_tokens', 'integer', (column) => column.notNull())
        .addColumn('completion_tokens', 'integer', (column) => column.notNull())
        .addColumn('cached_tokens', 'integer', (column) => column.notNull())
        .addColumn('tokens_estimated', 'integer', (column) => column.notNull())
        .addColumn('cost_usd', 'double precision', (column) => column.notNull())
        .addColumn('latency_ms', 'integer', (column) => column.notNull())
        .addColumn('ttft_ms', 'integer')
        .addColumn('status', 'integer', (column) => column.notNull())
        .addColumn('outcome', 'text', (column) => column.notNull())
        .addColumn('error_code', 'text')
        .addColumn('attempts', 'integer', (column) => column.notNull())
        .execute();
    await db.schema.createIndex('usage_created_at_index').on('usage').column('created_at').execute();
    await db.schema.createIndex('usage_key_id_index').on('usage').column('key_id').execute();
    await db.schema.createIndex('usage_model_group_index').on('usage').column('model_group').execute();
    await db.schema
        .createTable('settings')
        .addColumn('key', 'text', (column) => column.primaryKey())
        .addColumn('value', 'text', (column) => column.notNull())
        .addColumn('updated_at', 'bigint', (column) => column.notNull())
        .execute();
}
export async function down(db) {
    await db.schema.dropTable('settings').execute();
    await db.schema.dropTable('usage').execute();
    await db.schema.dropTable('api_keys').execute();
}
//# sourceMappingURL=0001-initial.js.map