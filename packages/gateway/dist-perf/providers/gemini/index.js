/**
 * The Gemini adapter (Google Generative Language API, v1beta): translating chat, streaming chat and
 * embeddings. No client speaks Gemini to the gateway, so there is no pass-through.
 */
import { readJson, transportError } from '../shared/http.js';
import { parseSse } from '../shared/sse.js';
import { buildGeminiRequest } from './build-gemini-request.js';
import { geminiEmbed } from './gemini-embeddings.js';
import { callGemini } from './gemini-http.js';
import { transformGeminiStream } from './gemini-stream-transform.js';
import { parseGeminiResponse } from './parse-gemini-response.js';
export function createGeminiAdapter() {
    return {
        protocol: 'gemini',
        chat: geminiChat,
        chatStream: geminiChatStream,
        embed: geminiEmbed,
    };
}
async function geminiChat(request, context) {
    const { model, provider } = context.deployment;
    const body = buildGeminiRequest(request, { model });
    const response = await callGemini({ method: 'generateContent', body, context });
    return parseGeminiResponse(await readJson(response, provider.id, context.signal), { model });
}
async function geminiChatStream(request, context) {
    const { model, provider } = context.deployment;
    const body = buildGeminiRequest(request, { model });
    const response = await callGemini({ method: 'streamGenerateContent', body, context });
    const events = transformGeminiStream(parseSse(response.body), {
        provider: provider.id,
        model,
        mapTransportError: (error) => transportError(error, { provider: provider.id, clientSignal: context.signal }),
    });
    return (async function* relay() {
        try {
            yield* events;
        }
        finally {
            // Frees the connection when the consumer stops early (client gone, error upstream of us).
            if (!response.body.destroyed)
                response.body.destroy();
        }
    })();
}
//# sourceMappingURL=index.js.map