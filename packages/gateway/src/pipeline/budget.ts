/**
 * Stage: budget. Before dispatch, reserves the request's worst-case cost (its prompt at the
 * dearest deployment's input price plus its output cap at that deployment's output price) against
 * every budget that applies — key, user, team, global — all or nothing; a budget that cannot
 * cover it is a 429 `budget_exceeded` naming the budget and its reset, with x-should-retry: false.
 * After the answer the reservation is settled to the real cost, or released when nothing was billed,
 * so concurrent requests overshoot a budget by no more than what was already in flight.
 */

import type { PriceCatalog } from '../accounting/price-catalog.js';
import { GatewayError } from '../core/index.js';
import type { Deployment } from '../core/index.js';
import { thenAwaitable } from './awaitable.js';
import type { Awaitable } from './awaitable.js';
import type { BudgetLedger, BudgetReservation, BudgetReserveResult, BudgetWindow, GovernancePolicy } from './ports.js';

export interface BudgetAdmission {
  /** Charges the real cost (0 releases the reservation). Safe to call more than once: only the first counts. */
  settle(actualUsd: number): void;
}

const NOTHING_RESERVED: BudgetAdmission = { settle: () => {} };

/** The most the request can cost on any deployment of the plan. */
export function worstCaseCostUsd(options: {
  deployments: readonly Deployment[];
  prices: PriceCatalog;
  promptTokens: number;
  maxOutputTokens: number | null;
}): number {
  let worst = 0;
  for (const deployment of options.deployments) {
    const unit = options.prices.unitPrices(deployment);
    const output = options.maxOutputTokens ?? deployment.defaultMaxTokens;
    worst = Math.max(worst, options.promptTokens * unit.input + output * unit.output);
  }
  return worst;
}

/** Answers at once when the ledger does (the in-process one); a refusal is thrown, or rejected. */
export function admitBudgets(options: {
  policy: GovernancePolicy;
  ledger: BudgetLedger;
  /** The budgets that apply (GovernancePolicy.budgetsFor). */
  budgets: readonly BudgetWindow[];
  worstCaseUsd: number;
}): Awaitable<BudgetAdmission> {
  const { budgets } = options;
  if (budgets.length === 0) return NOTHING_RESERVED;
  return thenAwaitable(options.ledger.reserve(budgets, options.worstCaseUsd), (result: BudgetReserveResult): BudgetAdmission => {
    if (!result.ok) throw budgetExceeded(result.budget, result.spentUsd + result.reservedUsd);
    return settlerFor({ ledger: options.ledger, policy: options.policy, reservation: result.reservation, budgets });
  });
}

function settlerFor(options: {
  ledger: BudgetLedger;
  policy: GovernancePolicy;
  reservation: BudgetReservation;
  budgets: readonly BudgetWindow[];
}): BudgetAdmission {
  let settled = false;
  return {
    settle(actualUsd) {
      if (settled) return;
      settled = true;
      const { ledger, reservation } = options;
      // Bookkeeping after the answer: the client never waits on it, and it must not throw into the request.
      const done = actualUsd > 0 ? ledger.settle(reservation, actualUsd) : ledger.release(reservation);
      done
        .then(async () => {
          if (actualUsd <= 0 || !options.policy.budgetCharged) return;
          for (const budget of options.budgets) {
            const { spentUsd } = await ledger.read(budget.budgetId, budget.periodKey);
            options.policy.budgetCharged?.(budget, spentUsd);
          }
        })
        .catch(() => {});
    },
  };
}

function budgetExceeded(budget: BudgetWindow, spentUsd: number): GatewayError {
  const resetAt = new Date(budget.resetAtMs).toISOString();
  return new GatewayError(
    'SY_ERR_BUDGET_EXCEEDED',
    `Budget exceeded: ${budget.label} has $${spentUsd.toFixed(4)} of $${budget.limitUsd.toFixed(2)} spent or reserved; it resets at ${resetAt}.`,
    { headers: { 'x-switchyard-budget-reset': resetAt } },
  );
}
