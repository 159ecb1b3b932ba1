/**
 * The health probe call behind routing/health-prober.ts: the cheapest real call each wire protocol
 * allows, through the same adapters, credentials, timeouts and HTTP layer as client traffic.
 * - `openai` (OpenAI, Azure OpenAI and every OpenAI-compatible server): GET {baseUrl}/models, which
 *   costs no tokens (https://platform.openai.com/docs/api-reference/models/list; Azure serves
 *   /openai/models?api-version=…).
 * - every other protocol: a one-token chat ("ping", max 1 output token) to the deployment's model.
 */
import { openaiHttpError } from '../providers/openai/openai-errors.js';
import { openaiHeaders } from '../providers/openai/openai-urls.js';
import { joinUrl } from '../providers/shared/http.js';
const PING = {
    messages: [{ role: 'user', content: [{ type: 'text', text: 'ping' }] }],
    maxTokens: 1,
    stream: false,
    includeUsage: false,
};
export function createDeploymentProbe(options) {
    const { adapters, http } = options;
    let counter = 0;
    return async (deployment, signal) => {
        counter += 1;
        const requestId = `probe_${counter}`;
        if (deployment.provider.type === 'openai') {
            await listOpenAIModels({ deployment, signal, http });
            return;
        }
        await adapters[deployment.provider.type].chat({ ...PING, model: deployment.model }, { deployment, signal, http, requestId });
    };
}
async function listOpenAIModels(options) {
    const { provider } = options.deployment;
    // Azure's base URL is https://RES.openai.azure.com/openai (or the bare resource endpoint).
    const path = provider.azureDeployments && !/\/openai\/?$/.test(provider.baseUrl) ? 'openai/models' : 'models';
    // A copy: the headers openaiHeaders gives are shared between calls.
    const headers = { ...openaiHeaders(provider) };
    delete headers['content-type'];
    const response = await options.http.request({
        url: joinUrl(provider.baseUrl, path, provider.query),
        method: 'GET',
        headers,
        signal: options.signal,
        timeouts: provider.timeouts,
        provider: provider.id,
        stream: false,
    });
    if (response.status < 200 || response.status >= 300)
        throw await openaiHttpError(response, { provider: provider.id, signal: options.signal });
    // The list itself is not needed; read it to the end so the connection goes back to the pool.
    await response.body.dump();
}
//# sourceMappingURL=deployment-probe.js.map