/**
 * Turns zod issues into one line each, in the file's own terms
 * (`server.prot: unknown key (did you mean "port"?)`), never a stack trace.
 */
import { didYouMean } from './did-you-mean.js';
import { formatPath } from './format-path.js';
export function formatIssues(issues, context) {
    return issues.flatMap((issue) => formatIssue(issue, context));
}
function formatIssue(issue, context) {
    const { schema } = context;
    const where = formatPath(issue.path) || '(top level)';
    if (issue.code === 'unrecognized_keys') {
        const known = knownKeysAt(schema, issue.path);
        return issue.keys.map((key) => {
            const suggestion = didYouMean(key, known);
            const hint = suggestion === undefined ? '' : ` (did you mean "${suggestion}"?)`;
            const keyPath = formatPath([...issue.path, key]);
            return `${keyPath}: unknown key${hint}`;
        });
    }
    if (issue.code === 'invalid_type' && valueAt(context.input, issue.path) === undefined)
        return [`${where}: required`];
    if (issue.code === 'invalid_key') {
        const detail = issue.issues.map((inner) => inner.message).join('; ');
        return [`${where}: invalid key: ${detail}`];
    }
    return [`${where}: ${issue.message}`];
}
function valueAt(input, path) {
    let current = input;
    for (const segment of path) {
        if (current === null || typeof current !== 'object')
            return undefined;
        current = current[segment];
    }
    return current;
}
/** The keys an object schema accepts at a path, walking through records, arrays and wrappers. */
export function knownKeysAt(schema, path) {
    let current = unwrap(schema);
    for (const segment of path) {
        if (current === undefined)
            return [];
        const def = current._zod.def;
        if (def.type === 'object')
            current = def.shape[String(segment)];
        else if (def.type === 'record')
            current = def.valueType;
        else if (def.type === 'array')
            current = def.element;
        else
            return [];
        current = current === undefined ? undefined : unwrap(current);
    }
    if (current === undefined || current._zod.def.type !== 'object')
        return [];
    return Object.keys(current._zod.def.shape);
}
/** Looks through optional/default/prefault/pipe wrappers to the schema that holds the shape. */
function unwrap(schema) {
    let current = schema;
    for (let depth = 0; depth < 10; depth++) {
        const def = current._zod.def;
        if (def.innerType)
            current = def.innerType;
        else if (def.type === 'pipe' && def.out)
            current = def.out;
        else
            break;
    }
    return current;
}
//# sourceMappingURL=format-problems.js.map