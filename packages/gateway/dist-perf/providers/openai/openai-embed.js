/**
 * Embeddings in the OpenAI protocol. We always ask for float vectors: the canonical response holds
 * numbers, and the inbound protocol re-encodes base64 itself when its client asked for it.
 * https://platform.openai.com/docs/api-reference/embeddings/create
 */
import { readJson } from '../shared/http.js';
import { isRecord, numberField, recordField, recordsField, stringField } from '../shared/json-fields.js';
import { callOpenAI } from './openai-call.js';
export async function openaiEmbed(request, context) {
    const body = { model: context.deployment.model, input: request.input, encoding_format: 'float' };
    if (request.dimensions !== undefined)
        body.dimensions = request.dimensions;
    if (request.user !== undefined)
        body.user = request.user;
    const response = await callOpenAI({ endpoint: 'embeddings', body: JSON.stringify(body), stream: false }, context);
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
function readVector(value) {
    if (Array.isArray(value))
        return value.filter((item) => typeof item === 'number');
    if (typeof value !== 'string')
        return [];
    const bytes = Buffer.from(value, 'base64');
    const vector = [];
    for (let offset = 0; offset + 4 <= bytes.length; offset += 4)
        vector.push(bytes.readFloatLE(offset));
    return vector;
}
//# sourceMappingURL=openai-embed.js.map