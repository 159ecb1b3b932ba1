/**
 * Runs the governance stages for one request, in order: tier model access, rate limits, budget.
 * Each stage that admits the request leaves a settlement on the request state, run once the usage
 * row exists (real tokens for the token counters, real cost for the budgets), so a request that
 * fails, disconnects or succeeds is settled the same way.
 *
 * With the in-process counters and ledger (the default) every stage answers at once, and so does
 * govern: no promise and no microtask before dispatch. With Redis, it is a promise. The rate-limit
 * headers are only decided here; their text is made once the upstream call is out.
 */

import type { PriceCatalog } from '../accounting/price-catalog.js';
import { GatewayError } from '../core/index.js';
import type { Deployment } from '../core/index.js';
import { admitBudgets, worstCaseCostUsd } from './budget.js';
import type { BudgetAdmission } from './budget.js';
import { thenAwaitable } from './awaitable.js';
import type { Awaitable } from './awaitable.js';
import type { BudgetLedger, CounterStore, GovernancePolicy, LimitRule, RequestSubject } from './ports.js';
import { admitRateLimits } from './rate-limit.js';
import type { RateLimitAdmission } from './rate-limit.js';
import { deferResponseHeaders } from './request-state.js';
import type { Principal, RequestState } from './request-state.js';

export interface Governance {
  policy: GovernancePolicy;
  counters: CounterStore;
  ledger: BudgetLedger;
  prices: PriceCatalog;
}

export function subjectOf(principal: Principal, options: { ip: string; model: string }): RequestSubject {
  switch (principal.kind) {
    case 'master':
      return { keyId: null, userId: null, teamId: null, tier: null, ip: options.ip, model: options.model };
    case 'key':
      return {
        keyId: principal.key.id,
        userId: principal.key.userId,
        teamId: principal.key.teamId,
        tier: principal.key.tier,
        ip: options.ip,
        model: options.model,
      };
    case 'user':
      return { keyId: null, userId: principal.user.id, teamId: principal.user.teamId, tier: null, ip: options.ip, model: options.model };
  }
}

/**
 * Admits the request or throws (or rejects with) the refusal. A promise only when a stage answered
 * later; callers await only a promise.
 */
export function govern(options: {
  governance: Governance | undefined;
  state: RequestState;
  ip: string;
  /** The group the client asked for (limits and tier access name it). */
  model: string;
  /** Deployments the request may reach, for its worst-case cost. */
  deployments: readonly Deployment[];
  promptTokens: () => number;
  maxOutputTokens: number | null;
}): Awaitable<void> {
  const { governance, state } = options;
  if (!governance || !state.principal) return;
  const subject = subjectOf(state.principal, { ip: options.ip, model: options.model });
  const denied = governance.policy.modelDenied(subject);
  if (denied !== null) throw new GatewayError('SY_ERR_MODEL_FORBIDDEN', denied, { param: 'model' });

  let promptTokens: number | null = null;
  const prompt = () => (promptTokens ??= options.promptTokens());
  const budgetStage = (): Awaitable<void> => {
    const budgets = governance.policy.budgetsFor(subject, Date.now());
    if (budgets.length === 0) return;
    const worstCaseUsd = worstCaseCostUsd({
      deployments: options.deployments,
      prices: governance.prices,
      promptTokens: prompt(),
      maxOutputTokens: options.maxOutputTokens,
    });
    return thenAwaitable(admitBudgets({ policy: governance.policy, ledger: governance.ledger, budgets, worstCaseUsd }), (admission) => keepBudget(state, admission));
  };
  const limits = admitRateLimits({ policy: governance.policy, counters: governance.counters, subject, estimateTokens: prompt });
  if (limits instanceof Promise) {
    return limits.then((admitted) => {
      keepLimits(state, admitted);
      return budgetStage();
    });
  }
  keepLimits(state, limits);
  return budgetStage();
}

function keepLimits(state: RequestState, limits: RateLimitAdmission): void {
  // Made once the upstream call is out (the headers object is this request's own, kept as it is).
  if (limits.applied) deferResponseHeaders(state, () => limits.headers);
  const { settleTokens } = limits;
  if (settleTokens) (state.afterRecord ??= []).push((row) => settleTokens(row.promptTokens + row.completionTokens));
}

function keepBudget(state: RequestState, admission: BudgetAdmission): void {
  (state.afterRecord ??= []).push((row) => admission.settle(row.costUsd));
}

/**
 * The dispatch-time check of per-provider caps (a user's daily calls to one provider): answers the
 * refusal for a deployment whose provider is capped, so dispatch tries another provider instead.
 * Undefined when no policy can cap providers; null, at once, for a deployment nothing caps.
 */
export function providerAdmission(options: {
  governance: Governance | undefined;
  state: RequestState;
  ip: string;
  model: string;
}): ((deployment: Deployment) => Promise<GatewayError | null> | null) | undefined {
  const { governance, state } = options;
  if (!governance || !governance.policy.providerLimitsFor || !state.principal) return undefined;
  const { policy, counters } = governance;
  const principal = state.principal;
  let subject: RequestSubject | null = null;
  return (deployment) => {
    subject ??= subjectOf(principal, { ip: options.ip, model: options.model });
    const rules = policy.providerLimitsFor?.(subject, deployment.provider.id) ?? [];
    if (rules.length === 0) return null;
    return admitProvider({ counters, subject, rules });
  };
}

async function admitProvider(options: { counters: CounterStore; subject: RequestSubject; rules: LimitRule[] }): Promise<GatewayError | null> {
  const { rules } = options;
  try {
    const policy = { limitsFor: () => rules, budgetsFor: () => [], modelDenied: () => null };
    await admitRateLimits({ policy, counters: options.counters, subject: options.subject, estimateTokens: () => 0 });
    return null;
  } catch (error) {
    return error instanceof GatewayError ? error : null;
  }
}
