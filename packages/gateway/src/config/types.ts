/** The configuration after loading: file, environment and defaults merged and checked. */

import type { ModelGroup, ProviderSettings } from '../core/index.js';
import type { RoutingRule } from '../routing/conditional-rules.js';
import type { TierPriority } from '../routing/request-priority.js';
import type { GovernanceConfig } from './governance-config.js';
import type { ObservabilityConfig } from './observability-schema.js';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export interface ResolvedConfig {
  server: {
    port: number;
    host: string;
    /** Undefined when no master key was configured (management API closed to key holders). */
    masterKey: string | undefined;
    bodyLimitBytes: number;
    shutdownGraceMs: number;
    /** Requests served at once by the whole gateway; 0 = unlimited. */
    maxConcurrentRequests: number;
    maxQueue: number;
    maxQueueWaitMs: number;
  };
  database: { url: string };
  redisUrl?: string;
  jwtSecret?: string;
  /** Key for provider credentials stored through the API (SWITCHYARD_ENCRYPTION_KEY). */
  encryptionKey?: string;
  /** Optional second port for the live feed. */
  websocketPort?: number;
  /** File providers first, then those detected from the environment, then the simulator fallback. */
  providers: ProviderSettings[];
  models: ModelGroup[];
  routing: {
    /** Global strategy id; a group's own strategy wins. */
    strategy: string;
    /** Model group → groups to try, in order, when it fails. */
    fallbacks: Record<string, string[]>;
    /** Per failure class (rate_limited, server_error, timeout, context_window, content_policy): group → groups. */
    fallbacksByClass: Partial<Record<'rate_limited' | 'server_error' | 'timeout' | 'context_window' | 'content_policy', Record<string, string[]>>>;
    /** Groups every model group falls back to last. */
    defaultFallbacks: string[];
    /** Most deployments tried for one request, fallbacks included. */
    maxAttempts: number;
    /** Key tier → queue priority (defaults merged with the file's), for requests without a priority hint. */
    tierPriority: TierPriority;
    /** Conditional routing rules, first match wins. */
    rules: RoutingRule[];
    retries: { maxPerDeployment: number; baseDelayMs: number; maxDelayMs: number; maxRetryAfterMs: number };
    breaker: { failureThreshold: number; errorRateThreshold: number; minimumRequests: number; windowMs: number; cooldownMs: number };
  };
  logging: { level: LogLevel; bodies: boolean };
  /** Metrics, tracing (endpoint already merged with OTEL_* variables) and live-feed limits. */
  observability: ObservabilityConfig;
  usage: { batchSize: number; flushIntervalMs: number; queueLimit: number };
  /** Key tiers, rate limits, budgets and session lifetimes from the `governance:` section. */
  governance: GovernanceConfig;
  /** True when no provider was configured or detected and the simulator stands in. */
  usingSimulatorFallback: boolean;
  /** Absolute path of the file read, or null when none was. */
  sourceFile: string | null;
}

/** Thrown by loadConfig when the configuration has problems; each problem is one line for a person. */
export class ConfigError extends Error {
  readonly problems: string[];

  constructor(problems: string[], sourceFile: string | null) {
    const where = sourceFile === null ? 'The configuration' : `The configuration (${sourceFile})`;
    super(`${where} has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}
