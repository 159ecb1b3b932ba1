/**
 * Relays an OpenAI stream frame by frame, unchanged, while reading usage, finish reason and model
 * for accounting. This is the hot path (DESIGN.md principle 2): a frame is JSON-parsed only when
 * a cheap string check says it may carry something we need, and the frames of one upstream chunk
 * are relayed as one piece, pushed to the client from the body's own events (shared/sse-pump.ts).
 */

import type { FinishReason, GatewayError, Usage } from '../../core/index.js';
import { parseJsonSafe, transportError } from '../shared/http.js';
import type { ByteSource } from '../shared/byte-source.js';
import type { SseEvent } from '../shared/sse.js';
import { createSsePump, type SsePump } from '../shared/sse-pump.js';
import type { StreamSummary } from '../types.js';
import { isRecord, numberField, recordsField, stringField } from '../shared/json-fields.js';
import { mapOpenAIFinishReason } from './map-openai-finish-reason.js';
import { isOpenAIErrorChunk, openaiInBandError } from './openai-errors.js';
import { parseOpenAIUsage } from './parse-openai-usage.js';

export interface RelayOptions {
  body: ByteSource;
  provider: string;
  /** The client's signal, to tell a disconnect from an upstream failure. */
  signal: AbortSignal;
  /** Drop the usage-only chunk (`choices: []`): we asked for it, the client did not. */
  dropUsageChunk: boolean;
  /** Collect the answer text: the upstream will not report usage, so output tokens are estimated from it. */
  collectText?: boolean;
}

export interface RelayedStream extends SsePump {
  summary: () => StreamSummary;
  failure: () => GatewayError | null;
}

const USAGE_OBJECT = /"usage"\s*:\s*\{/;
const FINISH_REASON_SET = /"finish_reason"\s*:\s*"/;

export function relayOpenAIStream(options: RelayOptions): RelayedStream {
  let usage: Usage | null = null;
  let finishReason: FinishReason | null = null;
  let model: string | null = null;
  let failure: GatewayError | null = null;
  let outputText = '';

  let finished = false;
  let modelLookups = 0;

  /** What one SSE event contributes to the relayed text ('' for nothing); reads what accounting needs. */
  function relayEvent(sse: SseEvent): string {
    // Keep reading after [DONE] or an error so the connection ends cleanly, but relay nothing.
    if (finished) return '';
    const { data } = sse;
    if (data === '[DONE]') finished = true;
    if (data.length === 0 || finished) return sse.raw;
    let parsed: { value: unknown } | undefined;
    const chunk = (): unknown => (parsed ??= { value: parseJsonSafe(data) }).value;
    // Azure's first chunk names no model (""), so look a few frames on, but not forever: some
    // compatible servers never name one, and parsing every frame is what we avoid here.
    if (model === null && modelLookups < 3) {
      modelLookups += 1;
      model = readModel(chunk());
    }
    if (data.includes('"error"') && isOpenAIErrorChunk(chunk())) {
      failure = openaiInBandError(chunk(), options.provider);
      finished = true;
      return '';
    }
    if (options.collectText) outputText += deltaText(chunk());
    if (FINISH_REASON_SET.test(data)) finishReason = readFinishReason(chunk(), finishReason);
    if (USAGE_OBJECT.test(data)) {
      const record = chunk();
      usage = isRecord(record) ? (parseOpenAIUsage(record.usage) ?? usage) : usage;
      const usageOnly = isRecord(record) && Array.isArray(record.choices) && record.choices.length === 0;
      if (usageOnly && options.dropUsageChunk) return '';
    }
    return sse.raw;
  }

  const pump = createSsePump(options.body, {
    relay: relayEvent,
    fail(error) {
      if (finished) return;
      failure = transportError(error, { provider: options.provider, clientSignal: options.signal });
    },
  });

  return {
    pipe: pump.pipe,
    stop: pump.stop,
    summary: () => (options.collectText && usage === null ? { usage, finishReason, model, outputText } : { usage, finishReason, model }),
    failure: () => failure,
  };
}

/** The content and tool-argument text of every choice's delta in one chunk. */
function deltaText(chunk: unknown): string {
  let text = '';
  for (const choice of isRecord(chunk) ? recordsField(chunk, 'choices') : []) {
    const delta = isRecord(choice.delta) ? choice.delta : {};
    if (typeof delta.content === 'string') text += delta.content;
    for (const call of recordsField(delta, 'tool_calls')) {
      const fn = isRecord(call.function) ? call.function : {};
      if (typeof fn.arguments === 'string') text += fn.arguments;
    }
  }
  return text;
}

function readModel(chunk: unknown): string | null {
  if (!isRecord(chunk)) return null;
  return stringField(chunk, 'model') || null;
}

/** The first choice's finish reason wins; another choice's is kept only until the first one's arrives. */
function readFinishReason(chunk: unknown, current: FinishReason | null): FinishReason | null {
  if (!isRecord(chunk)) return current;
  let reason = current;
  for (const choice of recordsField(chunk, 'choices')) {
    if (typeof choice.finish_reason !== 'string') continue;
    if ((numberField(choice, 'index') ?? 0) === 0 || reason === null) reason = mapOpenAIFinishReason(choice.finish_reason);
  }
  return reason;
}
