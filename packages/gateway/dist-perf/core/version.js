/** The gateway's version, from its package.json. */
import { readFileSync } from 'node:fs';
function readVersion() {
    try {
        const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
        const parsed = JSON.parse(text);
        return typeof parsed.version === 'string' ? parsed.version : '0.0.0';
    }
    catch {
        return '0.0.0';
    }
}
export const VERSION = readVersion();
//# sourceMappingURL=version.js.map