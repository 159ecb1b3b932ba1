/**
 * Canonical EmbeddingResponse to OpenAI's embeddings list. With encoding_format 'base64', each
 * vector is its float32 values as little-endian bytes, base64-encoded, which is what the official
 * SDKs decode. https://platform.openai.com/docs/api-reference/embeddings/object
 */
export function renderEmbeddings(response, options) {
    return {
        object: 'list',
        data: response.embeddings.map((vector, index) => ({
            object: 'embedding',
            index,
            embedding: options.encodingFormat === 'base64' ? encodeFloat32Base64(vector) : vector,
        })),
        model: options.model,
        usage: { prompt_tokens: response.usage.promptTokens, total_tokens: response.usage.promptTokens },
    };
}
export function encodeFloat32Base64(vector) {
    const bytes = Buffer.alloc(vector.length * 4);
    vector.forEach((value, index) => bytes.writeFloatLE(value, index * 4));
    return bytes.toString('base64');
}
//# sourceMappingURL=render-embeddings.js.map