/**
 * Converts between the data plane's UsageRow and the `usage` table's columns. Numbers are made
 * safe for the column types on the way in (integers rounded, non-finite values to 0), because a
 * fractional latency from performance.now() would be rejected by a Postgres integer column and
 * block the whole batch. The owner fields (userId, teamId) are optional on UsageRow: a missing one
 * is stored as null, and a null column is read back as an absent field.
 */
/** The `usage` table's columns, in the order of usageRowValues. */
export const USAGE_COLUMNS = [
    'request_id',
    'created_at',
    'key_id',
    'user_id',
    'team_id',
    'protocol',
    'endpoint',
    'model_group',
    'provider',
    'deployment_id',
    'upstream_model',
    'stream',
    'prompt_tokens',
    'completion_tokens',
    'cached_tokens',
    'tokens_estimated',
    'cost_usd',
    'latency_ms',
    'ttft_ms',
    'status',
    'outcome',
    'error_code',
    'attempts',
];
export const USAGE_COLUMN_COUNT = USAGE_COLUMNS.length;
export function toUsageTableRow(row) {
    const createdAt = row.createdAt.getTime();
    return {
        request_id: row.requestId,
        created_at: Number.isFinite(createdAt) ? createdAt : Date.now(),
        key_id: row.keyId,
        user_id: row.userId ?? null,
        team_id: row.teamId ?? null,
        protocol: row.protocol,
        endpoint: row.endpoint,
        model_group: row.modelGroup,
        provider: row.provider,
        deployment_id: row.deploymentId,
        upstream_model: row.upstreamModel,
        stream: row.stream ? 1 : 0,
        prompt_tokens: integer(row.promptTokens),
        completion_tokens: integer(row.completionTokens),
        cached_tokens: integer(row.cachedTokens),
        tokens_estimated: row.tokensEstimated ? 1 : 0,
        cost_usd: Number.isFinite(row.costUsd) ? row.costUsd : 0,
        latency_ms: integer(row.latencyMs),
        ttft_ms: row.ttftMs === null ? null : integer(row.ttftMs),
        status: integer(row.status),
        outcome: row.outcome,
        error_code: row.errorCode,
        attempts: integer(row.attempts),
    };
}
/** The row's column values in USAGE_COLUMNS order, made safe the same way (for a prepared statement). */
export function usageRowValues(row) {
    const table = toUsageTableRow(row);
    return USAGE_COLUMNS.map((column) => table[column]);
}
export function fromUsageTableRow(row) {
    const mapped = {
        requestId: row.request_id,
        createdAt: new Date(Number(row.created_at)),
        keyId: row.key_id,
        protocol: row.protocol,
        endpoint: row.endpoint,
        modelGroup: row.model_group,
        provider: row.provider,
        deploymentId: row.deployment_id,
        upstreamModel: row.upstream_model,
        stream: Number(row.stream) === 1,
        promptTokens: Number(row.prompt_tokens),
        completionTokens: Number(row.completion_tokens),
        cachedTokens: Number(row.cached_tokens),
        tokensEstimated: Number(row.tokens_estimated) === 1,
        costUsd: Number(row.cost_usd),
        latencyMs: Number(row.latency_ms),
        ttftMs: row.ttft_ms === null ? null : Number(row.ttft_ms),
        status: Number(row.status),
        outcome: row.outcome,
        errorCode: row.error_code,
        attempts: Number(row.attempts),
    };
    if (typeof row.user_id === 'string')
        mapped.userId = row.user_id;
    if (typeof row.team_id === 'string')
        mapped.teamId = row.team_id;
    return mapped;
}
/** Postgres integer columns are 32-bit; clamp so one absurd value cannot block a batch. */
const INTEGER_MAX = 2_147_483_647;
function integer(value) {
    if (!Number.isFinite(value))
        return 0;
    return Math.min(INTEGER_MAX, Math.max(-INTEGER_MAX, Math.round(value)));
}
//# sourceMappingURL=usage-row-mapping.js.map