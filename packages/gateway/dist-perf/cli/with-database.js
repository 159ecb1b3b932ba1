/** Opens and migrates the configured database for one CLI command, and always closes it. */
import { loadConfig } from '../config/index.js';
import { migrateToLatest, openDatabase } from '../store/index.js';
export async function withDatabase(configFile, action) {
    const config = loadConfig({ file: configFile, env: process.env });
    const database = await openDatabase(config.database.url);
    try {
        await migrateToLatest(database);
        return await action(database);
    }
    finally {
        await database.close();
    }
}
/** Everything a command's standard input holds, without the one trailing newline `echo` adds. */
export async function readStdin() {
    const chunks = [];
    for await (const chunk of process.stdin)
        chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}
//# sourceMappingURL=with-database.js.map