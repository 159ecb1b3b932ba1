/**
 * The router: for a model group, the order to try its deployments (by the group's strategy, with
 * live stats, request hints and needs; deployments whose breaker is open left out), and, once a
 * group is exhausted, which groups to fall back to for the failure at hand. It also receives every
 * attempt's outcome, feeding the stats, the breakers and learning strategies.
 *
 * Its routing table can be replaced at run time (`reconfigure`, from the management API): live
 * stats, breakers, slots and learning state are keyed by deployment id and group name, so the
 * deployments that remain keep them. Disabled groups and deployments are not served at all.
 */

import { GatewayError } from '../core/index.js';
import type { ChatRequest, Deployment, ErrorCode, ModelGroup } from '../core/index.js';
import { CircuitBreakers } from './circuit-breaker.js';
import type { CircuitBreakerOptions } from './circuit-breaker.js';
import type { Priority } from './concurrency-limiter.js';
import { DeploymentSlots } from './deployment-slots.js';
import type { SlotDefaults } from './deployment-slots.js';
import { DeploymentStats } from './deployment-stats.js';
import { createFallbackPolicy } from './fallback-policy.js';
import type { FallbackPolicy, FallbackPolicyConfig } from './fallback-policy.js';
import { DEFAULT_TIER_PRIORITY, requestPriority } from './request-priority.js';
import type { TierPriority } from './request-priority.js';
import { DEFAULT_MODEL_ALIAS, disabledDeploymentIds, servedGroups, tableFromGroups } from './routing-table.js';
import type { RoutingTable } from './routing-table.js';
import { STRATEGY_FACTORIES } from './strategies/index.js';
import type { DeploymentFacts, RequestNeeds, RoutingHints, RoutingStrategy, StrategyContext } from './strategies/types.js';

export interface RouterOptions {
  groups: readonly ModelGroup[];
  /** Global default strategy id. */
  strategy: string;
  fallbacks: FallbackPolicyConfig;
  /** Most attempts for one request, retries and fallbacks included. */
  maxAttempts?: number;
  breaker?: CircuitBreakerOptions;
  /** Cost, context window and capabilities of a deployment, for the intelligent strategy. */
  facts?: (deployment: Deployment) => DeploymentFacts;
  random?: () => number;
  now?: () => number;
  /** Queue bounds for deployments with `maxConcurrentRequests` that set none of their own. */
  slots?: SlotDefaults;
  /** Key tier → queue priority when the request sends no priority hint. */
  tierPriority?: TierPriority;
}

/** What a request tells the router about itself. */
export interface RouteRequest {
  hints: RoutingHints;
  needs: RequestNeeds | null;
  request: ChatRequest | null;
}

const NO_FACTS: DeploymentFacts = { costPer1kTokens: 0, contextWindow: null, supportsTools: true, supportsImages: true, supportsJsonMode: true };

/** Failures that say something about the deployment's health (not the client's request). */
const DEPLOYMENT_FAULTS = new Set<ErrorCode>([
  'SY_ERR_UPSTREAM_RATE_LIMITED',
  'SY_ERR_UPSTREAM_SERVER',
  'SY_ERR_UPSTREAM_OVERLOADED',
  'SY_ERR_UPSTREAM_TIMEOUT',
  'SY_ERR_UPSTREAM_UNREACHABLE',
  'SY_ERR_UPSTREAM_PROTOCOL',
  'SY_ERR_UPSTREAM_AUTH',
  'SY_ERR_UPSTREAM_PERMISSION',
  'SY_ERR_UPSTREAM_NOT_FOUND',
]);

export class Router {
  private groups = new Map<string, ModelGroup>();
  private table: RoutingTable;
  private disabledGroups = new Set<string>();
  private readonly strategies = new Map<string, RoutingStrategy>();
  /** The same strategies by group object, asked on every request without building the key. */
  private readonly strategyOfGroup = new WeakMap<ModelGroup, { strategyId: string; strategy: RoutingStrategy }>();
  private defaultStrategy: string;
  private readonly fallbackPolicy: FallbackPolicy;
  private readonly facts: (deployment: Deployment) => DeploymentFacts;
  private readonly random: () => number;
  readonly stats: DeploymentStats;
  readonly breakers: CircuitBreakers;
  /** Per-deployment concurrency slots (`maxConcurrentRequests`). */
  readonly slots: DeploymentSlots;
  readonly maxAttempts: number;
  private readonly tierPriority: TierPriority;

