/**
 * Governance tables: teams, users, login sessions (with the refresh tokens they retired), the
 * append-only audit log, budgets, rate limits and encrypted provider credentials; plus role,
 * rotation and description columns on api_keys. Same rules as 0001: Kysely's schema builder only,
 * types both dialects accept, epoch-ms bigint timestamps, JSON as text.
 */
export async function up(db) {
    await db.schema
        .createTable('teams')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('name', 'text', (column) => column.notNull().unique())
        .addColumn('created_at', 'bigint', (column) => column.notNull())
        .execute();
    // team_id has no foreign key: TeamsRepository.delete() detaches members itself, and keys and
    // budgets name teams the same loose way.
    await db.schema
        .createTable('users')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('email', 'text', (column) => column.notNull().unique())
        .addColumn('name', 'text')
        .addColumn('password_hash', 'text', (column) => column.notNull())
        .addColumn('role', 'text', (column) => column.notNull())
        .addColumn('team_id', 'text')
        .addColumn('created_at', 'bigint', (column) => column.notNull())
        .addColumn('updated_at', 'bigint', (column) => column.notNull())
        .addColumn('disabled_at', 'bigint')
        .addColumn('last_login_at', 'bigint')
        .execute();
    await db.schema.createIndex('users_team_id_index').on('users').column('team_id').execute();
    // A deleted user's sessions go with it (cascade), so their tokens stop working at once.
    await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('user_id', 'text', (column) => column.notNull().references('users.id').onDelete('cascade'))
        .addColumn('refresh_hash', 'text', (column) => column.notNull().unique())
        .addColumn('created_at', 'bigint', (column) => column.notNull())
        .addColumn('expires_at', 'bigint', (column) => column.notNull())
        .addColumn('revoked_at', 'bigint')
        .addColumn('last_used_at', 'bigint', (column) => column.notNull())
        .addColumn('ip', 'text')
        .addColumn('user_agent', 'text')
        .execute();
    await db.schema.createIndex('sessions_user_id_index').on('sessions').column('user_id').execute();
    // Refresh tokens a session has rotated away from: presenting one again is reuse (a stolen token),
    // which revokes the session. Kept until the session row is deleted.
    await db.schema
        .createTable('session_retired_refresh')
        .addColumn('refresh_hash', 'text', (column) => column.primaryKey())
        .addColumn('session_id', 'text', (column) => column.notNull().references('sessions.id').onDelete('cascade'))
        .addColumn('retired_at', 'bigint', (column) => column.notNull())
        .execute();
    await db.schema.createIndex('session_retired_refresh_session_id_index').on('session_retired_refresh').column('session_id').execute();
    await db.schema
        .createTable('audit_log')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('created_at', 'bigint', (column) => column.notNull())
        .addColumn('actor_type', 'text', (column) => column.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('actor_label', 'text', (column) => column.notNull())
        .addColumn('action', 'text', (column) => column.notNull())
        .addColumn('target_type', 'text', (column) => column.notNull())
        .addColumn('target_id', 'text')
        .addColumn('ip', 'text')
        .addColumn('before_json', 'text')
        .addColumn('after_json', 'text')
        .execute();
    await db.schema.createIndex('audit_log_created_at_index').on('audit_log').columns(['created_at', 'id']).execute();
    await db.schema.createIndex('audit_log_target_index').on('audit_log').columns(['target_type', 'target_id']).execute();
    await db.schema.createIndex('audit_log_actor_index').on('audit_log').columns(['actor_type', 'actor_id']).execute();
    await db.schema
        .createTable('budgets')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('name', 'text', (column) => column.notNull())
        .addColumn('scope_type', 'text', (column) => column.notNull())
        .addColumn('scope_id', 'text')
        .addColumn('limit_usd', 'double precision', (column) => column.notNull())
        .addColumn('period', 'text', (column) => column.notNull())
        .addColumn('thresholds_json', 'text', (column) => column.notNull())
        .addColumn('reset_at', 'bigint')
        .addColumn('created_at', 'bigint', (column) => column.notNull())
        .addColumn('updated_at', 'bigint', (column) => column.notNull())
        .execute();
    await db.schema.createIndex('budgets_scope_index').on('budgets').columns(['scope_type', 'scope_id']).execute();
    // `limit` is a reserved word; Kysely quotes every identifier, so it is safe as a column name.
    await db.schema
        .createTable('rate_limits')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('scope_type', 'text', (column) => column.notNull())
        .addColumn('scope_id', 'text')
        .addColumn('metric', 'text', (column) => column.notNull())
        .addColumn('limit', 'bigint', (column) => column.notNull())
        .addColumn('window_ms', 'bigint', (column) => column.notNull())
        .addColumn('model', 'text')
        .addColumn('provider', 'text')
        .addColumn('created_at', 'bigint', (column) => column.notNull())
        .execute();
    await db.schema.createIndex('rate_limits_scope_index').on('rate_limits').columns(['scope_type', 'scope_id']).execute();
    await db.schema
        .createTable('provider_credentials')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('provider', 'text', (column) => column.notNull())
        .addColumn('name', 'text', (column) => column.notNull())
        .addColumn('ciphertext', 'text', (column) => column.notNull())
        .addColumn('hint', 'text', (column) => column.notNull())
        .addColumn('created_at', 'bigint', (column) => column.notNull())
        .addColumn('updated_at', 'bigint', (column) => column.notNull())
        .execute();
    await db.schema.createIndex('provider_credentials_provider_name_index').on('provider_credentials').columns(['provider', 'name']).unique().execute();
    // SQLite adds one column per ALTER TABLE statement.
    await db.schema.alterTable('api_keys').addColumn('role', 'text').execute();
    await db.schema.alterTable('api_keys').addColumn('description', 'text').execute();
    await db.schema.alterTable('api_keys').addColumn('rotated_from', 'text').execute();
    await db.schema.alterTable('api_keys').addColumn('rotated_to', 'text').execute();
    await db.schema.createIndex('api_keys_user_id_index').on('api_keys').column('user_id').execute();
    await db.schema.createIndex('api_keys_team_id_index').on('api_keys').column('team_id').execute();
}
export async function down(db) {
    await db.schema.dropIndex('api_keys_team_id_index').execute();
    await db.schema.dropIndex('api_keys_user_id_index').execute();
    for (const column of ['rotated_to', 'rotated_from', 'description', 'role']) {
        await db.schema.alterTable('api_keys').dropColumn(column).execute();
    }
    for (const table of ['provider_credentials', 'rate_limits', 'budgets', 'audit_log', 'session_retired_refresh', 'sessions', 'users', 'teams']) {
        await db.schema.dropTable(table).execute();
    }
}
//# sourceMappingURL=0002-governance.js.map