/** The canonical chat response and stream events, produced by providers and rendered by inbound protocols. */

import type { GatewayError } from './errors.js';
import type { FinishReason } from './finish-reason.js';
import type { ToolCall } from './chat-request.js';
import type { Usage } from './usage.js';

export interface ChatChoice {
  index: number;
  /** The text answer, or null when the model only called tools. */
  content: string | null;
  toolCalls: ToolCall[];
  /** A refusal message, when the provider reports one separately. */
  refusal?: string | null;
  finishReason: FinishReason;
}

export interface ChatResponse {
  /** The provider's response id (or one we made when it gave none). */
  id: string;
  /** The model that answered, as the provider named it. */
  model: string;
  /** Unix seconds. */
  created: number;
  choices: ChatChoice[];
  usage: Usage;
}

/** One event of a canonical stream. Adapters yield these; inbound protocols render them. */
export type StreamEvent =
  | { type: 'start'; id: string; model: string; created: number }
  | { type: 'text-delta'; choice: number; text: string }
  | { type: 'tool-call-start'; choice: number; index: number; id: string; name: string }
  | { type: 'tool-call-delta'; choice: number; index: number; argumentsDelta: string }
  | { type: 'finish'; choice: number; finishReason: FinishReason }
  | { type: 'usage'; usage: Usage }
  /** An upstream failure after the stream began; it ends the stream. */
  | { type: 'error'; error: GatewayError };