  constructor(options: RouterOptions) {
    for (const group of options.groups) this.groups.set(group.name, group);
    this.table = tableFromGroups(options.groups, options.strategy);
    this.defaultStrategy = options.strategy;
    this.fallbackPolicy = createFallbackPolicy(options.fallbacks);
    this.maxAttempts = options.maxAttempts ?? 4;
    this.facts = options.facts ?? (() => NO_FACTS);
    this.random = options.random ?? Math.random;
    this.stats = new DeploymentStats({ now: options.now });
    this.breakers = new CircuitBreakers({ ...options.breaker, now: options.now });
    this.slots = new DeploymentSlots({ defaults: options.slots ?? { maxQueue: 1_000, maxQueueWaitMs: 30_000 } });
    this.tierPriority = options.tierPriority ?? DEFAULT_TIER_PRIORITY;
  }

  /** The request's queue priority: its hint, else its key tier's (routing.tierPriority), else normal. */
  priorityOf(hints: RoutingHints, keyTier: string | null): Priority {
    return requestPriority({ hint: hints.priority, keyTier, tierPriority: this.tierPriority });
  }

  /**
   * The enabled group a client names: `default` is the default model when one is set (and no
   * group is itself named so); undefined for an unknown name. A disabled group is a 404 that says
   * so, thrown here so that every data-plane lookup answers it the same way.
   */
  group(name: string): ModelGroup | undefined {
    const found = this.groups.get(name);
    if (found) return found;
    const target = name === DEFAULT_MODEL_ALIAS && this.table.defaultModel !== null ? this.table.defaultModel : name;
    if (this.disabledGroups.has(target)) {
      throw new GatewayError('SY_ERR_MODEL_NOT_FOUND', `The model '${target}' is disabled on this gateway by an operator. List the available models with GET /v1/models.`, { param: 'model' });
    }
    return target === name ? undefined : this.groups.get(target);
  }

  /** The enabled groups, as served. */
  listGroups(): ModelGroup[] {
    return [...this.groups.values()];
  }

  /** The whole routing table: every group and deployment, enabled or not, the strategy and the default model. */
  routingTable(): RoutingTable {
    return this.table;
  }

  /** The strategy id a group routes by now: its own, else the global one. */
  strategyIdOf(groupName: string): string {
    return this.groups.get(groupName)?.strategy ?? this.table.groups.find((group) => group.name === groupName)?.strategy ?? this.defaultStrategy;
  }

  /**
   * Serves a new routing table from the next request on. Requests in flight finish on the
   * deployment they hold. A deployment that was disabled and is enabled again gets its breaker
   * closed: an operator turning it back on is the signal to try it again.
   */
  reconfigure(table: RoutingTable): void {
    const wasDisabled = disabledDeploymentIds(this.table);
    const nowDisabled = disabledDeploymentIds(table);
    const served = servedGroups(table);
    this.groups = new Map(served.map((group) => [group.name, group]));
    this.disabledGroups = new Set(table.groups.filter((group) => !group.enabled).map((group) => group.name));
    this.defaultStrategy = table.strategy;
    this.table = table;
    for (const group of served) {
      for (const deployment of group.deployments) if (wasDisabled.has(deployment.id) && !nowDisabled.has(deployment.id)) this.breakers.reset(deployment.id);
    }
  }

  /** The group's deployments in the order to try them; open breakers are left out unless all are open. */
  order(groupName: string, route: RouteRequest): Deployment[] {
    const group = this.groups.get(groupName);
    if (!group) return [];
    const context: StrategyContext = {
      stats: (id) => this.stats.snapshot(id),
      facts: this.facts,
      hints: route.hints,
      needs: route.needs,
      request: route.request,
      random: this.random,
    };
    const available = group.deployments.filter((deployment) => this.breakers.canAttempt(deployment.id));
    return this.strategyFor(group).order(group.name, available, context);
  }

