/**
 * Builds the generateContent request body from a canonical request
 * (https://ai.google.dev/api/generate-content#request-body, #GenerationConfig).
 * Fields the client did not set are left out so Gemini's own defaults apply.
 */
import { convertGeminiTools } from './convert-gemini-tools.js';
import { convertToGeminiContents } from './convert-to-gemini-contents.js';
export function buildGeminiRequest(request, options) {
    const converted = convertToGeminiContents(request.messages, {
        requireThoughtSignatures: requiresThoughtSignatures(options.model),
    });
    const body = { ...converted, ...convertGeminiTools(request.tools, request.toolChoice) };
    const generationConfig = buildGenerationConfig(request);
    if (Object.keys(generationConfig).length > 0)
        body.generationConfig = generationConfig;
    return body;
}
function buildGenerationConfig(request) {
    const config = {
        maxOutputTokens: request.maxTokens,
        temperature: request.temperature,
        topP: request.topP,
        topK: request.topK,
        stopSequences: request.stop && request.stop.length > 0 ? request.stop : undefined,
        candidateCount: request.n,
        seed: request.seed,
        presencePenalty: request.presencePenalty,
        frequencyPenalty: request.frequencyPenalty,
    };
    const format = request.responseFormat;
    if (format?.type === 'json_object' || format?.type === 'json_schema')
        config.responseMimeType = 'application/json';
    if (format?.type === 'json_schema')
        config.responseJsonSchema = format.schema;
    for (const key of Object.keys(config)) {
        if (config[key] === undefined)
            delete config[key];
    }
    return config;
}
/**
 * Gemini 3 and later validate thought signatures on replayed function calls; 1.x and 2.x models
 * (and non-Gemini models such as Gemma) do not. `-latest` aliases point at the newest generation.
 */
function requiresThoughtSignatures(model) {
    const name = model.replace(/^models\//, '');
    const generation = /^gemini-(\d+)/.exec(name);
    if (generation)
        return Number(generation[1]) >= 3;
    return /^gemini-.*latest$/.test(name);
}
//# sourceMappingURL=build-gemini-request.js.map