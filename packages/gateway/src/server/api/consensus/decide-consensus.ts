/**
 * Turns the successful answers of a consensus request into one answer, by the chosen strategy:
 * the majority of normalised answers, the answer that agrees most with the others, or the judge's
 * verdict (falling back to the most agreeing answer when the judge's reply cannot be used).
 */

import { mostAgreeingAnswer } from './agreement.js';
import type { JudgeVerdict } from './judge.js';
import { majorityVote } from './majority-vote.js';

export type ConsensusStrategy = 'majority' | 'judge' | 'agreement';

/** How the answer was reached. */
export type ConsensusMethod =
  | 'majority'
  | 'agreement'
  /** The judge picked one of the answers. */
  | 'judge-pick'
  /** The judge wrote its own answer. */
  | 'judge-synthesis'
  /** The judge failed or its reply was unusable: the most agreeing answer was taken. */
  | 'judge-fallback'
  /** Only one model answered, so there was nothing to judge between. */
  | 'single-answer';

export interface Candidate {
  model: string;
  answer: string;
}

export interface ConsensusDecision {
  answer: string;
  /** Whose answer it is; null when the judge wrote it. */
  model: string | null;
  method: ConsensusMethod;
  /** How many answers matched the winner, for the majority strategy. */
  votes: number | null;
  /** Why a fallback happened, when one did. */
  note: string | null;
}

function picked(candidate: Candidate, method: ConsensusMethod, extra: { votes?: number; note?: string } = {}): ConsensusDecision {
  return { answer: candidate.answer, model: candidate.model, method, votes: extra.votes ?? null, note: extra.note ?? null };
}

function nonEmpty(candidates: readonly Candidate[]): void {
  if (candidates.length === 0) throw new RangeError('a consensus needs at least one answer');
}

export function decideByMajority(candidates: readonly Candidate[]): ConsensusDecision {
  nonEmpty(candidates);
  const vote = majorityVote(candidates.map((candidate) => candidate.answer)) ?? { index: 0, votes: 1 };
  return picked(candidates[vote.index], 'majority', { votes: vote.votes });
}

export function decideByAgreement(candidates: readonly Candidate[]): ConsensusDecision {
  nonEmpty(candidates);
  return picked(candidates[Math.max(0, mostAgreeingAnswer(candidates.map((candidate) => candidate.answer)))], 'agreement');
}

/** The decision after the judge's verdict (a judge call that failed counts as an `unusable` verdict). */
export function decideByJudge(options: { candidates: readonly Candidate[]; verdict: JudgeVerdict }): ConsensusDecision {
  const { candidates, verdict } = options;
  nonEmpty(candidates);
  if (verdict.kind === 'pick') return picked(candidates[verdict.index], 'judge-pick');
  if (verdict.kind === 'synthesis') return { answer: verdict.answer, model: null, method: 'judge-synthesis', votes: null, note: null };
  const fallback = decideByAgreement(candidates);
  return { ...fallback, method: 'judge-fallback', note: `${verdict.reason}; the answer that agrees most with the others was taken` };
}

export function singleAnswer(candidate: Candidate): ConsensusDecision {
  return picked(candidate, 'single-answer');
}
