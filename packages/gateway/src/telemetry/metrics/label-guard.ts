/**
 * Keeps metric label values to the names an operator configured, so that no client can create a
 * time series: a model group, provider or deployment becomes a label value only when the routing
 * table (config plus runtime overrides) knows it, and anything else is `unknown`. Every series
 * costs Prometheus memory for as long as it is retained, so an unbounded label is an outage
 * waiting for a client that sends random model names.
 */

import { ERROR_CODES } from '../../core/index.js';
import type { RoutingTable } from '../../routing/routing-table.js';

/** A label value for a name nobody configured. */
export const UNKNOWN_LABEL = 'unknown';
/** A label value for "no provider/deployment was reached" (the request ended before routing). */
export const NONE_LABEL = 'none';

/** The text of every HTTP status, made once (status() runs for every finished request). */
const STATUS_TEXT: readonly string[] = Object.freeze(Array.from({ length: 600 }, (_, status) => String(status)));

export interface LabelGuardOptions {
  /** The routing table now; a new table object means groups or deployments changed. */
  table: () => RoutingTable;
  /** Provider ids of the configuration. */
  providerIds: readonly string[];
}

interface KnownNames {
  table: RoutingTable;
  groups: Set<string>;
  providers: Set<string>;
  deployments: string[];
  deploymentSet: Set<string>;
}

export class LabelGuard {
  readonly #options: LabelGuardOptions;
  #known: KnownNames | null = null;

  constructor(options: LabelGuardOptions) {
    this.#options = options;
  }

  /** The group's name when it is configured, else `unknown`. */
  group(name: string | null): string {
    return name !== null && this.#names().groups.has(name) ? name : UNKNOWN_LABEL;
  }

  /** The provider id when configured; `none` when no provider was reached; else `unknown`. */
  provider(id: string | null): string {
    if (id === null) return NONE_LABEL;
    return this.#names().providers.has(id) ? id : UNKNOWN_LABEL;
  }

  /** The deployment id when configured; `none` when no deployment was reached; else `unknown`. */
  deployment(id: string | null): string {
    if (id === null) return NONE_LABEL;
    return this.#names().deploymentSet.has(id) ? id : UNKNOWN_LABEL;
  }

  /** A gateway error code (a closed set), else `other`. */
  errorCode(code: string): string {
    return Object.hasOwn(ERROR_CODES, code) ? code : 'other';
  }

  /** An HTTP status as text, else `other`. */
  status(status: number): string {
    if (!Number.isInteger(status) || status < 100 || status > 599) return 'other';
    return STATUS_TEXT[status];
  }

  /** Every deployment id of the routing table, enabled or not (for per-deployment gauges). */
  deployments(): readonly string[] {
    return this.#names().deployments;
  }

  /** Rebuilt only when the router swapped its table (a runtime routing change), not per call. */
  #names(): KnownNames {
    const table = this.#options.table();
    if (this.#known?.table === table) return this.#known;
    const groups = new Set<string>();
    const providers = new Set<string>(this.#options.providerIds);
    const deploymentSet = new Set<string>();
    for (const group of table.groups) {
      groups.add(group.name);
      for (const { deployment } of group.deployments) {
        deploymentSet.add(deployment.id);
        providers.add(deployment.provider.id);
      }
    }
    this.#known = { table, groups, providers, deployments: [...deploymentSet], deploymentSet };
    return this.#known;
  }
}
