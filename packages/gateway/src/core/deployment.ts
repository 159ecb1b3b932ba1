/**
 * Resolved providers, deployments and model groups: what the configuration loader produces and
 * what routing and provider adapters consume. Secrets are plain here; they never leave the process.
 */

import type { WireProtocol } from './protocol.js';

export interface Timeouts {
  /** Time allowed to open the connection, ms. */
  connectMs: number;
  /** Time allowed until the upstream's response headers (the first byte), ms. */
  firstByteMs: number;
  /** Time allowed for the whole call, ms (non-streaming calls). */
  totalMs: number;
  /** Longest silence allowed inside a stream, ms. */
  streamIdleMs: number;
}

/** Latency and failure behaviour of the built-in simulator provider. */
export interface SimulatorSettings {
  /** Time before the first byte: mean and standard deviation of a normal distribution, ms. */
  latencyMeanMs: number;
  latencyStdDevMs: number;
  /** Delay between streamed chunks, ms. */
  chunkIntervalMs: number;
  /** Words in a generated answer when the request sets no max tokens. */
  answerWords: number;
  /** Probability (0..1) that a call fails with a 500 before the first byte. */
  errorRate: number;
  /** Seed for the deterministic generator; the same request always gives the same answer. */
  seed: number;
}

export interface ProviderSettings {
  /** The id used in config, logs, metrics and the x-switchyard-provider header. */
  id: string;
  /** The wire protocol spoken upstream. */
  type: WireProtocol;
  /** Preset the settings came from (`openai`, `groq`, `azure`, …), for display. */
  preset: string;
  /** Base URL with the meaning of the official SDK's baseURL option. */
  baseUrl: string;
  /** Credential, or undefined for servers that need none. */
  apiKey?: string;
  /** How the credential is sent: `bearer` (Authorization), or the name of a header such as `api-key`. */
  authHeader: 'bearer' | 'x-api-key' | 'x-goog-api-key' | 'api-key' | 'none';
  /** Extra headers sent on every upstream request. */
  headers: Record<string, string>;
  /** Query parameters added to every upstream URL (Azure's api-version). */
  query: Record<string, string>;
  /** Azure OpenAI: the upstream model is a deployment name in the URL path. */
  azureDeployments: boolean;
  /** Whether the upstream accepts stream_options.include_usage (OpenAI-compatible servers). */
  supportsStreamUsage: boolean;
  timeouts: Timeouts;
  /** Simulator provider only. */
  simulator?: SimulatorSettings;
}

/** Price override per million tokens, in USD. */
export interface PriceOverride {
  inputPerMTok: number;
  outputPerMTok: number;
  cachedInputPerMTok?: number;
}

/** Active health probes of one deployment (off unless configured). */
export interface HealthCheckSettings {
  /** Time between the starts of two probes, ms. */
  intervalMs: number;
  /** Longest a probe may take before it counts as a timeout, ms. */
  timeoutMs: number;
}

export interface Deployment {
  /** Stable id: `<provider>/<model>` unless configured. */
  id: string;
  /**
   * The provider's settings as this deployment uses them: when the deployment sets its own
   * timeouts, a copy of the provider's settings with those timeouts (same id), so that every
   * adapter honours them without knowing about deployments.
   */
  provider: ProviderSettings;
  /** The model name sent upstream. */
  model: string;
  weight: number;
  price?: PriceOverride;
  /** Default max output tokens when a protocol requires one and the client sent none. */
  defaultMaxTokens: number;
  /** Most requests in flight on this deployment at once; undefined or 0 = unlimited. */
  maxConcurrentRequests?: number;
  /** Requests that may wait for this deployment's slot; undefined = the server's `maxQueue`. */
  maxQueue?: number;
  /** Longest wait for this deployment's slot, ms; undefined = the server's `maxQueueWaitMs`. */
  maxQueueWaitMs?: number;
  /** Active health probes; undefined = passive health only. */
  healthCheck?: HealthCheckSettings;
}

export interface ModelGroup {
  /** The name clients send. */
  name: string;
  deployments: Deployment[];
  /** Routing strategy id for this group; falls back to the global one. */
  strategy?: string;
  /** Where the group came from, for /v1/models and start-up output. */
  source: 'config' | 'environment' | 'simulator';
}
