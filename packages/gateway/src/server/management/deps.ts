/** What the management routes need, assembled by app.ts: repositories, governance services, settings. */

import type { GovernanceConfig } from '../../config/index.js';
import type { ProviderSettings } from '../../core/index.js';
import type { GovernanceRepositories } from '../../governance/assemble.js';
import type { SecretBox } from '../../governance/secret-box.js';
import type { PolicyReloader } from '../../governance/policy-loader.js';
import type { BudgetLedger, CounterStore } from '../../pipeline/ports.js';
import type { AiConfigDeps } from './ai-config-routes.js';
import type { MetricsRoutesDeps } from './metrics-routes.js';

export interface ManagementDeps extends GovernanceRepositories {
  ledger: BudgetLedger;
  counters: CounterStore;
  /** Rebuilds the in-memory policy after limits, budgets or keys change. */
  policy: PolicyReloader;
  governance: GovernanceConfig;
  /** Drops a key from the authentication cache after it changed. */
  forgetKey(keyId: string): void;
  /** The running providers: stored credentials are applied to them in place of the configured key. */
  providers: readonly ProviderSettings[];
  /** Encrypts provider credentials at rest. */
  box: SecretBox;
  /**
   * Each provider's key from the config or environment, captured before stored credentials were
   * applied, so that deleting a provider's last stored credential restores it.
   */
  configuredProviderKeys: ReadonlyMap<string, string | undefined>;
  /** Runtime routing administration (/api/ai/models, /routing, /config, /test); its routes are registered only when given. */
  routing?: AiConfigDeps;
  /** Live figures for GET /api/ai/metrics and /api/ai/metrics/manager; registered only when given. */
  metrics?: MetricsRoutesDeps;
}
