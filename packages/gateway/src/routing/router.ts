/**
 * The router: from a model group name to the ordered list of deployments to try, the group's own
 * (ordered by its strategy) followed by its fallback groups' deployments.
 */

import type { Deployment, ModelGroup } from '../core/index.js';
import { STRATEGY_FACTORIES } from './strategies/index.js';
import type { RoutingStrategy } from './strategies/index.js';

export interface RouterOptions {
  groups: readonly ModelGroup[];
  /** Global default strategy id. */
  strategy: string;
  /** Group name → fallback group names, in order. */
  fallbacks: Record<string, string[]>;
  /** Most deployments tried for one request. */
  maxAttempts?: number;
}

export class Router {
  private readonly groups = new Map<string, ModelGroup>();
  private readonly strategies = new Map<string, RoutingStrategy>();
  private readonly fallbacks: Record<string, string[]>;
  private readonly defaultStrategy: string;
  readonly maxAttempts: number;

  constructor(options: RouterOptions) {
    for (const group of options.groups) this.groups.set(group.name, group);
    this.fallbacks = options.fallbacks;
    this.defaultStrategy = options.strategy;
    this.maxAttempts = options.maxAttempts ?? 4;
  }

  group(name: string): ModelGroup | undefined {
    return this.groups.get(name);
  }

  listGroups(): ModelGroup[] {
    return [...this.groups.values()];
  }

  /** Deployments to try for a request to `groupName`, best first, without duplicates. */
  plan(groupName: string, extraFallbacks: readonly string[] = []): Deployment[] {
    const group = this.groups.get(groupName);
    if (!group) return [];
    const seen = new Set<string>();
    const plan: Deployment[] = [];
    const add = (deployments: Deployment[]): void => {
      for (const deployment of deployments) {
        if (seen.has(deployment.id)) continue;
        seen.add(deployment.id);
        plan.push(deployment);
      }
    };
    add(this.strategyFor(group).order(group.name, group.deployments));
    for (const fallbackName of [...extraFallbacks, ...(this.fallbacks[groupName] ?? [])]) {
      const fallback = this.groups.get(fallbackName);
      if (fallback) add(this.strategyFor(fallback).order(fallback.name, fallback.deployments));
    }
    return plan.slice(0, this.maxAttempts);
  }

  private strategyFor(group: ModelGroup): RoutingStrategy {
    const id = group.strategy ?? this.defaultStrategy;
    let strategy = this.strategies.get(id);
    if (!strategy) {
      const factory = STRATEGY_FACTORIES[id] ?? STRATEGY_FACTORIES['round-robin'];
      strategy = factory();
      this.strategies.set(id, strategy);
    }
    return strategy;
  }
}
