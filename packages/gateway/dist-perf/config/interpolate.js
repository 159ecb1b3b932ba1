/**
 * `${VAR}` interpolation: every string scalar of the parsed file has `${VAR}` replaced from the
 * environment and `${VAR:-default}` replaced from it or the default (when unset or empty, as in a
 * shell). `$${` stands for a literal `${`. It runs on parsed values, not on the file's text, so a
 * variable's content can never change the file's structure.
 */
import { formatPath } from './format-path.js';
const REFERENCE = /\$(\$?)\{([^}]*)\}/g;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
export function interpolate(value, env) {
    const problems = [];
    const result = walk(value, { env, problems, path: [] });
    return { value: result, problems };
}
function walk(value, state) {
    if (typeof value === 'string')
        return interpolateString(value, state);
    if (Array.isArray(value))
        return value.map((item, index) => walk(item, { ...state, path: [...state.path, index] }));
    if (value !== null && typeof value === 'object') {
        const output = {};
        for (const [key, item] of Object.entries(value))
            output[key] = walk(item, { ...state, path: [...state.path, key] });
        return output;
    }
    return value;
}
function interpolateString(text, state) {
    return text.replace(REFERENCE, (whole, escape, body) => {
        if (escape)
            return whole.slice(1);
        const separator = body.indexOf(':-');
        const name = separator === -1 ? body : body.slice(0, separator);
        const fallback = separator === -1 ? undefined : body.slice(separator + 2);
        const where = formatPath(state.path) || '(top level)';
        if (!NAME.test(name)) {
            state.problems.push(`${where}: "\${${body}}" is not a valid variable reference (use \${NAME} or \${NAME:-default})`);
            return whole;
        }
        const found = state.env[name];
        if (fallback !== undefined)
            return found === undefined || found === '' ? fallback : found;
        if (found === undefined) {
            state.problems.push(`${where}: environment variable ${name} is not set (use \${${name}:-default} to give a default)`);
            return '';
        }
        return found;
    });
}
//# sourceMappingURL=interpolate.js.map