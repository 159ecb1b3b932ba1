/**
 * How a budget is shown by the management API: its definition, where it comes from (`api` for
 * budgets stored through the API, `config` for the config file's, whose ids start with `cfg_`),
 * and its current period read from the budget ledger: spent, reserved by requests in flight,
 * remaining, and when the period started and resets.
 */
import { currentPeriod } from '../../governance/budget-period.js';
/** Ids of budgets from the config file (policy-loader.ts names them so). */
export const CONFIG_BUDGET_PREFIX = 'cfg_';
export function storedDefinition(record) {
    return {
        id: record.id,
        name: record.name,
        source: 'api',
        scope: record.scopeType,
        scopeId: record.scopeId,
        limitUsd: record.limitUsd,
        period: record.period,
        thresholds: record.thresholds,
        resetAt: record.resetAt?.toISOString() ?? null,
        createdAt: record.createdAt.toISOString(),
        updatedAt: record.updatedAt.toISOString(),
    };
}
export function configDefinition(budget) {
    return {
        id: budget.id,
        name: budget.name,
        source: 'config',
        scope: budget.scope,
        scopeId: budget.scopeId,
        limitUsd: budget.limitUsd,
        period: budget.period,
        thresholds: budget.thresholds,
        resetAt: null,
        createdAt: null,
        updatedAt: null,
    };
}
export async function withCurrentPeriod(ledger, definition, nowMs = Date.now()) {
    const resetAtMs = definition.resetAt === null ? null : Date.parse(definition.resetAt);
    const period = currentPeriod({ period: definition.period, nowMs, resetAtMs });
    const { spentUsd, reservedUsd } = await ledger.read(definition.id, period.key);
    return {
        ...definition,
        periodStartedAt: new Date(period.startMs).toISOString(),
        resetsAt: new Date(period.endMs).toISOString(),
        spentUsd,
        reservedUsd,
        remainingUsd: Math.max(0, definition.limitUsd - spentUsd - reservedUsd),
    };
}
//# sourceMappingURL=budget-view.js.map