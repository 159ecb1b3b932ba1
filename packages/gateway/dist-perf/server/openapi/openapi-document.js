/**
 * The OpenAPI 3.1 document of the gateway, assembled from one module per area. Pure: the same
 * input gives the same document. `documentedOperations` names each operation the way Fastify
 * names routes, so a test can keep the document and the registered routes in step.
 */
import { AI_ADMIN_PATHS, AI_ADMIN_SCHEMAS, AI_ADMIN_TAG } from './ai-admin.js';
import { AI_ENDPOINT_SCHEMAS } from './ai-endpoints-schemas.js';
import { AI_ENDPOINT_PATHS, AI_ENDPOINT_TAG } from './ai-endpoints.js';
import { ANTHROPIC_REQUEST_SCHEMAS } from './anthropic-messages-request.js';
import { ANTHROPIC_RESPONSE_SCHEMAS } from './anthropic-messages-response.js';
import { MESSAGES_OPERATION } from './anthropic-messages.js';
import { HEADERS, KEY_SECURITY, PARAMETERS, SECURITY_SCHEMES } from './components.js';
import { ERROR_SCHEMAS, errorResponseComponents } from './errors.js';
import { GET_MODEL_OPERATION, LIST_MODELS_OPERATION, MODELS_SCHEMAS } from './models.js';
import { OPENAI_CHAT_REQUEST_SCHEMAS } from './openai-chat-request.js';
import { OPENAI_CHAT_RESPONSE_SCHEMAS } from './openai-chat-response.js';
import { CHAT_COMPLETIONS_OPERATION } from './openai-chat.js';
import { EMBEDDINGS_OPERATION, OPENAI_EMBEDDINGS_SCHEMAS } from './openai-embeddings.js';
import { MANAGEMENT_PATHS, MANAGEMENT_SCHEMAS, MANAGEMENT_SECURITY_SCHEMES, MANAGEMENT_TAGS, managementErrorComponents, withPermission, } from './management-paths.js';
import { ANALYTICS_TAG } from './management-analytics.js';
import { METRICS_TAG } from './management-metrics.js';
import { HTTP_METHODS } from './openapi-types.js';
import { DASHBOARD_FILE_OPERATION, OPS_OPERATIONS, OPS_SCHEMAS } from './ops.js';
const DESCRIPTION = `Switchyard is a self-hosted AI gateway: send the OpenAI or the Anthropic API to it, and it routes each request to a configured provider (OpenAI-compatible, Anthropic, Gemini, or the built-in simulator), streams the answer back and records its usage.

**Authentication.** Data-plane routes take the master key or a virtual key, as \`Authorization: Bearer <key>\` or \`x-api-key: <key>\` (both work everywhere). Health, readiness, this document, /docs and the dashboard's files are public.

**Management API.** Routes under /api take the master key, a key scoped to \`management\` (acting with its role), or a dashboard user's access token from POST /api/auth/login (acting with the user's role). Each operation needs one permission, given in its description and as \`x-switchyard-permission\`; a caller without it gets 403 \`permission_denied\`. Keys scoped to the data plane may use models and read their own account.

**Request ids.** Every response carries \`x-request-id\`. Send your own (1–128 of \`[A-Za-z0-9_.:-]\`) to have it kept.

**Providers.** A model name is a model group; the gateway picks one of its deployments. When the deployment speaks the client's protocol the request is passed through (only \`model\` rewritten) and the answer relayed as it came; otherwise it is translated. \`x-switchyard-provider\` names the provider used.

**Errors.** Always in the protocol's own shape: OpenAI's \`{"error": {message, type, param, code}}\` everywhere except /v1/messages, which uses Anthropic's \`{"type": "error", "error": {type, message}}\`. Retryable failures carry \`x-should-retry\` and, when known, \`retry-after\`, which the official SDKs obey.

**Streaming.** \`"stream": true\` answers with \`text/event-stream\`; see each operation for its frames. Once the first byte is sent a failure arrives in-band, never as a retry.`;
export function buildOpenApiDocument(options) {
    return {
        openapi: '3.1.0',
        info: { title: 'Switchyard gateway', version: options.version, summary: 'OpenAI- and Anthropic-compatible AI gateway.', description: DESCRIPTION },
        jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
        servers: [{ url: '/', description: 'This gateway.' }],
        tags: [
            { name: 'OpenAI', description: 'The OpenAI protocol: point an OpenAI SDK at `<gateway>/v1`.' },
            { name: 'Anthropic', description: 'The Anthropic protocol: point an Anthropic SDK at `<gateway>`.' },
            { name: 'Models', description: 'The model groups a key may use.' },
            AI_ENDPOINT_TAG,
            ...MANAGEMENT_TAGS,
            AI_ADMIN_TAG,
            ANALYTICS_TAG,
            METRICS_TAG,
            { name: 'Operations', description: 'Probes for orchestrators and load balancers.' },
            { name: 'Documentation', description: 'This document and its browsable view.' },
            { name: 'Dashboard', description: 'The operator console (static files).' },
        ],
        security: KEY_SECURITY,
        paths: {
            '/v1/chat/completions': { post: CHAT_COMPLETIONS_OPERATION },
            '/v1/embeddings': { post: EMBEDDINGS_OPERATION },
            '/v1/messages': { post: MESSAGES_OPERATION },
            '/v1/models': { get: LIST_MODELS_OPERATION },
            '/v1/models/{model}': { get: GET_MODEL_OPERATION },
            ...withPermission(AI_ENDPOINT_PATHS, 'models.query'),
            ...MANAGEMENT_PATHS,
            ...AI_ADMIN_PATHS,
            ...OPS_OPERATIONS,
            '/dashboard/{file}': { get: DASHBOARD_FILE_OPERATION },
        },
        components: {
            schemas: {
                ...OPENAI_CHAT_REQUEST_SCHEMAS,
                ...OPENAI_CHAT_RESPONSE_SCHEMAS,
                ...OPENAI_EMBEDDINGS_SCHEMAS,
                ...MODELS_SCHEMAS,
                ...ANTHROPIC_REQUEST_SCHEMAS,
                ...ANTHROPIC_RESPONSE_SCHEMAS,
                ...ERROR_SCHEMAS,
                ...OPS_SCHEMAS,
                ...AI_ENDPOINT_SCHEMAS,
                ...MANAGEMENT_SCHEMAS,
                ...AI_ADMIN_SCHEMAS,
            },
            responses: { ...errorResponseComponents(), ...managementErrorComponents() },
            parameters: PARAMETERS,
            headers: HEADERS,
            securitySchemes: { ...SECURITY_SCHEMES, ...MANAGEMENT_SECURITY_SCHEMES },
        },
    };
}
/**
 * Every operation as `METHOD route`, with the route spelled as Fastify registers it
 * (`GET /v1/models/*`, `GET /dashboard/:file`): the operation's `x-route` when it has one,
 * otherwise the path with `{name}` written `:name`.
 */
export function documentedOperations(document) {
    const operations = [];
    for (const [path, item] of Object.entries(document.paths)) {
        for (const method of HTTP_METHODS) {
            const operation = item[method];
            if (operation === undefined)
                continue;
            const route = operation['x-route'] ?? path.replace(/\{([^}]+)\}/g, ':$1');
            operations.push(`${method.toUpperCase()} ${route}`);
        }
    }
    return operations.sort();
}
//# sourceMappingURL=openapi-document.js.map