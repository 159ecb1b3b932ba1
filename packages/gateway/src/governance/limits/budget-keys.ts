/** What both ledgers need to know about a budget's period: one entry per budget and period, expired some time after its reset. */

import type { BudgetWindow } from '../../pipeline/ports.js';

export type BudgetPeriodRef = Pick<BudgetWindow, 'budgetId' | 'periodKey' | 'resetAtMs'>;

/** Spend of a period is kept this long after the period reset, so it can still be read. Default 2 days. */
export const DEFAULT_RETENTION_MS = 2 * 24 * 60 * 60 * 1000;

export function periodId(budgetId: string, periodKey: string): string {
  return `${budgetId}:${periodKey}`;
}

/** The same budget and period named twice in one call must count once. */
export function distinctPeriods<T extends BudgetPeriodRef>(budgets: readonly T[]): T[] {
  if (budgets.length <= 1) return [...budgets];
  const seen = new Set<string>();
  return budgets.filter((budget) => {
    const id = periodId(budget.budgetId, budget.periodKey);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
