/** Renders a value's path in the config file's own terms: `models[2].deployments[0].provider`. */
const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
export function formatPath(path) {
    let output = '';
    for (const segment of path) {
        if (typeof segment === 'number')
            output += `[${segment}]`;
        else if (typeof segment === 'string' && PLAIN_KEY.test(segment))
            output += output === '' ? segment : `.${segment}`;
        else
            output += `[${JSON.stringify(String(segment))}]`;
    }
    return output;
}
//# sourceMappingURL=format-path.js.map