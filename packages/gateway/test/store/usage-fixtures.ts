/** Usage rows for store tests: deterministic, varied across keys, model groups and outcomes. */

import type { UsageRow } from '../../src/pipeline/ports.js';

export const FIXTURE_KEYS = ['key_a', 'key_b', null] as const;
export const FIXTURE_MODEL_GROUPS = ['gpt-4o', 'claude-sonnet', 'gemini-flash', 'mistral'] as const;
export const FIXTURE_OUTCOMES = ['success', 'success', 'error', 'client_disconnected'] as const;

/** Row number `index` of a family named by `prefix`; createdAt grows with the index. */
export function usageRow(prefix: string, index: number, overrides: Partial<UsageRow> = {}): UsageRow {
  const outcome = FIXTURE_OUTCOMES[index % FIXTURE_OUTCOMES.length];
  return {
    requestId: `${prefix}-${String(index).padStart(6, '0')}`,
    createdAt: new Date(Date.UTC(2025, 0, 1) + index * 1000),
    keyId: FIXTURE_KEYS[index % FIXTURE_KEYS.length],
    protocol: index % 2 === 0 ? 'openai' : 'anthropic',
    endpoint: index % 5 === 0 ? 'embeddings' : 'chat',
    modelGroup: FIXTURE_MODEL_GROUPS[index % FIXTURE_MODEL_GROUPS.length],
    provider: outcome === 'error' ? null : 'openai',
    deploymentId: outcome === 'error' ? null : `openai/gpt-4o#${index % 3}`,
    upstreamModel: outcome === 'error' ? null : 'gpt-4o-2024-08-06',
    stream: index % 3 === 0,
    promptTokens: 100 + index,
    completionTokens: outcome === 'error' ? 0 : 20 + (index % 50),
    cachedTokens: index % 7 === 0 ? 64 : 0,
    tokensEstimated: index % 11 === 0,
    costUsd: (100 + index) * 0.0000025 + 0.125,
    latencyMs: 200 + index,
    ttftMs: index % 3 === 0 ? 50 + (index % 13) : null,
    status: outcome === 'error' ? 502 : outcome === 'client_disconnected' ? 499 : 200,
    outcome,
    errorCode: outcome === 'error' ? 'SY_ERR_UPSTREAM_SERVER' : null,
    attempts: 1 + (index % 3),
    ...overrides,
  };
}

export function usageRows(prefix: string, count: number): UsageRow[] {
  return Array.from({ length: count }, (_, index) => usageRow(prefix, index));
}
