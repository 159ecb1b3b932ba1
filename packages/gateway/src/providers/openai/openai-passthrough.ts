/**
 * Same-protocol relay (DESIGN.md principle 2): the client's body goes upstream with only `model`
 * rewritten, and the answer comes back as the upstream sent it. Streams may gain
 * stream_options.include_usage, because the gateway must account every call; the extra usage chunk
 * is then kept from a client that did not ask for it.
 */

import { GatewayError } from '../../core/index.js';
import type { FinishReason, Usage } from '../../core/index.js';
import { parseJsonSafe } from '../shared/http.js';
import type { CallContext, PassthroughRequest, PassthroughResult } from '../types.js';
import { isRecord, recordsField, stringField } from '../shared/json-fields.js';
import { mapOpenAIFinishReason } from './map-openai-finish-reason.js';
import { callOpenAIStream, callOpenAIWhole } from './openai-call.js';
import { relayOpenAIStream } from './openai-passthrough-stream.js';
import { parseOpenAIUsage } from './parse-openai-usage.js';

export async function openaiPassthrough(request: PassthroughRequest, context: CallContext): Promise<PassthroughResult> {
  if (request.endpoint === 'messages') {
    throw new GatewayError('SY_ERR_UNSUPPORTED_OPERATION', 'The OpenAI protocol has no messages endpoint.');
  }
  const { provider } = context.deployment;
  const body: Record<string, unknown> = { ...request.body, model: context.deployment.model };
  const dropUsageChunk = request.stream && provider.supportsStreamUsage && !request.clientWantsUsage;
  if (dropUsageChunk) {
    const clientOptions = isRecord(request.body.stream_options) ? request.body.stream_options : {};
    body.stream_options = { ...clientOptions, include_usage: true };
  }
  const call = { endpoint: request.endpoint, body: JSON.stringify(body), forwardedHeaders: request.headers };
  if (request.stream) {
    const response = await callOpenAIStream(call, context);
    // An upstream not asked for usage (it does not support stream_options) gets its text collected
    // unless the client asked itself, so output tokens can still be estimated.
    const collectText = !provider.supportsStreamUsage && !request.clientWantsUsage;
    const relayed = relayOpenAIStream({ body: response.body, provider: provider.id, signal: context.signal, dropUsageChunk, collectText });
    return { kind: 'stream', status: response.status, ...relayed };
  }
  const { status, bytes } = await callOpenAIWhole(call, context);
  const text = bytes.toString('utf8');
  const summary = request.endpoint === 'embeddings' ? summariseEmbeddings(text) : summariseChat(text);
  return { kind: 'json', status, body: bytes, ...summary };
}

interface JsonSummary {
  outputText?: string;
  usage: Usage | null;
  finishReason: FinishReason | null;
  model: string | null;
}

function summariseChat(text: string): JsonSummary {
  const json = parseJsonSafe(text);
  if (!isRecord(json)) return { usage: null, finishReason: null, model: null };
  const [first] = recordsField(json, 'choices');
  const usage = parseOpenAIUsage(json.usage);
  return {
    ...(usage === null ? { outputText: messageText(json) } : {}),
    usage,
    finishReason: first === undefined ? null : mapOpenAIFinishReason(first.finish_reason),
    model: stringField(json, 'model') || null,
  };
}

/** Every choice's answer text and tool arguments, to estimate output tokens when usage is missing. */
function messageText(json: Record<string, unknown>): string {
  let text = '';
  for (const choice of recordsField(json, 'choices')) {
    const message = isRecord(choice.message) ? choice.message : {};
    if (typeof message.content === 'string') text += message.content;
    for (const call of recordsField(message, 'tool_calls')) {
      const fn = isRecord(call.function) ? call.function : {};
      if (typeof fn.arguments === 'string') text += fn.arguments;
    }
  }
  return text;
}

/**
 * An embeddings body can be megabytes of numbers; its usage object sits at the end and holds no
 * strings, so we cut it out by brace matching instead of parsing the vectors.
 */
function summariseEmbeddings(text: string): JsonSummary {
  const model = /"model"\s*:\s*"((?:[^"\\]|\\.)*)"/.exec(text);
  return { usage: parseOpenAIUsage(objectAfterKey(text, 'usage')), finishReason: null, model: model ? model[1] : null };
}

function objectAfterKey(text: string, key: string): unknown {
  const keyAt = text.lastIndexOf(`"${key}"`);
  if (keyAt === -1) return undefined;
  const start = text.indexOf('{', keyAt);
  if (start === -1) return undefined;
  let depth = 0;
  for (let position = start; position < text.length; position += 1) {
    const character = text[position];
    if (character === '{') depth += 1;
    else if (character === '}' && --depth === 0) return parseJsonSafe(text.slice(start, position + 1));
  }
  return undefined;
}
