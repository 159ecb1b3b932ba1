/**
 * Stage: account. Turns a finished request's state into its one usage row: tokens from the
 * provider where it gave them, estimated otherwise; cost from the price catalogue; timings.
 * Recording is a queue push, so the request path never waits on the database. The row names its
 * owner (key, user, team) so that spend can be aggregated and budgets seeded per owner.
 */
import { estimateTextTokens } from '../accounting/token-estimator.js';
export function createAccountant(options) {
    return {
        finish(state, result) {
            if (state.recorded || state.principal === null)
                return null;
            state.recorded = true;
            const usage = completeUsage(state, result.outcome);
            const now = performance.now();
            const owner = ownerOf(state.principal);
            const row = {
                requestId: state.requestId,
                createdAt: state.receivedAt,
                keyId: owner.keyId,
                userId: owner.userId,
                teamId: owner.teamId,
                protocol: state.protocol,
                endpoint: state.endpoint,
                modelGroup: state.modelGroup ?? '',
                provider: state.deployment?.provider.id ?? null,
                deploymentId: state.deployment?.id ?? null,
                upstreamModel: state.upstreamModel ?? state.deployment?.model ?? null,
                stream: state.stream,
                promptTokens: usage.promptTokens,
                completionTokens: usage.completionTokens,
                cachedTokens: usage.cachedTokens,
                tokensEstimated: usage.estimated,
                costUsd: state.deployment ? options.prices.cost(state.deployment, usage) : 0,
                latencyMs: Math.round((now - state.startedAt) * 100) / 100,
                ttftMs: state.firstByteAt === null ? null : Math.round((state.firstByteAt - state.startedAt) * 100) / 100,
                status: result.status,
                outcome: result.outcome,
                errorCode: result.errorCode,
                attempts: state.attempts,
            };
            options.recorder.record(row);
            state.trace.end(row);
            if (state.afterRecord)
                for (const settle of state.afterRecord)
                    settle(row);
            return row;
        },
    };
}
const MASTER_OWNER = Object.freeze({ keyId: null, userId: null, teamId: null });
/** Who the row is charged to. A new Principal kind is one more case here (the switch is exhaustive). */
function ownerOf(principal) {
    switch (principal.kind) {
        case 'master':
            return MASTER_OWNER;
        case 'key':
            return { keyId: principal.key.id, userId: principal.key.userId, teamId: principal.key.teamId };
        case 'user':
            return { keyId: null, userId: principal.user.id, teamId: principal.user.teamId };
    }
}
/** The provider's usage when it gave one; otherwise an estimate of what was sent and received. */
function completeUsage(state, outcome) {
    const reported = state.usage;
    if (reported && !reported.estimated)
        return reported;
    const reachedUpstream = state.deployment !== null && outcome !== 'error';
    if (!reachedUpstream && !state.firstByteAt && !reported) {
        return { promptTokens: 0, completionTokens: 0, cachedTokens: 0, cacheWriteTokens: 0, estimated: false };
    }
    return {
        promptTokens: reported?.promptTokens || (state.estimatePromptTokens?.() ?? 0),
        completionTokens: reported?.completionTokens || estimateTextTokens(state.outputText),
        cachedTokens: reported?.cachedTokens ?? 0,
        cacheWriteTokens: reported?.cacheWriteTokens ?? 0,
        estimated: true,
    };
}
//# sourceMappingURL=account.js.map