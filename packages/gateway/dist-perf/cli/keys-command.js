/** `switchyard keys create | list | revoke`: virtual keys, stored hashed and shown once. */
import { loadConfig } from '../config/index.js';
import { KeysRepository, migrateToLatest, openDatabase } from '../store/index.js';
import { print } from './output.js';
async function withKeys(configFile, action) {
    const config = loadConfig({ file: configFile, env: process.env });
    const database = await openDatabase(config.database.url);
    try {
        await migrateToLatest(database);
        return await action(new KeysRepository(database.db));
    }
    finally {
        await database.close();
    }
}
/** Parses an expiry: an ISO date, or a duration such as 30d, 12h, 90m. */
export function parseExpiry(value, now = Date.now()) {
    const duration = /^(\d+)([dhm])$/.exec(value);
    if (duration) {
        const unit = { d: 86_400_000, h: 3_600_000, m: 60_000 }[duration[2]];
        return new Date(now + Number(duration[1]) * unit);
    }
    const date = new Date(value);
    if (Number.isNaN(date.getTime()))
        throw new Error(`--expires must be an ISO date or a duration like 30d, got "${value}"`);
    return date;
}
function describe(key) {
    const state = key.revokedAt ? `revoked ${key.revokedAt.toISOString()}` : key.expiresAt ? `expires ${key.expiresAt.toISOString()}` : 'active';
    const models = key.models === null ? 'all models' : key.models.join(',');
    return `${key.id}  ${key.prefix}…  ${key.name}  [${models}]  ${state}`;
}
export async function runKeysCreate(options) {
    const models = options.models ? options.models.split(',').map((model) => model.trim()).filter(Boolean) : null;
    const expiresAt = options.expires ? parseExpiry(options.expires) : null;
    const { record, secret } = await withKeys(options.config, (keys) => keys.create({ name: options.name, models, expiresAt }));
    if (options.json) {
        print(JSON.stringify({ id: record.id, name: record.name, prefix: record.prefix, key: secret, models: record.models, expiresAt: record.expiresAt }));
        return;
    }
    print(`Created key ${record.id} (${record.name}). This is the only time it is shown; store it now:`);
    print(`  ${secret}`);
}
export async function runKeysList(options) {
    const list = await withKeys(options.config, (keys) => keys.list());
    if (options.json) {
        print(JSON.stringify(list.map((key) => ({ id: key.id, name: key.name, prefix: key.prefix, models: key.models, revokedAt: key.revokedAt, expiresAt: key.expiresAt }))));
        return;
    }
    if (list.length === 0)
        print('No keys yet. Create one with: switchyard keys create --name NAME');
    for (const key of list)
        print(describe(key));
}
export async function runKeysRevoke(idOrPrefix, options) {
    const revoked = await withKeys(options.config, (keys) => keys.revoke(idOrPrefix));
    if (!revoked)
        throw new Error(`No key matches "${idOrPrefix}". List keys with: switchyard keys list`);
    print(`Revoked ${describe(revoked)}`);
}
//# sourceMappingURL=keys-command.js.map