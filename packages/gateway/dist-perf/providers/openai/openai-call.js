/**
 * One upstream call in the OpenAI protocol: URL, headers and timeouts from the deployment, and a
 * non-2xx answer turned into a GatewayError before anything is returned.
 */
import { openaiHttpError } from './openai-errors.js';
import { openaiHeaders, openaiUrl } from './openai-urls.js';
/** Sends the call; resolves with a 2xx response (headers received), rejects with a GatewayError. */
export async function callOpenAI(call, context) {
    const { provider } = context.deployment;
    const response = await context.http.request({
        url: openaiUrl(context.deployment, call.endpoint),
        headers: openaiHeaders(provider, call.forwardedHeaders),
        body: call.body,
        signal: context.signal,
        timeouts: provider.timeouts,
        provider: provider.id,
        stream: call.stream,
        traceHeaders: context.traceHeaders,
    });
    if (response.status < 200 || response.status >= 300) {
        throw await openaiHttpError(response, { provider: provider.id, signal: context.signal });
    }
    return response;
}
//# sourceMappingURL=openai-call.js.map