  /** Groups to try after `groupName` failed with `error` (null: nothing could be tried). */
  fallbacksFor(groupName: string, error: GatewayError | null, requestOverride?: readonly string[]): string[] {
    return this.fallbackPolicy.fallbacksFor({ group: groupName, error, requestOverride }).filter((name) => this.groups.has(name));
  }

  /** An attempt on `deployment` is starting; false when its breaker no longer admits one. */
  begin(deployment: Deployment): boolean {
    if (!this.breakers.tryAcquire(deployment.id)) return false;
    this.stats.started(deployment.id);
    return true;
  }

  /** The attempt succeeded (the upstream accepted the call). */
  succeeded(groupName: string, deployment: Deployment, timing: { latencyMs: number }): void {
    this.stats.succeeded(deployment.id, { latencyMs: timing.latencyMs, ttftMs: timing.latencyMs });
    this.breakers.onSuccess(deployment.id);
    this.strategyByGroup(groupName)?.observe?.(groupName, deployment.id, { ok: true, latencyMs: timing.latencyMs, costUsd: 0 });
  }

  /** The attempt failed; only the deployment's own faults count against it. */
  failed(groupName: string, deployment: Deployment, error: GatewayError, timing: { latencyMs: number }): void {
    if (DEPLOYMENT_FAULTS.has(error.code)) {
      this.stats.failed(deployment.id, error.code);
      this.breakers.onFailure(deployment.id);
      this.strategyByGroup(groupName)?.observe?.(groupName, deployment.id, { ok: false, latencyMs: timing.latencyMs, costUsd: 0 });
    } else {
      this.stats.released(deployment.id);
      this.breakers.release(deployment.id);
    }
  }

  /** A stream the deployment had accepted broke mid-way: that counts against its health too. */
  failedMidStream(groupName: string, deployment: Deployment, error: GatewayError): void {
    if (!DEPLOYMENT_FAULTS.has(error.code)) return;
    this.stats.failedLater(deployment.id, error.code);
    this.breakers.onFailure(deployment.id);
    this.strategyByGroup(groupName)?.observe?.(groupName, deployment.id, { ok: false, latencyMs: 0, costUsd: 0 });
  }

  /**
   * An active health probe of `deployment` may start: false while its breaker is open and cooling
   * down, or its half-open trial is taken. After a true, report the probe with `probed` (always).
   */
  beginProbe(deployment: Deployment): boolean {
    return this.breakers.tryAcquire(deployment.id);
  }

  /**
   * A probe's outcome feeds the breaker and the error-rate window like a request's: a success can
   * close a half-open breaker, a deployment fault counts as a failure. It adds no traffic (in
   * flight, started) and no latency sample: a probe's latency says little about a real answer's.
   * `error: null` with `ok: false` means the probe was cut short by us (shutdown): nothing learned.
   */
  probed(deployment: Deployment, outcome: { ok: true } | { ok: false; error: GatewayError | null }): void {
    if (outcome.ok) {
      this.stats.probed(deployment.id, { ok: true });
      this.breakers.onSuccess(deployment.id);
    } else if (outcome.error && DEPLOYMENT_FAULTS.has(outcome.error.code)) {
      this.stats.probed(deployment.id, { ok: false, code: outcome.error.code });
      this.breakers.onFailure(deployment.id);
    } else {
      this.breakers.release(deployment.id);
    }
  }

  private strategyByGroup(groupName: string): RoutingStrategy | undefined {
    const group = this.groups.get(groupName);
    return group ? this.strategyFor(group) : undefined;
  }

  private strategyFor(group: ModelGroup): RoutingStrategy {
    const strategyId = group.strategy ?? this.defaultStrategy;
    const known = this.strategyOfGroup.get(group);
    if (known !== undefined && known.strategyId === strategyId) return known.strategy;
    // One strategy instance per group, so learning strategies keep per-group state apart.
    const key = `${group.name}\u0000${strategyId}`;
    let strategy = this.strategies.get(key);
    if (!strategy) {
      const factory = STRATEGY_FACTORIES[group.strategy ?? this.defaultStrategy] ?? STRATEGY_FACTORIES['round-robin'];
      strategy = factory();
      this.strategies.set(key, strategy);
    }
    this.strategyOfGroup.set(group, { strategyId, strategy });
    return strategy;
  }
}
