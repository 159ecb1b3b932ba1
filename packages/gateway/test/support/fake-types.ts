/**
 * The common control surface of the fake upstreams (fake-openai, fake-anthropic, fake-gemini).
 * Each fake speaks its provider's exact wire format and rejects what the real API rejects; tests
 * script failures through this interface.
 */

export interface RecordedRequest {
  method: string;
  /** Path and query, e.g. `/v1/chat/completions` or `/v1beta/models/gemini-2.5-flash:generateContent?alt=sse`. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON body (undefined for GET or unparsable bodies). */
  body: unknown;
}

export type ScriptedFailure =
  /** Answer the next matching call with this HTTP error; `body` defaults to the provider's own error shape for the status. */
  | { kind: 'http'; status: number; message?: string; body?: unknown; headers?: Record<string, string> }
  /** Start a stream normally, then after `afterEvents` events send the provider's in-band error event (or cut the socket when `cut`). */
  | { kind: 'mid-stream'; afterEvents: number; cut?: boolean; message?: string }
  /** Wait this long before sending headers. */
  | { kind: 'delay'; ms: number };

export interface FakeUpstream {
  /** The value to use as the official SDK's baseURL and as `baseUrl` in gateway config. */
  baseUrl: string;
  /** Every request received, in order. */
  requests: RecordedRequest[];
  /** Queues a failure for the next call (FIFO; each queued item applies to one call). */
  failNext(failure: ScriptedFailure): void;
  /** The API key the fake accepts; any other key gets the provider's 401. */
  apiKey: string;
  close(): Promise<void>;
}

/**
 * Deterministic behaviour shared by all fakes, driven by the last user message's text:
 * - default: answers with `Echo: <that text>` (streamed as several deltas of a few characters).
 * - when tools are offered and the last message is from the user (not a tool result) and the text
 *   contains "weather": calls the first tool with `{"city":"Paris"}`; if it also contains "parallel",
 *   calls it twice (`Paris`, then `Tokyo`), as parallel calls. Argument JSON is streamed in pieces.
 * - after a tool result: answers `Tool said: <result text>`.
 * - JSON mode (json_object / json_schema / Gemini responseMimeType application/json): answers
 *   `{"echo":"<that text>"}`.
 * - text containing "long answer": hits the max tokens limit (finish reason length / max_tokens / MAX_TOKENS).
 * Usage: prompt tokens = number of words in all messages (plus 10 per tool definition), output
 * tokens = number of words in the answer (at least 1), cached tokens = 0 unless the text contains
 * "cached" (then 4), reported in the provider's own usage fields.
 */
export const FAKE_BEHAVIOUR_DOC = true;
