/**
 * One model's part of a multi-model answer, as the endpoints report it: the answer text or the
 * error, and the latency, tokens, cost and request id of its own usage row.
 */

import type { ExecutedChat } from '../execute-chat.js';

export interface ModelAnswer {
  model: string;
  /** The provider that answered (or last failed), when one was reached. */
  provider: string | null;
  /** The answer's text; null when the call failed. */
  answer: string | null;
  /** Why the call failed: the gateway's stable code, its message and the HTTP status it maps to. */
  error: { code: string; message: string; status: number } | null;
  latencyMs: number;
  tokens: { prompt: number; completion: number };
  costUsd: number;
  /** The id of this call's usage row: the HTTP request's id with a suffix. */
  requestId: string;
}

export function describeExecutedChat(executed: ExecutedChat): ModelAnswer {
  const { response, error } = executed;
  return {
    model: executed.model,
    provider: executed.provider,
    answer: response === null ? null : (response.choices[0]?.content ?? ''),
    error: error === null ? null : { code: error.code, message: error.message, status: error.status },
    latencyMs: executed.latencyMs,
    tokens: { prompt: response?.usage.promptTokens ?? 0, completion: response?.usage.completionTokens ?? 0 },
    costUsd: executed.costUsd,
    requestId: executed.requestId,
  };
}

/** Sum of costs, rounded to the nano-dollar so that float sums do not print as 0.30000000000000004. */
export function totalCostUsd(answers: ReadonlyArray<{ costUsd: number }>): number {
  return Math.round(answers.reduce((sum, answer) => sum + answer.costUsd, 0) * 1e9) / 1e9;
}
