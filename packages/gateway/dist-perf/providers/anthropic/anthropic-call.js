/**
 * One call to the Messages endpoint, shared by translated and pass-through calls: the URL (the
 * base URL means what the SDK's baseURL means, e.g. https://api.anthropic.com), the headers, and the
 * status check that turns a non-2xx answer into a GatewayError before any byte is relayed.
 * https://docs.anthropic.com/en/api/overview#authentication
 */
import { joinUrl } from '../shared/http.js';
import { anthropicHttpError } from './anthropic-errors.js';
/** The API version the gateway speaks when translating; 2026-10-21 removed temperature/top_p/top_k. */
export const DEFAULT_ANTHROPIC_VERSION = '2023-06-01';
/** Client headers a pass-through forwards: they select the API version and beta features. */
const FORWARDED = ['anthropic-version', 'anthropic-beta'];
export async function postMessages(options) {
    const { deployment, http, signal } = options.context;
    const settings = deployment.provider;
    const response = await http.request({
        url: joinUrl(settings.baseUrl, 'v1/messages', settings.query),
        headers: anthropicHeaders(settings, options.forwarded ?? {}),
        body: options.body,
        signal,
        timeouts: settings.timeouts,
        provider: settings.id,
        stream: options.stream,
        traceHeaders: options.context.traceHeaders,
    });
    if (response.status < 200 || response.status >= 300) {
        throw await anthropicHttpError(response, { provider: settings.id, signal });
    }
    return response;
}
/** Defaults, then the operator's headers, then the client's version/beta, then the credential. */
export function anthropicHeaders(settings, forwarded) {
    const headers = {
        'content-type': 'application/json',
        'anthropic-version': DEFAULT_ANTHROPIC_VERSION,
    };
    for (const [name, value] of Object.entries(settings.headers))
        headers[name.toLowerCase()] = value;
    for (const [name, value] of Object.entries(forwarded)) {
        const lower = name.toLowerCase();
        if (FORWARDED.includes(lower) && value.length > 0)
            headers[lower] = value;
    }
    return Object.assign(headers, credentialHeaders(settings));
}
function credentialHeaders(settings) {
    if (settings.apiKey === undefined || settings.authHeader === 'none')
        return {};
    if (settings.authHeader === 'bearer')
        return { authorization: `Bearer ${settings.apiKey}` };
    return { [settings.authHeader]: settings.apiKey };
}
//# sourceMappingURL=anthropic-call.js.map