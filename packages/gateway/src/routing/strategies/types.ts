/** The routing strategy contract: given a group's available deployments, the order to try them in. */

import type { ChatRequest, Deployment, DeploymentFacts } from '../../core/index.js';
import type { DeploymentSnapshot } from '../deployment-stats.js';

/** Request hints that weigh the `intelligent` strategy's factors (headers or body metadata). */
export interface RoutingHints {
  /** `x-switchyard-use-case`, e.g. `chat`, `code`, `analysis`, `creative`, `extraction`. */
  useCase?: string;
  /** `x-switchyard-priority`: `low`, `normal`, `high`. */
  priority?: 'low' | 'normal' | 'high';
  /** `x-switchyard-budget: strict` favours cheap deployments strongly. */
  budget?: 'strict' | 'normal';
}

/** What a request needs from a deployment; a deployment that cannot serve it is never chosen. */
export interface RequestNeeds {
  /** Estimated prompt tokens plus requested output. */
  contextTokens: number;
  tools: boolean;
  images: boolean;
  jsonMode: boolean;
}

/** Facts about a deployment a strategy may use besides its live stats (declared in core/, where accounting can see it). */
export type { DeploymentFacts } from '../../core/index.js';

export interface StrategyContext {
  stats: (deploymentId: string) => DeploymentSnapshot;
  facts: (deployment: Deployment) => DeploymentFacts;
  hints: RoutingHints;
  needs: RequestNeeds | null;
  request: ChatRequest | null;
  /** Uniform random number in [0, 1); injected so tests are deterministic. */
  random: () => number;
}

export interface RoutingStrategy {
  /** Public id, as written in config (`routing.strategy`). */
  readonly id: string;
  /** Returns the deployments in the order to try them; the first is the choice. Must not mutate its input. */
  order(groupName: string, deployments: readonly Deployment[], context?: StrategyContext): Deployment[];
  /** Optional learning hook: the outcome of an attempt on a deployment chosen by this strategy. */
  observe?(groupName: string, deploymentId: string, outcome: { ok: boolean; latencyMs: number; costUsd: number }): void;
}
