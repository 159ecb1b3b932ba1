/** What the HTTP layer needs, assembled by app.ts from the configuration and handed in. */

import type { FastifyBaseLogger } from 'fastify';
import type { ModelGroup, ProviderSettings, WireProtocol } from '../core/index.js';
import type { Accountant } from '../pipeline/account.js';
import type { Authenticate } from '../pipeline/authenticate.js';
import type { Governance } from '../pipeline/govern.js';
import type { RequestTracer } from '../pipeline/ports.js';
import type { AuthorizeApi } from '../pipeline/request-state.js';
import type { RuleSet } from '../routing/conditional-rules.js';
import type { ConcurrencyLimiter } from '../routing/concurrency-limiter.js';
import type { RetryPolicy } from '../routing/retry-policy.js';
import type { Router } from '../routing/router.js';
import type { ProviderAdapter } from '../providers/types.js';
import type { UpstreamHttp } from '../providers/shared/http.js';
import type { InflightRegistry } from './inflight.js';

export type ProviderAdapters = Record<WireProtocol, ProviderAdapter>;

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, { ok: boolean; detail?: string }>;
}

/** GET /metrics: the Prometheus exposition, rendered by telemetry/metrics (server/ may not import it). */
export interface MetricsEndpoint {
  /** The exposition's content type (`text/plain; version=0.0.4; charset=utf-8`). */
  contentType: string;
  render(): Promise<string>;
  /** observability.metrics.auth: the caller needs the analytics.read permission. */
  auth: boolean;
}

export interface GatewayServices {
  router: Router;
  retryPolicy: RetryPolicy;
  /** Conditional routing rules (first match sends the request to another group). */
  rules: RuleSet;
  /** Gateway-wide concurrency limit with a bounded priority queue; absent when unlimited. */
  concurrency?: ConcurrencyLimiter;
  adapters: ProviderAdapters;
  http: UpstreamHttp;
  authenticate: Authenticate;
  /** Authorises management (/api) calls against the permission each route declares. */
  authorizeApi: AuthorizeApi;
  accountant: Accountant;
  /** Tier model access, rate limits and budgets; absent in tests that need none. */
  governance?: Governance;
  inflight: InflightRegistry;
  /** Spans per request and upstream attempt (OpenTelemetry); absent or the no-op when tracing is off. */
  tracer?: RequestTracer;
  providers: readonly ProviderSettings[];
  /** True when no provider was configured and the simulator serves the default groups. */
  usingSimulatorFallback: boolean;
  bodyLimitBytes: number;
  /** Log request and (non-streamed) response bodies at info level: for debugging only. */
  logBodies: boolean;
  /** Unix seconds when the gateway started, shown as the models' `created`. */
  startedAtSeconds: number;
  readiness(): Promise<ReadinessReport>;
  /** Optional components that are down while the gateway still serves (Redis: per-replica limits). */
  degradedComponents?(): string[];
  /** True once shutdown began: new requests get a 503 in their protocol's shape. */
  isShuttingDown(): boolean;
  /** Serves GET /metrics when set (observability.metrics.enabled). */
  metrics?: MetricsEndpoint;
  /** Called for each upstream attempt that failed; for logs and, later, breakers and metrics. */
  onAttemptFailed?(event: { requestId: string; deploymentId: string; code: string; message: string; willRetry: boolean }): void;
  logger?: FastifyBaseLogger;
}

export function groupsOf(services: GatewayServices): ModelGroup[] {
  return services.router.listGroups();
}
