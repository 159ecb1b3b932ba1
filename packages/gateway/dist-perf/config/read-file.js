/**
 * Finds and parses the YAML config file. YAML errors are reported with their line and column;
 * a file named explicitly (option or SWITCHYARD_CONFIG) must exist, the default one may not.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { DEFAULTS } from './defaults.js';
import { protectReferences } from './protect-references.js';
/** The file to read: the option, else SWITCHYARD_CONFIG, else ./switchyard.yaml if it exists, else none. */
export function locateConfigFile(options) {
    const named = options.file ?? nonEmpty(options.env.SWITCHYARD_CONFIG);
    if (named !== undefined)
        return { path: resolve(options.cwd, named), explicit: true };
    const fallback = resolve(options.cwd, DEFAULTS.configFileName);
    return { path: existsSync(fallback) ? fallback : null, explicit: false };
}
export function readConfigFile(path) {
    let text;
    try {
        text = readFileSync(path, 'utf8');
    }
    catch (error) {
        const reason = error.code === 'ENOENT' ? 'file not found' : describe(error);
        return { value: {}, problems: [`${path}: ${reason}`] };
    }
    return parseYaml(text);
}
export function parseYaml(source) {
    const references = protectReferences(source);
    const document = parseDocument(references.text, { merge: true, uniqueKeys: true });
    if (document.errors.length > 0) {
        return { value: {}, problems: document.errors.map((error) => yamlProblem(error.message, error.linePos?.[0])) };
    }
    const value = references.restore(document.toJS({ maxAliasCount: 1000 }));
    if (value === null || value === undefined)
        return { value: {}, problems: [] };
    if (typeof value !== 'object' || Array.isArray(value)) {
        return { value: {}, problems: ['(top level): expected a mapping of sections (server, providers, models, …)'] };
    }
    return { value, problems: [] };
}
/** `line 3, column 5: YAML syntax error: …`, without the code excerpt yaml appends. */
function yamlProblem(message, position) {
    const reason = message.split(/ at line \d+, column \d+/)[0].split('\n')[0].trim();
    const where = position === undefined ? 'YAML' : `line ${position.line}, column ${position.col}`;
    return `${where}: YAML syntax error: ${reason}`;
}
function describe(error) {
    return error instanceof Error ? error.message : String(error);
}
function nonEmpty(value) {
    return value === undefined || value === '' ? undefined : value;
}
//# sourceMappingURL=read-file.js.map