/** GET /api/health and /api/ai/health in the document: the component report and its schema. */
import { number, object, string } from './components.js';
import { jsonAnswer, managementOperation } from './management-components.js';
const STATUS = { type: 'string', enum: ['ok', 'degraded', 'down'] };
export const HEALTH_SCHEMAS = {
    ComponentHealth: object({
        status: STATUS,
        detail: string('One line a person can act on.'),
        required: { type: 'boolean', description: 'True for components the gateway cannot serve without (the database); their `down` makes the report `down`.' },
    }, ['status', 'detail'], { additionalProperties: true, description: 'Further figures depend on the component: `latencyMs` (database), `deployments` with breaker states (providers), `length`/`limit`/`dropped` (queues), `running`/`failedAt` (workers).' }),
    HealthReport: object({
        status: { ...STATUS, description: '`down` when a required component is down (HTTP 503); `degraded` when anything else is not ok.' },
        version: string('Gateway version.'),
        uptimeSeconds: number('Seconds since the gateway started.'),
        checkedAt: string('When the report was made.', { format: 'date-time' }),
        components: {
            type: 'object',
            description: 'Keyed `database`, `redis` (when configured), `provider:{id}`, `queue:{name}`, `worker:{name}`.',
            additionalProperties: { $ref: '#/components/schemas/ComponentHealth' },
        },
    }, ['status', 'version', 'uptimeSeconds', 'checkedAt', 'components']),
};
const EXAMPLE = {
    status: 'degraded',
    version: '0.1.0',
    uptimeSeconds: 5400,
    checkedAt: '2026-11-22T10:00:00.000Z',
    components: {
        database: { status: 'ok', required: true, detail: 'sqlite answered in 0.08 ms', dialect: 'sqlite', latencyMs: 0.08 },
        'provider:openai': { status: 'degraded', detail: '1 of 2 deployment breakers open', deployments: [{ id: 'gpt-4o/openai', model: 'gpt-4o', breaker: 'open', consecutiveFailures: 5 }] },
        'queue:usage-writer': { status: 'ok', detail: '3 of 100000 usage rows queued (0 %)', length: 3, limit: 100000 },
        'worker:routing-sync': { status: 'ok', detail: 're-reads stored routing changes every 10 s', running: true },
    },
};
function healthOperation(operationId, alias) {
    const operation = managementOperation({
        operationId,
        summary: alias ? 'Component health (alias of /api/health)' : 'Component health',
        description: 'Every component with its status and a detail line: the database (pinged), Redis when configured, each provider with its deployments\u2019 circuit-breaker states, the queues (usage writer, gateway-wide routing queue) and the background workers; and an overall status. `/ready` answers from the same report.',
        tag: 'Operations',
        permission: 'models.read',
        responses: { '200': jsonAnswer('The gateway serves (ok or degraded).', 'HealthReport', EXAMPLE) },
    });
    return { ...operation, responses: { ...operation.responses, '503': jsonAnswer('A required component (the database) is down.', 'HealthReport') } };
}
export const HEALTH_PATHS = {
    '/api/health': { get: healthOperation('getHealth', false) },
    '/api/ai/health': { get: healthOperation('getAiHealth', true) },
};
//# sourceMappingURL=management-health.js.map