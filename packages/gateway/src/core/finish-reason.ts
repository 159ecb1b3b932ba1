/** Why a choice stopped, normalised, with the provider's own value kept beside it. */

export type UnifiedFinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter' | 'error' | 'other';

export interface FinishReason {
  unified: UnifiedFinishReason;
  /** The provider's own value (`end_turn`, `MAX_TOKENS`, …), or null when it sent none. */
  raw: string | null;
}
