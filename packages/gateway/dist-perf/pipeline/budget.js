/**
 * Stage: budget. Before dispatch, reserves the request's worst-case cost (its prompt at the
 * dearest deployment's input price plus its output cap at that deployment's output price) against
 * every budget that applies — key, user, team, global — all or nothing; a budget that cannot
 * cover it is a 429 `budget_exceeded` naming the budget and its reset, with x-should-retry: false.
 * After the answer the reservation is settled to the real cost, or released when nothing was billed,
 * so concurrent requests overshoot a budget by no more than what was already in flight.
 */
import { GatewayError } from '../core/index.js';
const NOTHING_RESERVED = { settle: () => { } };
/** The most the request can cost on any deployment of the plan. */
export function worstCaseCostUsd(options) {
    let worst = 0;
    for (const deployment of options.deployments) {
        const unit = options.prices.unitPrices(deployment);
        const output = options.maxOutputTokens ?? deployment.defaultMaxTokens;
        worst = Math.max(worst, options.promptTokens * unit.input + output * unit.output);
    }
    return worst;
}
export async function admitBudgets(options) {
    const { budgets } = options;
    if (budgets.length === 0)
        return NOTHING_RESERVED;
    const result = await options.ledger.reserve(budgets, options.worstCaseUsd);
    if (!result.ok)
        throw budgetExceeded(result.budget, result.spentUsd + result.reservedUsd);
    return settlerFor({ ledger: options.ledger, policy: options.policy, reservation: result.reservation, budgets });
}
function settlerFor(options) {
    let settled = false;
    return {
        settle(actualUsd) {
            if (settled)
                return;
            settled = true;
            const { ledger, reservation } = options;
            // Bookkeeping after the answer: the client never waits on it, and it must not throw into the request.
            const done = actualUsd > 0 ? ledger.settle(reservation, actualUsd) : ledger.release(reservation);
            done
                .then(async () => {
                if (actualUsd <= 0 || !options.policy.budgetCharged)
                    return;
                for (const budget of options.budgets) {
                    const { spentUsd } = await ledger.read(budget.budgetId, budget.periodKey);
                    options.policy.budgetCharged?.(budget, spentUsd);
                }
            })
                .catch(() => { });
        },
    };
}
function budgetExceeded(budget, spentUsd) {
    const resetAt = new Date(budget.resetAtMs).toISOString();
    return new GatewayError('SY_ERR_BUDGET_EXCEEDED', `Budget exceeded: ${budget.label} has $${spentUsd.toFixed(4)} of $${budget.limitUsd.toFixed(2)} spent or reserved; it resets at ${resetAt}.`, { headers: { 'x-switchyard-budget-reset': resetAt } });
}
//# sourceMappingURL=budget.js.map