/**
 * Embeddings through Gemini: one input goes to `:embedContent`, several to `:batchEmbedContents`
 * (https://ai.google.dev/api/embeddings). Gemini reports no token counts for embeddings, so usage
 * is left for the pipeline to estimate.
 */
import { GatewayError } from '../../core/index.js';
import { readJson } from '../shared/http.js';
import { callGemini, geminiModelName } from './gemini-http.js';
import { arrayField, objectField } from './json-value.js';
export async function geminiEmbed(request, context) {
    const model = geminiModelName(context.deployment.model);
    const provider = context.deployment.provider.id;
    const single = request.input.length === 1;
    const dimensions = request.dimensions === undefined ? {} : { outputDimensionality: request.dimensions };
    const embedRequest = (text) => ({ content: { parts: [{ text }] }, ...dimensions });
    const body = single
        ? embedRequest(request.input[0] ?? '')
        : { requests: request.input.map((text) => ({ model: `models/${model}`, ...embedRequest(text) })) };
    const response = await callGemini({ method: single ? 'embedContent' : 'batchEmbedContents', body, context });
    const answer = await readJson(response, provider, context.signal);
    const embeddings = (single ? [objectField(answer, 'embedding')] : arrayField(answer, 'embeddings')).map((embedding) => arrayField(embedding, 'values').filter((value) => typeof value === 'number'));
    if (embeddings.length !== request.input.length || embeddings.some((values) => values.length === 0)) {
        throw new GatewayError('SY_ERR_UPSTREAM_PROTOCOL', `Provider "${provider}" answered without one embedding per input.`, { provider });
    }
    return { model, embeddings, usage: { promptTokens: 0, estimated: true } };
}
//# sourceMappingURL=gemini-embeddings.js.map