/**
 * How a budget is shown by the management API: its definition, where it comes from (`api` for
 * budgets stored through the API, `config` for the config file's, whose ids start with `cfg_`),
 * and its current period read from the budget ledger: spent, reserved by requests in flight,
 * remaining, and when the period started and resets.
 */

import { currentPeriod } from '../../governance/budget-period.js';
import type { BudgetDefinition } from '../../governance/policy.js';
import type { BudgetLedger } from '../../pipeline/ports.js';
import type { BudgetRecord } from '../../store/index.js';

/** Ids of budgets from the config file (policy-loader.ts names them so). */
export const CONFIG_BUDGET_PREFIX = 'cfg_';

export interface BudgetView {
  id: string;
  name: string;
  source: 'api' | 'config';
  scope: BudgetRecord['scopeType'];
  scopeId: string | null;
  limitUsd: number;
  period: BudgetRecord['period'];
  thresholds: number[];
  /** The last manual reset. */
  resetAt: string | null;
  createdAt: string | null;
  updatedAt: string | null;
  periodStartedAt: string;
  resetsAt: string;
  spentUsd: number;
  reservedUsd: number;
  remainingUsd: number;
}

type Definition = Omit<BudgetView, 'periodStartedAt' | 'resetsAt' | 'spentUsd' | 'reservedUsd' | 'remainingUsd'>;

export function storedDefinition(record: BudgetRecord): Definition {
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

export function configDefinition(budget: BudgetDefinition): Definition {
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

export async function withCurrentPeriod(ledger: BudgetLedger, definition: Definition, nowMs = Date.now()): Promise<BudgetView> {
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
