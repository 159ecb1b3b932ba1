/**
 * Same-protocol relay of POST /v1/messages (DESIGN.md principle 2): the client's body goes upstream
 * with only `model` replaced, with the client's anthropic-version and anthropic-beta headers. A JSON
 * answer is returned byte for byte; a stream is relayed frame by frame as received and read only for
 * usage and the stop reason, parsing JSON only for message_start and message_delta (the hot path).
 * An upstream HTTP error becomes a GatewayError (its body is never relayed); a failure mid-stream
 * becomes one Anthropic `event: error` frame (https://docs.anthropic.com/en/docs/build-with-claude/streaming#error-events).
 */

import { GatewayError } from '../../core/index.js';
import { parseJsonSafe, transportError } from '../shared/http.js';
import type { StreamingResponse, WholeResponse } from '../shared/http.js';
import type { SseEvent } from '../shared/sse.js';
import { createSsePump } from '../shared/sse-pump.js';
import type { CallContext, PassthroughRequest, PassthroughResult, StreamSummary } from '../types.js';
import { postMessagesStream, postMessagesWhole } from './anthropic-call.js';
import { anthropicInBandError } from './anthropic-errors.js';
import { applyUsage, emptyCounters, parseAnthropicUsage, toUsage } from './anthropic-usage.js';
import { isRecord, recordField, stringField } from '../shared/json-fields.js';
import { mapAnthropicStopReason } from './map-anthropic-stop-reason.js';

export async function anthropicPassthrough(request: PassthroughRequest, context: CallContext): Promise<PassthroughResult> {
  const body = JSON.stringify({ ...request.body, model: context.deployment.model });
  if (request.stream) return relayStream(await postMessagesStream({ body, context, forwarded: request.headers }), context);
  return relayJson(await postMessagesWhole({ body, context, forwarded: request.headers }));
}

function relayJson(response: WholeResponse): PassthroughResult {
  const { bytes } = response;
  const parsed = parseJsonSafe(bytes.toString('utf8'));
  const message = isRecord(parsed) ? parsed : {};
  const usage = recordField(message, 'usage');
  const stopReason = stringField(message, 'stop_reason');
  return {
    kind: 'json',
    status: response.status,
    body: bytes,
    usage: usage === undefined ? null : parseAnthropicUsage(usage),
    finishReason: stopReason === undefined ? null : mapAnthropicStopReason(stopReason),
    model: stringField(message, 'model') ?? null,
  };
}

function relayStream(response: StreamingResponse, context: CallContext): PassthroughResult {
  const provider = context.deployment.provider.id;
  const counters = emptyCounters();
  const summary: StreamSummary = { usage: null, finishReason: null, model: null };
  let failure: GatewayError | null = null;

  const fail = (error: GatewayError): void => {
    failure = error;
  };

  // After an error event nothing more is relayed, but the body is read to its end so that the
  // upstream connection stays reusable.
  let ended = false;
  let stopped = false;

  function relayEvent(sse: SseEvent): string {
    if (ended) return '';
    if (sse.event === 'error') {
      fail(anthropicInBandError(parseJsonSafe(sse.data), provider));
      ended = true;
      return '';
    }
    if (sse.event === 'message_start') {
      const message = recordField(asRecord(sse.data), 'message') ?? {};
      summary.model = stringField(message, 'model') ?? summary.model;
      readUsage(recordField(message, 'usage'));
    } else if (sse.event === 'message_delta') {
      const data = asRecord(sse.data);
      const stopReason = stringField(recordField(data, 'delta') ?? {}, 'stop_reason');
      if (stopReason !== undefined) summary.finishReason = mapAnthropicStopReason(stopReason);
      readUsage(recordField(data, 'usage'));
    } else if (sse.event === 'message_stop') {
      stopped = true;
    }
    return sse.raw;
  }

  const pump = createSsePump(response.body, {
    relay: relayEvent,
    end() {
      if (ended || stopped) return;
      fail(new GatewayError('SY_ERR_UPSTREAM_PROTOCOL', `Provider "${provider}" ended the stream before message_stop.`, { provider }));
    },
    fail(error) {
      if (ended) return;
      ended = true;
      fail(transportError(error, { provider, clientSignal: context.signal }));
    },
  });

  function readUsage(usage: Record<string, unknown> | undefined): void {
    if (usage === undefined) return;
    applyUsage(counters, usage);
    summary.usage = toUsage(counters);
  }

  return {
    kind: 'stream',
    status: response.status,
    pipe: pump.pipe,
    stop: pump.stop,
    summary: () => ({ ...summary }),
    failure: () => failure,
  };
}

function asRecord(data: string): Record<string, unknown> {
  const value = parseJsonSafe(data);
  return isRecord(value) ? value : {};
}
