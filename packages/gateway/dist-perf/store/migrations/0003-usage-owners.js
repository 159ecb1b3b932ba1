/**
 * Who made each request: nullable user_id and team_id on usage (rows written before this stay
 * null), plus indexes for the spend aggregates, which always filter on a time range and usually
 * on one owner. key_id gets a (key_id, created_at) index that supersedes 0001's key_id index for
 * those queries; 0001's created_at index already serves the global range.
 */
export async function up(db) {
    await db.schema.alterTable('usage').addColumn('user_id', 'text').execute();
    await db.schema.alterTable('usage').addColumn('team_id', 'text').execute();
    await db.schema.createIndex('usage_user_id_created_at_index').on('usage').columns(['user_id', 'created_at']).execute();
    await db.schema.createIndex('usage_team_id_created_at_index').on('usage').columns(['team_id', 'created_at']).execute();
    await db.schema.createIndex('usage_key_id_created_at_index').on('usage').columns(['key_id', 'created_at']).execute();
}
export async function down(db) {
    await db.schema.dropIndex('usage_key_id_created_at_index').execute();
    await db.schema.dropIndex('usage_team_id_created_at_index').execute();
    await db.schema.dropIndex('usage_user_id_created_at_index').execute();
    await db.schema.alterTable('usage').dropColumn('team_id').execute();
    await db.schema.alterTable('usage').dropColumn('user_id').execute();
}
//# sourceMappingURL=0003-usage-owners.js.map