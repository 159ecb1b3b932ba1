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

/** Headers for the most constrained counter of each metric (fewest remaining). */
export function rateLimitHeaders(rules: readonly LimitRule[], states: readonly WindowCounterState[], nowMs: number): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const metric of ['requests', 'tokens'] as const) {
    let tightest: { rule: LimitRule; state: WindowCounterState } | null = null;
    rules.forEach((rule, index) => {
      const state = states[index];
      if (rule.metric !== metric || state === undefined) return;
      if (tightest === null || state.remaining < tightest.state.remaining) tightest = { rule, state };
    });
    if (tightest === null) continue;
    const { rule, state } = tightest as { rule: LimitRule; state: WindowCounterState };
    headers[`x-ratelimit-limit-${metric}`] = String(rule.limit);
    headers[`x-ratelimit-remaining-${metric}`] = String(Math.max(0, state.remaining));
    headers[`x-ratelimit-reset-${metric}`] = formatResetDuration(state.resetAtMs - nowMs);
  }
  return headers;
}
