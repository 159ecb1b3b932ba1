/**
 * Stage: rate limit. Before dispatch, takes one request (and the prompt's estimated tokens) from
 * every counter that applies — key, user, team, IP, model, tier — all or nothing. A full window
 * is a 429 naming the limit, with `retry-after` and the x-ratelimit-* headers; allowed answers
 * carry the headers too. After the answer, token counters are corrected to the real count.
 */

import { GatewayError } from '../core/index.js';
import type { Awaitable, CounterStore, GovernancePolicy, LimitRule, RequestSubject, WindowCounter, WindowCounterState } from './ports.js';
import { thenAwaitable } from './awaitable.js';
import { rateLimitHeaders } from './rate-limit-headers.js';

export interface RateLimitAdmission {
  /** False when no limit applies to the request (nothing counted, no headers). */
  applied: boolean;
  /** Headers for the answer (and for the 429), made when first read. */
  readonly headers: Record<string, string>;
  /** Corrects the token counters to the real count once it is known; null when no token limit applies. */
  settleTokens: ((actualTokens: number) => void) | null;
}

const NOTHING_TO_SETTLE: RateLimitAdmission = { applied: false, headers: {}, settleTokens: null };

type TakeResult = { allowed: boolean; states: WindowCounterState[]; blocked: string[] };

/** Answers at once when the counters do (the in-process store); a refusal is thrown, or rejected. */
export function admitRateLimits(options: {
  policy: GovernancePolicy;
  counters: CounterStore;
  subject: RequestSubject;
  /** The prompt's token estimate; asked only when a token limit applies. */
  estimateTokens: () => number;
  now?: () => number;
}): Awaitable<RateLimitAdmission> {
  const rules = options.policy.limitsFor(options.subject);
  if (rules.length === 0) return NOTHING_TO_SETTLE;
  const now = options.now ?? Date.now;
  const nowMs = now();
  let tokenRuleCount = 0;
  for (const rule of rules) if (rule.metric === 'tokens') tokenRuleCount += 1;
  const estimated = tokenRuleCount > 0 ? Math.max(0, Math.round(options.estimateTokens())) : 0;
  const counters: WindowCounter[] = new Array(rules.length);
  for (let index = 0; index < rules.length; index += 1) {
    const rule = rules[index];
    counters[index] = { key: rule.counterKey, windowMs: rule.windowMs, limit: rule.limit, amount: rule.metric === 'requests' ? 1 : estimated };
  }
  return thenAwaitable(options.counters.take(counters, nowMs), (result: TakeResult) =>
    admission({ counters: options.counters, rules, result, nowMs, estimated, tokenRuleCount }),
  );
}

function admission(options: {
  counters: CounterStore;
  rules: readonly LimitRule[];
  result: TakeResult;
  nowMs: number;
  estimated: number;
  tokenRuleCount: number;
}): RateLimitAdmission {
  const { rules, result, nowMs, estimated, counters } = options;
  if (!result.allowed) throw rejection(rules, result.states, result.blocked, rateLimitHeaders(rules, result.states, nowMs), nowMs);
  if (options.tokenRuleCount === 0) return new Admitted(rules, result.states, nowMs, null);
  const tokenRules = rules.filter((rule) => rule.metric === 'tokens');
  return new Admitted(rules, result.states, nowMs, (actualTokens) => {
    const difference = Math.round(actualTokens) - estimated;
    if (difference === 0) return;
    // Bookkeeping after the answer: never awaited by the request, never allowed to throw into it.
    counters.add(tokenRules.map((rule) => ({ key: rule.counterKey, windowMs: rule.windowMs, amount: difference })), nowMs).catch(() => {});
  });
}

/**
 * An admitted request's limits. Its headers are formatted when first read: govern defers them until
 * the upstream call is out (about 13 µs of a stream's first byte otherwise; docs/performance.md).
 */
class Admitted implements RateLimitAdmission {
  readonly applied = true;
  readonly settleTokens: ((actualTokens: number) => void) | null;
  readonly #rules: readonly LimitRule[];
  readonly #states: readonly WindowCounterState[];
  readonly #nowMs: number;
  #headers: Record<string, string> | null = null;

  constructor(rules: readonly LimitRule[], states: readonly WindowCounterState[], nowMs: number, settleTokens: ((actualTokens: number) => void) | null) {
    this.#rules = rules;
    this.#states = states;
    this.#nowMs = nowMs;
    this.settleTokens = settleTokens;
  }

  get headers(): Record<string, string> {
    return (this.#headers ??= rateLimitHeaders(this.#rules, this.#states, this.#nowMs));
  }
}

function rejection(
  rules: readonly LimitRule[],
  states: ReadonlyArray<{ key: string; resetAtMs: number }>,
  blocked: readonly string[],
  headers: Record<string, string>,
  nowMs: number,
): GatewayError {
  const blockedRules = rules.filter((rule) => blocked.includes(rule.counterKey));
  const first = blockedRules[0] ?? rules[0];
  const resetAtMs = Math.max(
    ...blockedRules.map((rule) => states.find((state) => state.key === rule.counterKey)?.resetAtMs ?? nowMs + rule.windowMs),
  );
  const retryAfterMs = Math.max(1_000, resetAtMs - nowMs);
  return new GatewayError('SY_ERR_RATE_LIMITED', `Rate limit reached: ${first.label}. Try again in ${Math.ceil(retryAfterMs / 1_000)} s.`, {
    retryAfterMs,
    headers,
  });
}
