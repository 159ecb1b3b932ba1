/**
 * Runtime routing overrides: what operators changed through the management API on top of the
 * configuration. Plain JSON data, stored as one document (the configuration stays the base and is
 * never rewritten), applied at start and on every change by apply-overrides.ts.
 */

import type { PriceOverride } from '../core/index.js';
import type { RoutingRule } from './conditional-rules.js';

/** A deployment added at run time: a provider of the configuration and an upstream model. */
export interface AddedDeployment {
  provider: string;
  /** The model name sent upstream. */
  model: string;
  /** Stable id; `<provider>/<model>` when absent. */
  id?: string;
  weight: number;
  /** Default max output tokens when a protocol requires one. */
  maxTokens: number;
  price?: PriceOverride;
}

/** A model group added at run time. */
export interface AddedModel {
  name: string;
  strategy?: string;
  deployments: AddedDeployment[];
}

export interface DeploymentOverride {
  enabled?: boolean;
  weight?: number;
}

export interface GroupOverride {
  enabled?: boolean;
  /** The group's strategy; absent means the configured one (or the global). */
  strategy?: string;
  /** By deployment id. */
  deployments?: Record<string, DeploymentOverride>;
}

export interface RoutingOverrides {
  /** The global strategy; absent means the configuration's `routing.strategy`. */
  strategy?: string;
  /** The group the model name `default` resolves to; absent means none. */
  defaultModel?: string;
  /** Enabled flags, strategies and weights, by group name (configured or added groups). */
  groups: Record<string, GroupOverride>;
  addedModels: AddedModel[];
  /** Deployments added to a group (configured or added) by name. */
  addedDeployments: Array<AddedDeployment & { group: string }>;
  /** Conditional rules in place of the configuration's `routing.rules`; absent keeps those. */
  rules?: RoutingRule[];
}

export function emptyOverrides(): RoutingOverrides {
  return { groups: {}, addedModels: [], addedDeployments: [] };
}

/** The id an added deployment gets. */
export function addedDeploymentId(deployment: Pick<AddedDeployment, 'id' | 'provider' | 'model'>): string {
  return deployment.id ?? `${deployment.provider}/${deployment.model}`;
}
