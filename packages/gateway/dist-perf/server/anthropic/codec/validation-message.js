/**
 * Turns a zod issue into the message the Anthropic API would give: the field's dotted path, a
 * colon, and a Pydantic-style sentence ("max_tokens: Field required",
 * "messages.0.content.1.type: Input should be 'user' or 'assistant'"), so that client code and
 * people reading logs see what they would see from the real API.
 */
/** Describes one issue of a failed parse of `body`. */
export function describeIssue(issue, body) {
    const { path, sentence } = explain(issue, [], body);
    const param = path.map(String).join('.');
    return { param, message: param === '' ? sentence : `${param}: ${sentence}` };
}
function explain(issue, prefix, body) {
    const path = [...prefix, ...issue.path];
    const value = valueAt(body, path);
    switch (issue.code) {
        case 'invalid_type':
            return { path, sentence: value === undefined ? 'Field required' : `Input should be a valid ${typeName(issue.expected)}` };
        case 'too_small':
            return { path, sentence: bound({ origin: issue.origin, limit: issue.minimum, inclusive: issue.inclusive, side: 'greater' }) };
        case 'too_big':
            return { path, sentence: bound({ origin: issue.origin, limit: issue.maximum, inclusive: issue.inclusive, side: 'less' }) };
        case 'invalid_value':
            return { path, sentence: `Input should be ${listOf(issue.values.map((item) => `'${String(item)}'`))}` };
        case 'invalid_union':
            return explainUnion(issue, path, body);
        default:
            return { path, sentence: issue.message };
    }
}
/**
 * A discriminated union names the tag it could not match. A plain union (string or list) reports
 * the branch that got furthest, since that is the one the client meant; when none got past the
 * value's own type, it lists the types that would have been accepted.
 */
function explainUnion(issue, path, body) {
    if (issue.discriminator !== undefined) {
        const tag = valueAt(body, path);
        const options = 'options' in issue ? (issue.options ?? []) : [];
        const expected = options.map((option) => `'${String(option)}'`).join(', ');
        const sentence = tag === undefined
            ? `Unable to extract tag using discriminator '${issue.discriminator}'`
            : `Input tag '${String(tag)}' found using '${issue.discriminator}' does not match any of the expected tags: ${expected}`;
        // zod reports the path of the tag itself; keep it (it names the field that is wrong).
        return { path: path.at(-1) === issue.discriminator ? path : [...path, issue.discriminator], sentence };
    }
    const branches = issue.errors.filter((branch) => branch.length > 0);
    const deepest = branches.reduce((best, branch) => (best === undefined || depth(branch) > depth(best) ? branch : best), undefined);
    if (deepest === undefined || depth(deepest) === 0) {
        const expected = branches.map((branch) => branch[0]).filter((first) => first?.code === 'invalid_type');
        if (expected.length === 0)
            return { path, sentence: issue.message };
        if (valueAt(body, path) === undefined)
            return { path, sentence: 'Field required' };
        const names = expected.map((first) => (first.code === 'invalid_type' ? typeName(first.expected) : ''));
        return { path, sentence: `Input should be a valid ${listOf([...new Set(names)], 'or')}` };
    }
    const first = deepest[0];
    return first === undefined ? { path, sentence: issue.message } : explain(first, path, body);
}
function depth(branch) {
    return Math.max(...branch.map((issue) => issue.path.length));
}
function bound(options) {
    const { origin, limit, inclusive, side } = options;
    const count = Number(limit);
    if (origin === 'array') {
        return side === 'greater'
            ? `List should have at least ${count} item${count === 1 ? '' : 's'}`
            : `List should have at most ${count} item${count === 1 ? '' : 's'}`;
    }
    if (origin === 'string') {
        return side === 'greater'
            ? `String should have at least ${count} character${count === 1 ? '' : 's'}`
            : `String should have at most ${count} character${count === 1 ? '' : 's'}`;
    }
    return `Input should be ${side} than${inclusive ? ' or equal to' : ''} ${count}`;
}
const TYPE_NAMES = {
    int: 'integer',
    number: 'number',
    string: 'string',
    boolean: 'boolean',
    array: 'list',
    object: 'dictionary',
    record: 'dictionary',
};
function typeName(expected) {
    return TYPE_NAMES[expected] ?? expected;
}
function listOf(items, conjunction = 'or') {
    if (items.length <= 1)
        return items.join('');
    return `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`;
}
function valueAt(body, path) {
    let current = body;
    for (const key of path) {
        if (current === null || typeof current !== 'object')
            return undefined;
        current = current[key];
    }
    return current;
}
//# sourceMappingURL=validation-message.js.map