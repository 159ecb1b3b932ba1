/**
 * OpenAI-style rate-limit headers (`x-ratelimit-limit-requests`, `-remaining-`, `-reset-`, and the
 * same for tokens), from the tightest counter of each metric. Reset times are durations in Go's
 * style ("1s", "6m0s", "120ms") as OpenAI sends them:
 * https://platform.openai.com/docs/guides/rate-limits#rate-limits-in-headers
 */

import type { LimitRule, WindowCounterState } from './ports.js';

export function formatResetDuration(ms: number): string {
  const rounded = Math.max(0, Math.ceil(ms));
  if (rounded < 1_000) return `${rounded}ms`;
  const totalSeconds = Math.ceil(rounded / 1_000);
  const hours = Math.floor(totalSeconds / 3_600);
  const minutes = Math.floor((totalSeconds % 3_600) / 60);
  const seconds = totalSeconds % 60;
  if (hours > 0) return `${hours}h${minutes}m${seconds}s`;
  if (minutes > 0) return `${minutes}m${seconds}s`;
  return `${seconds}s`;
}

const METRICS = ['requests', 'tokens'] as const;

/** The header names per metric, made once rather than per request. */
const HEADER_NAMES = {
  requests: { limit: 'x-ratelimit-limit-requests', remaining: 'x-ratelimit-remaining-requests', reset: 'x-ratelimit-reset-requests' },
  tokens: { limit: 'x-ratelimit-limit-tokens', remaining: 'x-ratelimit-remaining-tokens', reset: 'x-ratelimit-reset-tokens' },
} as const;

/** Headers for the most constrained counter of each metric (fewest remaining). */
export function rateLimitHeaders(rules: readonly LimitRule[], states: readonly WindowCounterState[], nowMs: number): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const metric of METRICS) {
    let tightest = -1;
    for (let index = 0; index < rules.length; index += 1) {
      const state = states[index];
      if (rules[index].metric !== metric || state === undefined) continue;
      if (tightest === -1 || state.remaining < states[tightest].remaining) tightest = index;
    }
    if (tightest === -1) continue;
    const names = HEADER_NAMES[metric];
    const state = states[tightest];
    headers[names.limit] = String(rules[tightest].limit);
    headers[names.remaining] = String(Math.max(0, state.remaining));
    headers[names.reset] = formatResetDuration(state.resetAtMs - nowMs);
  }
  return headers;
}
