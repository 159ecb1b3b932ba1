/**
 * The governance policy the data plane asks on every request: which rate limits and budgets apply
 * and whether the key's tier may use the model. It answers from an in-memory snapshot (config plus
 * the limits and budgets stored through the management API), replaced whole whenever they change,
 * so the hot path does no I/O here. Budget threshold crossings (50/80/100 %) are reported once per
 * budget and period.
 */

import type { ScopedLimitSpec, TierSpec } from '../config/index.js';
import type { BudgetWindow, GovernancePolicy, LimitRule, RequestSubject } from '../pipeline/ports.js';
import { currentPeriod } from './budget-period.js';
import type { BudgetPeriod } from './budget-period.js';
import { formatWindow } from './format-window.js';

export type LimitScope = 'key' | 'user' | 'team' | 'ip' | 'model' | 'global';
export type BudgetScope = 'global' | 'team' | 'user' | 'key';

/** A limit stored through the management API: it names one subject (a key id, a team id, an IP…). */
export interface StoredLimit {
  id: string;
  scope: LimitScope;
  /** The key, user or team id, the IP, or the model group; null for global. */
  scopeId: string | null;
  metric: 'requests' | 'tokens';
  limit: number;
  windowMs: number;
  /** Only requests to this group count; null for all. */
  model: string | null;
  /** Only calls to this provider count (checked at dispatch); null for all. */
  provider?: string | null;
}

export interface BudgetDefinition {
  id: string;
  name: string;
  scope: BudgetScope;
  /** The team, user or key id; null for global. */
  scopeId: string | null;
  limitUsd: number;
  period: BudgetPeriod;
  thresholds: number[];
  resetAtMs: number | null;
}

export interface PolicySnapshot {
  tiers: Record<string, TierSpec>;
  premiumModels: readonly string[];
  /** From the config: each applies to every key, user, team or IP separately. */
  rateLimits: readonly ScopedLimitSpec[];
  /** From the config: requests per user per provider per UTC day. */
  providerDailyCaps?: Readonly<Record<string, number>>;
  stored: readonly StoredLimit[];
  budgets: readonly BudgetDefinition[];
}

export interface ThresholdEvent {
  budget: BudgetDefinition;
  threshold: number;
  spentUsd: number;
  periodKey: string;
}

function subjectId(scope: LimitScope, subject: RequestSubject): string | null {
  switch (scope) {
    case 'key':
      return subject.keyId;
    case 'user':
      return subject.userId;
    case 'team':
      return subject.teamId;
    case 'ip':
      return subject.ip;
    case 'model':
      return subject.model;
    case 'global':
      return '*';
  }
}

function rule(options: { origin: string; scope: LimitScope; id: string; model: string | null; spec: { metric: 'requests' | 'tokens'; limit: number; windowMs: number }; label: string }): LimitRule {
  const { spec } = options;
  return {
    counterKey: `rl:${options.origin}:${options.scope}:${options.id}:${options.model ?? '*'}:${spec.metric}:${spec.windowMs}`,
    label: `${options.label}: ${spec.limit} ${spec.metric} per ${formatWindow(spec.windowMs)}`,
    metric: spec.metric,
    limit: spec.limit,
    windowMs: spec.windowMs,
  };
}

/** Most subjects whose answers are remembered; the memo starts over when full. */
const MEMO_SIZE = 10_000;

export class PolicyStore implements GovernancePolicy {
  #snapshot: PolicySnapshot;
  #premium: Set<string>;
  /**
   * Answers per subject for the current snapshot: the data plane asks for every request, and the
   * same few keys ask again and again. Emptied whenever the snapshot is replaced. Callers must not
   * modify what they are given.
   */
  #limitsMemo = new Map<string, LimitRule[]>();
  #budgetsMemo = new Map<string, { windows: BudgetWindow[]; fromMs: number; untilMs: number }>();
  /** Whether any limit counts per IP (else the IP is left out of the memo's key). */
  #limitsUseIp: boolean;
  /** Providers some cap names, so that calls to the others skip the check entirely. */
  #cappedProviders: Set<string>;
  readonly #emitted = new Map<string, number>();
  readonly #onThreshold: (event: ThresholdEvent) => void;

