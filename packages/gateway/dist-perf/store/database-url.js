/**
 * Parses DATABASE_URL into what db.ts needs to open a connection. Kept apart from db.ts so the
 * accepted forms are easy to test and to read: `sqlite:./data/switchyard.db` (relative to the
 * working directory), `sqlite:/abs/path.db`, `sqlite:///abs/path.db`, `sqlite::memory:`, and
 * `postgres://…` / `postgresql://…`.
 */
import path from 'node:path';
const SUPPORTED = 'sqlite:./path/to/file.db, sqlite:/absolute/path.db, sqlite::memory:, postgres://… or postgresql://…';
export function parseDatabaseUrl(url, options = {}) {
    const trimmed = url.trim();
    const lower = trimmed.toLowerCase();
    if (lower.startsWith('postgres://') || lower.startsWith('postgresql://')) {
        return { dialect: 'postgres', connectionString: trimmed };
    }
    if (lower.startsWith('sqlite:')) {
        return { dialect: 'sqlite', filename: sqliteFilename(trimmed.slice('sqlite:'.length), options.cwd ?? process.cwd()) };
    }
    throw new Error(`Unsupported database URL "${redact(trimmed)}": use one of ${SUPPORTED}.`);
}
function sqliteFilename(rest, cwd) {
    if (rest === ':memory:' || rest === '//:memory:')
        return ':memory:';
    // `sqlite:///abs/path.db` (three slashes, URL style) means the absolute path `/abs/path.db`;
    // `sqlite://relative.db` is read as a relative path.
    const withoutSlashes = rest.startsWith('//') ? rest.slice(2) : rest;
    if (withoutSlashes === '') {
        throw new Error(`SQLite database URL needs a file path, e.g. sqlite:./data/switchyard.db (supported: ${SUPPORTED}).`);
    }
    return path.resolve(cwd, withoutSlashes);
}
/** Hides a password in a URL before it goes into an error message. */
function redact(url) {
    return url.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');
}
//# sourceMappingURL=database-url.js.map