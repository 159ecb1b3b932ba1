/**
 * The public, unauthenticated routes in the document: health and readiness (ops-routes.ts), the
 * Prometheus metrics (ops-routes.ts; authenticated only when observability.metrics.auth is on), this
 * document and its browsable view (openapi-routes.ts), and the dashboard's static files
 * (dashboard-routes.ts).
 */
import { COMMON_HEADERS, PUBLIC_SECURITY, object, string } from './components.js';
import { errorResponses } from './errors.js';
import { ref } from './openapi-types.js';
export const OPS_SCHEMAS = {
    Health: object({
        status: { type: 'string', enum: ['ok', 'degraded'], description: '`degraded` while an optional component (Redis) is down and the gateway serves without it.' },
        degraded: { type: 'array', items: { type: 'string' }, description: 'The components that are down.' },
    }, ['status']),
    Readiness: object({
        status: { type: 'string', enum: ['ready', 'degraded', 'not_ready'], description: '`not_ready` (503) only when a required component (the database) is down.' },
        checks: {
            type: 'object',
            description: 'One entry per component of the health report (database, redis, provider:{id}, queue:{name}, worker:{name}); see GET /api/health.',
            additionalProperties: object({ ok: { type: 'boolean' }, status: { type: 'string', enum: ['ok', 'degraded', 'down'] }, detail: string('What the check found.') }, ['ok']),
        },
    }, ['status', 'checks']),
};
const METRICS_EXAMPLE = [
    '# HELP switchyard_requests_total Finished requests (one per usage row), by model group, provider, deployment, HTTP status and outcome.',
    '# TYPE switchyard_requests_total counter',
    'switchyard_requests_total{model_group="gpt-4o",provider="openai",deployment="openai/gpt-4o",status="200",outcome="success"} 42',
    '',
].join('\n');
const DASHBOARD_FILES = { 'index.html': 'text/html', 'app.js': 'text/javascript', 'styles.css': 'text/css' };
function html(description) {
    return { description, headers: COMMON_HEADERS, content: { 'text/html': { schema: { type: 'string', contentMediaType: 'text/html' } } } };
}
function publicOperation(operation) {
    return { ...operation, security: PUBLIC_SECURITY, parameters: [ref('parameters', 'RequestId')] };
}
const readiness = (description, status) => ({
    description,
    headers: COMMON_HEADERS,
    content: {
        'application/json': {
            schema: ref('schemas', 'Readiness'),
            examples: { [status]: { value: { status, checks: { database: status === 'ready' ? { ok: true } : { ok: false, detail: 'connect ECONNREFUSED 127.0.0.1:5432' } } } } },
        },
    },
});
export const OPS_OPERATIONS = {
    '/health': {
        get: publicOperation({
            operationId: 'health',
            summary: 'Liveness',
            description: 'Answers while the process runs; for liveness probes.',
            tags: ['Operations'],
            responses: { '200': { description: 'Alive.', headers: COMMON_HEADERS, content: { 'application/json': { schema: ref('schemas', 'Health'), examples: { ok: { value: { status: 'ok' } } } } } } },
        }),
    },
    '/ready': {
        get: publicOperation({
            operationId: 'ready',
            summary: 'Readiness',
            description: 'Whether the gateway can serve traffic: the database and other required components answer. For readiness probes and load balancers.',
            tags: ['Operations'],
            responses: { '200': readiness('Ready.', 'ready'), '503': readiness('Not ready; `checks` says what failed.', 'not_ready') },
        }),
    },
    '/metrics': {
        get: publicOperation({
            operationId: 'metrics',
            summary: 'Prometheus metrics',
            description: 'Requests, latency and time-to-first-token histograms, tokens, cost, rejections, failed upstream attempts, circuit breakers, queues, the usage writer and process metrics, in the Prometheus text format; every metric is described in docs/observability.md. Served when `observability.metrics.enabled` (the default). Public by default, since scrapers usually sit on a private network; with `observability.metrics.auth: true` it takes the master key, a management key or a user token with the `analytics.read` permission, like /api routes.',
            tags: ['Operations'],
            responses: {
                '200': {
                    description: 'The metrics.',
                    headers: COMMON_HEADERS,
                    content: {
                        'text/plain': {
                            schema: { type: 'string', description: 'Prometheus text exposition format 0.0.4 (content type `text/plain; version=0.0.4; charset=utf-8`).' },
                            examples: { requests: { value: METRICS_EXAMPLE } },
                        },
                    },
                },
                ...errorResponses('openai', [401, 403]),
            },
        }),
    },
    '/api/openapi.json': {
        get: publicOperation({
            operationId: 'openApiDocument',
            summary: 'This OpenAPI document',
            description: 'The OpenAPI 3.1 description of every route of the gateway.',
            tags: ['Documentation'],
            responses: { '200': { description: 'The document.', headers: COMMON_HEADERS, content: { 'application/json': { schema: { type: 'object', description: 'An OpenAPI 3.1 document.' } } } } },
        }),
    },
    '/docs': {
        get: publicOperation({
            operationId: 'apiDocs',
            summary: 'Browsable API reference',
            description: 'A self-contained page that renders /api/openapi.json: endpoints, parameters, schemas and examples. Loads nothing from elsewhere.',
            tags: ['Documentation'],
            responses: { '200': html('The page.') },
        }),
    },
    '/dashboard': {
        get: publicOperation({
            operationId: 'dashboard',
            summary: 'The operator console',
            description: 'The dashboard page. The page itself is public; it asks for a key and calls the gateway\'s HTTP API with it.',
            tags: ['Dashboard'],
            responses: { '200': html('The dashboard page.') },
        }),
    },
    '/dashboard/': {
        get: publicOperation({
            operationId: 'dashboardSlash',
            summary: 'Redirect to /dashboard',
            tags: ['Dashboard'],
            responses: { '301': { description: 'Moved permanently to /dashboard, so the page has one address.', headers: { ...COMMON_HEADERS, location: { description: 'Always `/dashboard`.', schema: { const: '/dashboard' } } } } },
        }),
    },
};
export const DASHBOARD_FILE_OPERATION = {
    ...publicOperation({
        operationId: 'dashboardFile',
        summary: 'A file of the dashboard',
        description: 'The page\'s script and stylesheet. Only the listed names are served.',
        tags: ['Dashboard'],
        responses: {
            '200': {
                description: 'The file, with its content type.',
                headers: COMMON_HEADERS,
                content: Object.fromEntries(Object.values(DASHBOARD_FILES).map((type) => [type, { schema: { type: 'string', contentMediaType: type } }])),
            },
            ...errorResponses('openai', [404]),
        },
    }),
    parameters: [
        { name: 'file', in: 'path', required: true, description: 'The file name.', schema: { type: 'string', enum: Object.keys(DASHBOARD_FILES) }, example: 'app.js' },
        ref('parameters', 'RequestId'),
    ],
};
//# sourceMappingURL=ops.js.map