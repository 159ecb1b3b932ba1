/**
 * The side-by-side comparison of POST /api/ai/multiple (`compareResults: true`): which model was
 * fastest, cheapest, longest and shortest among the calls that succeeded, how much their answers
 * agree, and one row per call.
 */

import { meanPairwiseAgreement } from './consensus/agreement.js';
import type { ModelAnswer } from './model-answer.js';

export interface ComparisonRow {
  /** The position of the call in `requests`. */
  index: number;
  model: string;
  latencyMs: number;
  costUsd: number;
  /** Characters of the answer; null when the call failed. */
  answerLength: number | null;
  /** The error code, when the call failed. */
  error: string | null;
}

export interface Comparison {
  /** The model of the successful call with the least latency (the earliest on a tie); null when none succeeded. */
  fastest: string | null;
  cheapest: string | null;
  longest: string | null;
  shortest: string | null;
  /** Mean pairwise word-overlap similarity of the successful answers, 0..1 (1 with fewer than two). */
  agreement: number;
  table: ComparisonRow[];
}

type Succeeded = ModelAnswer & { answer: string };

/** The model of the first answer whose measure beats every other's by `better`. */
function best(answers: readonly Succeeded[], measure: (answer: Succeeded) => number, better: (left: number, right: number) => boolean): string | null {
  let winner: Succeeded | null = null;
  for (const answer of answers) {
    if (winner === null || better(measure(answer), measure(winner))) winner = answer;
  }
  return winner?.model ?? null;
}

export function compareResults(results: readonly ModelAnswer[]): Comparison {
  const succeeded = results.filter((result): result is Succeeded => result.answer !== null);
  const less = (left: number, right: number): boolean => left < right;
  const more = (left: number, right: number): boolean => left > right;
  return {
    fastest: best(succeeded, (answer) => answer.latencyMs, less),
    cheapest: best(succeeded, (answer) => answer.costUsd, less),
    longest: best(succeeded, (answer) => answer.answer.length, more),
    shortest: best(succeeded, (answer) => answer.answer.length, less),
    agreement: meanPairwiseAgreement(succeeded.map((answer) => answer.answer)),
    table: results.map((result, index) => ({
      index,
      model: result.model,
      latencyMs: result.latencyMs,
      costUsd: result.costUsd,
      answerLength: result.answer?.length ?? null,
      error: result.error?.code ?? null,
    })),
  };
}