  constructor(snapshot: PolicySnapshot, options: { onThreshold?: (event: ThresholdEvent) => void } = {}) {
    this.#snapshot = snapshot;
    this.#premium = new Set(snapshot.premiumModels);
    this.#cappedProviders = cappedProviders(snapshot);
    this.#limitsUseIp = limitsUseIp(snapshot);
    this.#onThreshold = options.onThreshold ?? (() => {});
  }

  get snapshot(): PolicySnapshot {
    return this.#snapshot;
  }

  replace(snapshot: PolicySnapshot): void {
    this.#snapshot = snapshot;
    this.#premium = new Set(snapshot.premiumModels);
    this.#cappedProviders = cappedProviders(snapshot);
    this.#limitsUseIp = limitsUseIp(snapshot);
    this.#limitsMemo = new Map();
    this.#budgetsMemo = new Map();
  }

  limitsFor(subject: RequestSubject): LimitRule[] {
    const key = `${subject.tier}\u0000${subject.keyId}\u0000${subject.userId}\u0000${subject.teamId}\u0000${subject.model}\u0000${this.#limitsUseIp ? subject.ip : ''}`;
    let rules = this.#limitsMemo.get(key);
    if (rules === undefined) {
      rules = this.#computeLimits(subject);
      if (this.#limitsMemo.size >= MEMO_SIZE) this.#limitsMemo.clear();
      this.#limitsMemo.set(key, rules);
    }
    return rules;
  }

  #computeLimits(subject: RequestSubject): LimitRule[] {
    const rules: LimitRule[] = [];
    const tier = subject.tier === null ? undefined : this.#snapshot.tiers[subject.tier];
    if (tier && subject.keyId !== null) {
      for (const spec of tier.limits) {
        rules.push(rule({ origin: 'tier', scope: 'key', id: subject.keyId, model: null, spec, label: `tier "${subject.tier}" limit of key ${subject.keyId}` }));
      }
    }
    for (const spec of this.#snapshot.rateLimits) {
      if (spec.scope !== 'model' && spec.model !== null && spec.model !== subject.model) continue;
      if (spec.scope === 'model' && spec.model !== subject.model) continue;
      const id = subjectId(spec.scope, subject);
      if (id === null) continue;
      const label = spec.scope === 'global' ? 'gateway-wide limit' : `per-${spec.scope} limit (${spec.scope} ${id})`;
      rules.push(rule({ origin: 'cfg', scope: spec.scope, id, model: spec.model, spec, label }));
    }
    for (const stored of this.#snapshot.stored) {
      if (stored.provider) continue;
      if (stored.model !== null && stored.model !== subject.model) continue;
      const id = subjectId(stored.scope, subject);
      if (id === null || (stored.scope !== 'global' && stored.scopeId !== id)) continue;
      const label = stored.scope === 'global' ? `limit ${stored.id}` : `limit ${stored.id} of ${stored.scope} ${id}`;
      rules.push(rule({ origin: stored.id, scope: stored.scope, id, model: stored.model, spec: stored, label }));
    }
    return rules;
  }

