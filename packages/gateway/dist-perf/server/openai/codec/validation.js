/**
 * Turns zod's validation issues into one GatewayError a person can act on: the first problem,
 * named by its field path the way OpenAI's docs write it (`messages[0].content`), e.g.
 * "temperature: expected a number between 0 and 2" or "Missing required parameter: 'model'.".
 */
import { GatewayError } from '../../../core/index.js';
/** `['messages', 0, 'content']` → `messages[0].content`. */
export function formatPath(path) {
    let text = '';
    for (const segment of path) {
        if (typeof segment === 'number')
            text += `[${segment}]`;
        else
            text += text === '' ? String(segment) : `.${String(segment)}`;
    }
    return text;
}
/** A 400 for the field at `path` (an empty path means the whole body). */
export function invalidRequest(path, message, code = 'SY_ERR_INVALID_REQUEST') {
    const param = formatPath(path);
    return new GatewayError(code, `${param === '' ? 'Request body' : param}: ${message}`, {
        param: param === '' ? undefined : param,
    });
}
/** A 400 for a required field that is absent, worded as OpenAI words it. */
export function missingParameter(path) {
    const param = formatPath(path);
    return new GatewayError('SY_ERR_INVALID_REQUEST', `Missing required parameter: '${param}'.`, { param });
}
/** Validates `body` against `schema`, throwing the GatewayError of its first issue. */
export function parseWithSchema(schema, body) {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        throw invalidRequest([], 'expected a JSON object');
    }
    const result = schema.safeParse(body, { reportInput: true });
    if (result.success)
        return result.data;
    const first = result.error.issues[0];
    throw first === undefined ? invalidRequest([], 'invalid request') : issueToError(first, []);
}
function issueToError(issue, prefix) {
    const path = [...prefix, ...issue.path];
    // With reportInput, an issue lacks `input` exactly when the key was absent (JSON has no undefined).
    const absent = !('input' in issue) || issue.input === undefined;
    if (absent && issue.code !== 'custom')
        return missingParameter(path);
    if (issue.code === 'invalid_union') {
        const deeper = deepestBranchIssue(issue);
        if (deeper !== undefined)
            return issueToError(deeper, path);
        if (issue.discriminator !== undefined && isMissingKey(issue.input, issue.discriminator))
            return missingParameter(path);
    }
    return invalidRequest(path, issue.message);
}
/**
 * When every branch of a union failed, the branch that got furthest is the one the client meant:
 * the deepest first issue (an array of parts with one bad part, not "not a string"), and at equal
 * depth one that failed a check rather than the type (an empty array, not "not a string"). When no
 * branch got past the union's own type test, the union's own message says what was expected.
 */
function deepestBranchIssue(issue) {
    let best;
    let bestRank = 0;
    for (const branch of issue.errors ?? []) {
        const first = branch[0];
        if (first === undefined)
            continue;
        const rank = first.path.length * 2 + (first.code === 'invalid_type' ? 0 : 1);
        if (rank > bestRank) {
            best = first;
            bestRank = rank;
        }
    }
    return best;
}
function isMissingKey(input, key) {
    return typeof input === 'object' && input !== null && input[key] === undefined;
}
//# sourceMappingURL=validation.js.map