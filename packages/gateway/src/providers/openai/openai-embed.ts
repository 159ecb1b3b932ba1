/**
 * Embeddings in the OpenAI protocol. We always ask for float vectors: the canonical response holds
 * numbers, and the inbound protocol re-encodes base64 itself when its client asked for it.
 * https://platform.openai.com/docs/api-reference/embeddings/create
 */

import type { EmbeddingRequest, EmbeddingResponse } from '../../core/index.js';
import { readJson } from '../shared/http.js';
import type { CallContext } from '../types.js';
import { isRecord, numberField, recordField, recordsField, stringField } from '../shared/json-fields.js';
import { callOpenAIWhole } from './openai-call.js';

export async function openaiEmbed(request: EmbeddingRequest, context: CallContext): Promise<EmbeddingResponse> {
  const body: Record<string, unknown> = { model: context.deployment.model, input: request.input, encoding_format: 'float' };
  if (request.dimensions !== undefined) body.dimensions = request.dimensions;
  if (request.user !== undefined) body.user = request.user;
  const response = await callOpenAIWhole({ endpoint: 'embeddings', body: JSON.stringify(body) }, context);
  const json = await readJson(response, context.deployment.provider.id, context.signal);
  const record = isRecord(json) ? json : {};
  const data = recordsField(record, 'data')
    .map((item, position) => ({ index: numberField(item, 'index') ?? position, vector: readVector(item.embedding) }))
    .sort((left, right) => left.index - right.index);
  const usage = recordField(record, 'usage');
  const promptTokens = usage ? numberField(usage, 'prompt_tokens') : undefined;
  return {
    model: stringField(record, 'model') || context.deployment.model,
    embeddings: data.map((item) => item.vector),
    usage: { promptTokens: promptTokens ?? 0, estimated: promptTokens === undefined },
  };
}

/** A float array, or a base64 string of little-endian float32s from a server that ignored encoding_format. */
function readVector(value: unknown): number[] {
  if (Array.isArray(value)) return value.filter((item): item is number => typeof item === 'number');
  if (typeof value !== 'string') return [];
  const bytes = Buffer.from(value, 'base64');
  const vector: number[] = [];
  for (let offset = 0; offset + 4 <= bytes.length; offset += 4) vector.push(bytes.readFloatLE(offset));
  return vector;
}
