/**
 * Lets `${VAR}` stand anywhere a value can, including YAML flow collections such as
 * `server: { masterKey: ${SWITCHYARD_MASTER_KEY} }` (DESIGN.md's own example), where `{` and `}`
 * would otherwise be read as YAML syntax. Before parsing, each reference is swapped for a plain
 * placeholder word; after parsing, the placeholders are swapped back, and interpolation runs on
 * the parsed values as usual.
 */
const REFERENCE = /\$?\$\{[^}\n]*\}/g;
export function protectReferences(source) {
    let prefix = 'sy_env_ref_';
    while (source.includes(prefix))
        prefix = `_${prefix}`;
    const references = [];
    const text = source.replace(REFERENCE, (reference) => {
        references.push(reference);
        return `${prefix}${references.length - 1}_`;
    });
    if (references.length === 0)
        return { text, restore: (value) => value };
    const placeholder = new RegExp(`${prefix}(\\d+)_`, 'g');
    const restoreString = (value) => value.replace(placeholder, (_match, index) => references[Number(index)]);
    const restore = (value) => {
        if (typeof value === 'string')
            return restoreString(value);
        if (Array.isArray(value))
            return value.map(restore);
        if (value !== null && typeof value === 'object') {
            return Object.fromEntries(Object.entries(value).map(([key, item]) => [restoreString(key), restore(item)]));
        }
        return value;
    };
    return { text, restore };
}
//# sourceMappingURL=protect-references.js.map