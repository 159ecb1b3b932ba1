/**
 * Calls one Gemini API method: `${baseUrl}/v1beta/models/{model}:{method}` with the key in
 * `x-goog-api-key` (https://ai.google.dev/api#api-keys). Resolves once the upstream accepted the
 * call; a non-2xx answer is read and thrown as a GatewayError.
 */
import { joinUrl, readText } from '../shared/http.js';
import { geminiHttpError } from './gemini-errors.js';
export async function callGemini(call) {
    const { deployment, signal, http } = call.context;
    const settings = deployment.provider;
    const stream = call.method === 'streamGenerateContent';
    const response = await http.request({
        url: geminiUrl({ baseUrl: settings.baseUrl, model: deployment.model, method: call.method, query: settings.query }),
        headers: geminiHeaders(settings),
        body: JSON.stringify(call.body),
        signal,
        timeouts: settings.timeouts,
        provider: settings.id,
        stream,
        traceHeaders: call.context.traceHeaders,
    });
    if (response.status < 200 || response.status >= 300) {
        const bodyText = await readText(response, settings.id, signal);
        throw geminiHttpError({ provider: settings.id, status: response.status, bodyText, headers: response.headers });
    }
    return response;
}
/** The model's resource name without the `models/` prefix that some configurations carry. */
export function geminiModelName(model) {
    return model.replace(/^models\//, '');
}
export function geminiUrl(options) {
    // baseUrl means what the SDK's does (the API root); a base that already names a version is kept as is.
    const versioned = /\/v1(alpha|beta)?\/*$/.test(options.baseUrl);
    const path = `${versioned ? '' : 'v1beta/'}models/${geminiModelName(options.model)}:${options.method}`;
    const query = options.method === 'streamGenerateContent' ? { alt: 'sse', ...options.query } : options.query;
    return joinUrl(options.baseUrl, path, query);
}
function geminiHeaders(settings) {
    const headers = { 'content-type': 'application/json', ...settings.headers };
    if (settings.apiKey !== undefined && settings.authHeader !== 'none') {
        if (settings.authHeader === 'bearer')
            headers['authorization'] = `Bearer ${settings.apiKey}`;
        else
            headers[settings.authHeader] = settings.apiKey;
    }
    return headers;
}
//# sourceMappingURL=gemini-http.js.map