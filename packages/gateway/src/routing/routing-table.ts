/**
 * The routing table: every model group the gateway knows, enabled or not, with every deployment
 * and whether it is enabled, the global strategy and the default model. The router serves the
 * enabled part of it; the management API shows all of it. Built from the configuration and then
 * from the configuration with the operators' runtime overrides applied (apply-overrides.ts).
 */

import type { Deployment, ModelGroup } from '../core/index.js';

/** The model name that means "the default model" when an operator has set one. */
export const DEFAULT_MODEL_ALIAS = 'default';

/** Where a group or deployment comes from: the configuration (file, environment, simulator) or the management API. */
export type TableOrigin = ModelGroup['source'] | 'runtime';

export interface TableDeployment {
  deployment: Deployment;
  enabled: boolean;
  origin: 'config' | 'runtime';
}

export interface TableGroup {
  name: string;
  origin: TableOrigin;
  enabled: boolean;
  /** The group's own strategy id; undefined means the global one. */
  strategy?: string;
  deployments: TableDeployment[];
}

export interface RoutingTable {
  groups: TableGroup[];
  /** The global strategy id. */
  strategy: string;
  /** The group a request for the model `default` goes to; null when none is set. */
  defaultModel: string | null;
}

/** The table of the configuration alone: everything enabled, no default model. */
export function tableFromGroups(groups: readonly ModelGroup[], strategy: string): RoutingTable {
  return {
    strategy,
    defaultModel: null,
    groups: groups.map((group) => ({
      name: group.name,
      origin: group.source,
      enabled: true,
      ...(group.strategy === undefined ? {} : { strategy: group.strategy }),
      deployments: group.deployments.map((deployment) => ({ deployment, enabled: true, origin: 'config' as const })),
    })),
  };
}

/**
 * The groups the data plane routes to: enabled groups with their enabled deployments only, so a
 * disabled deployment can never be chosen, retried or fallen back to. A group added at run time
 * reports `source: 'config'` (the data plane does not tell the two apart).
 */
export function servedGroups(table: RoutingTable): ModelGroup[] {
  return table.groups
    .filter((group) => group.enabled)
    .map((group) => ({
      name: group.name,
      source: group.origin === 'runtime' ? 'config' : group.origin,
      deployments: group.deployments.filter((entry) => entry.enabled).map((entry) => entry.deployment),
      ...(group.strategy === undefined ? {} : { strategy: group.strategy }),
    }));
}

/** Ids of deployments that are disabled in every group they appear in. */
export function disabledDeploymentIds(table: RoutingTable): Set<string> {
  const enabled = new Set<string>();
  const disabled = new Set<string>();
  for (const group of table.groups) {
    for (const entry of group.deployments) {
      if (entry.enabled && group.enabled) enabled.add(entry.deployment.id);
      else disabled.add(entry.deployment.id);
    }
  }
  for (const id of enabled) disabled.delete(id);
  return disabled;
}