  providerLimitsFor(subject: RequestSubject, providerId: string): LimitRule[] {
    if (!this.#cappedProviders.has(providerId)) return [];
    const rules: LimitRule[] = [];
    const cap = this.#snapshot.providerDailyCaps?.[providerId];
    if (cap !== undefined && subject.userId !== null) {
      const spec = { metric: 'requests' as const, limit: cap, windowMs: 86_400_000 };
      rules.push(rule({ origin: 'cap', scope: 'user', id: `${subject.userId}:${providerId}`, model: null, spec, label: `daily cap on provider "${providerId}" for user ${subject.userId}` }));
    }
    for (const stored of this.#snapshot.stored) {
      if (stored.provider !== providerId || stored.metric !== 'requests') continue;
      if (stored.model !== null && stored.model !== subject.model) continue;
      const id = subjectId(stored.scope, subject);
      if (id === null || (stored.scope !== 'global' && stored.scopeId !== id)) continue;
      rules.push(rule({ origin: stored.id, scope: stored.scope, id: `${id}:${providerId}`, model: stored.model, spec: stored, label: `limit ${stored.id} on provider "${providerId}"` }));
    }
    return rules;
  }

  budgetsFor(subject: RequestSubject, nowMs: number): BudgetWindow[] {
    const key = `${subject.keyId}\u0000${subject.userId}\u0000${subject.teamId}`;
    const remembered = this.#budgetsMemo.get(key);
    // The same windows hold until a period ends or a scheduled reset comes due.
    if (remembered !== undefined && nowMs >= remembered.fromMs && nowMs < remembered.untilMs) return remembered.windows;
    const windows: BudgetWindow[] = [];
    let fromMs = Number.NEGATIVE_INFINITY;
    let untilMs = Number.POSITIVE_INFINITY;
    for (const budget of this.#snapshot.budgets) {
      if (!budgetApplies(budget, subject)) continue;
      const period = currentPeriod({ period: budget.period, nowMs, resetAtMs: budget.resetAtMs });
      windows.push({
        budgetId: budget.id,
        label: `${budget.period} ${budget.scope} budget "${budget.name}"`,
        limitUsd: budget.limitUsd,
        periodKey: period.key,
        resetAtMs: period.endMs,
      });
      fromMs = Math.max(fromMs, period.startMs);
      untilMs = Math.min(untilMs, period.endMs, budget.resetAtMs !== null && budget.resetAtMs > nowMs ? budget.resetAtMs : Number.POSITIVE_INFINITY);
    }
    if (this.#budgetsMemo.size >= MEMO_SIZE) this.#budgetsMemo.clear();
    this.#budgetsMemo.set(key, { windows, fromMs, untilMs });
    return windows;
  }

  modelDenied(subject: RequestSubject): string | null {
    if (subject.tier === null) return null;
    const tier = this.#snapshot.tiers[subject.tier];
    if (!tier || tier.models === 'all') return null;
    const allowed = tier.models === 'basic' ? !this.#premium.has(subject.model) : tier.models.includes(subject.model);
    return allowed ? null : `Keys of tier "${subject.tier}" may not use the model '${subject.model}'.`;
  }

  budgetCharged(window: BudgetWindow, spentUsd: number): void {
    const budget = this.#snapshot.budgets.find((candidate) => candidate.id === window.budgetId);
    if (!budget) return;
    const percent = (spentUsd / budget.limitUsd) * 100;
    const marker = `${budget.id}\u0000${window.periodKey}`;
    const already = this.#emitted.get(marker) ?? 0;
    const crossed = budget.thresholds.filter((threshold) => threshold > already && percent >= threshold);
    if (crossed.length === 0) return;
    const highest = Math.max(...crossed);
    this.#emitted.set(marker, highest);
    this.#onThreshold({ budget, threshold: highest, spentUsd, periodKey: window.periodKey });
  }
}

function budgetApplies(budget: BudgetDefinition, subject: RequestSubject): boolean {
  switch (budget.scope) {
    case 'global':
      return true;
    case 'team':
      return subject.teamId !== null && subject.teamId === budget.scopeId;
    case 'user':
      return subject.userId !== null && subject.userId === budget.scopeId;
    case 'key':
      return subject.keyId !== null && subject.keyId === budget.scopeId;
  }
}

function limitsUseIp(snapshot: PolicySnapshot): boolean {
  return snapshot.rateLimits.some((spec) => spec.scope === 'ip') || snapshot.stored.some((stored) => stored.scope === 'ip');
}

function cappedProviders(snapshot: PolicySnapshot): Set<string> {
  const providers = new Set(Object.keys(snapshot.providerDailyCaps ?? {}));
  for (const stored of snapshot.stored) if (stored.provider) providers.add(stored.provider);
  return providers;
}
