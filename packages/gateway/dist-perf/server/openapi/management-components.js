/**
 * Shared pieces of the management API's part of the document: how a caller authenticates (the
 * master key, a key scoped to `management`, or a dashboard user's access token), the error
 * responses of /api routes (OpenAI's error shape, with examples rendered by the real renderer), and
 * managementOperation(), which states each operation's permission both as the
 * `x-switchyard-permission` extension and in words, naming the roles that hold it.
 */
import { GatewayError } from '../../core/index.js';
import { DATA_KEY_PERMISSIONS, ROLES, ROLE_PERMISSIONS } from '../../governance/roles.js';
import { renderOpenAIError } from '../openai/codec/render-openai-error.js';
import { COMMON_HEADERS, PUBLIC_SECURITY } from './components.js';
import { ref } from './openapi-types.js';
export const MANAGEMENT_TAGS = [
    { name: 'Auth', description: 'Dashboard sign-in: access and refresh tokens for users.' },
    { name: 'Keys', description: 'Virtual keys: create, list, rotate with a grace period, revoke.' },
    { name: 'Users', description: 'Users and teams, with roles that decide what each may do.' },
    { name: 'Budgets', description: 'Spend budgets and rate limits, enforced on the data plane.' },
    { name: 'Credentials', description: 'Provider credentials stored encrypted; never read back whole.' },
    { name: 'Account', description: "The caller's own account, and spend of everyone." },
    { name: 'Audit', description: 'The append-only log of every management action.' },
];
export const MANAGEMENT_SECURITY_SCHEMES = {
    userToken: {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: "A dashboard user's access token from POST /api/auth/login, as `Authorization: Bearer <token>`. It acts with the user's role.",
    },
};
/** The master key, a management-scoped key (bearer or x-api-key), or a user's access token. */
export const MANAGEMENT_SECURITY = [{ bearerAuth: [] }, { apiKeyAuth: [] }, { userToken: [] }];
export const MANAGEMENT_ERROR_STATUSES = [400, 401, 403, 404, 409, 413, 415, 500, 503];
const EXAMPLES = {
    400: new GatewayError('SY_ERR_INVALID_REQUEST', "Missing required parameter: 'name'.", { param: 'name' }),
    401: new GatewayError('SY_ERR_UNAUTHENTICATED', 'Missing API key. Send it as "Authorization: Bearer <key>" or "x-api-key: <key>".'),
    403: new GatewayError('SY_ERR_FORBIDDEN', 'Permission denied: role "viewer" may not manage users (needs "users.manage").'),
    404: new GatewayError('SY_ERR_NOT_FOUND', "No user with id 'usr_4kLm9QwErTyUiOp2'."),
    409: new GatewayError('SY_ERR_CONFLICT', 'A user with email ada@example.com already exists.'),
    413: new GatewayError('SY_ERR_BODY_TOO_LARGE', "The request body is larger than this gateway's limit of 1048576 bytes."),
    415: new GatewayError('SY_ERR_UNSUPPORTED_MEDIA_TYPE', "Unsupported Content-Type 'text/plain'; send the body as application/json."),
    500: new GatewayError('SY_ERR_INTERNAL', 'Internal error: unexpected state.'),
    503: new GatewayError('SY_ERR_SHUTTING_DOWN', 'The gateway is shutting down; retry the request.'),
};
const CAUSES = {
    400: 'The body, a parameter or a query value is invalid; `param` names it.',
    401: 'No key or token, or one that is unknown, revoked or expired (`invalid_api_key`, `key_revoked`, `key_expired`), or a session that has ended.',
    403: "The caller's role lacks the operation's permission (`permission_denied`), or a disabled user signs in.",
    404: 'No record with that id (`not_found`).',
    409: 'The change conflicts with what is stored (`conflict`): a duplicate name or email, the last admin, a budget from the config file.',
    413: 'The body is larger than the gateway accepts.',
    415: 'The body is not application/json.',
    500: 'An unexpected failure of the gateway.',
    503: 'The gateway is shutting down, or its database is unreachable.',
};
export function managementErrorName(status) {
    return `ApiError${status}`;
}
export function managementErrorComponents() {
    const responses = {};
    for (const status of MANAGEMENT_ERROR_STATUSES) {
        const example = EXAMPLES[status];
        const headers = status >= 500 ? { ...COMMON_HEADERS, 'x-should-retry': ref('headers', 'ShouldRetry') } : COMMON_HEADERS;
        responses[managementErrorName(status)] = {
            description: CAUSES[status],
            headers,
            content: {
                'application/json': {
                    schema: ref('schemas', 'OpenAIError'),
                    examples: { [example.code]: { summary: example.message, value: renderOpenAIError(example).body } },
                },
            },
        };
    }
    return responses;
}
function apiErrors(statuses) {
    return Object.fromEntries(statuses.map((status) => [String(status), ref('responses', managementErrorName(status))]));
}
/** Who holds a permission, in words, for the operation's description. */
export function permissionSentence(permission) {
    if (permission === 'public')
        return 'Public: no key or token needed.';
    const roles = ROLES.filter((role) => ROLE_PERMISSIONS[role].includes(permission));
    const dataKeys = DATA_KEY_PERMISSIONS.includes(permission) ? ', and keys scoped to the data plane' : '';
    return `Requires the \`${permission}\` permission: the master key, roles ${roles.map((role) => `\`${role}\``).join(', ')}${dataKeys}.`;
}
export function managementOperation(options) {
    const publicRoute = options.permission === 'public';
    const always = publicRoute ? [500, 503] : [401, 403, 500, 503];
    const bodyErrors = options.requestBody ? [400, 413, 415] : [];
    const statuses = MANAGEMENT_ERROR_STATUSES.filter((status) => always.includes(status) || bodyErrors.includes(status) || options.errors?.includes(status));
    return {
        operationId: options.operationId,
        summary: options.summary,
        description: `${options.description}\n\n${permissionSentence(options.permission)}`,
        tags: [options.tag],
        security: publicRoute ? PUBLIC_SECURITY : MANAGEMENT_SECURITY,
        parameters: [...(options.parameters ?? []), ref('parameters', 'RequestId')],
        ...(options.requestBody ? { requestBody: options.requestBody } : {}),
        responses: { ...options.responses, ...apiErrors(statuses) },
        'x-switchyard-permission': options.permission,
    };
}
/** A required JSON body of a component schema, with one example. */
export function jsonBody(schema, example) {
    return { required: true, content: { 'application/json': { schema: ref('schemas', schema), examples: { example: { value: example } } } } };
}
/** A JSON answer of a component schema. */
export function jsonAnswer(description, schema, example) {
    return {
        description,
        headers: COMMON_HEADERS,
        content: { 'application/json': { schema: ref('schemas', schema), ...(example === undefined ? {} : { examples: { example: { value: example } } }) } },
    };
}
export function noContent(description) {
    return { description, headers: COMMON_HEADERS };
}
export function idParameter(kind, example) {
    return { name: 'id', in: 'path', required: true, description: `The ${kind}'s id.`, schema: { type: 'string', minLength: 1 }, example };
}
export function queryParameter(name, description, schema = { type: 'string' }) {
    return { name, in: 'query', required: false, description, schema };
}
//# sourceMappingURL=management-components.js.map