/**
 * Upstream URLs and headers for the OpenAI protocol, including Azure OpenAI's deployment-in-path
 * layout: https://learn.microsoft.com/azure/ai-services/openai/reference#chat-completions
 */

import type { Deployment, ProviderSettings } from '../../core/index.js';
import { joinUrl } from '../shared/http.js';

export type OpenAIEndpoint = 'chat' | 'embeddings';

const PATHS: Record<OpenAIEndpoint, string> = { chat: 'chat/completions', embeddings: 'embeddings' };

/**
 * URLs and headers are asked for on every call and change only with the configuration, so each is
 * made once per deployment (URL) or provider (headers, again when its key is replaced at run time).
 */
const urlsByDeployment = new WeakMap<Deployment, Partial<Record<OpenAIEndpoint, string>>>();
const headersByProvider = new WeakMap<ProviderSettings, { apiKey: string | undefined; headers: Record<string, string> }>();

export function openaiUrl(deployment: Deployment, endpoint: OpenAIEndpoint): string {
  let urls = urlsByDeployment.get(deployment);
  if (urls === undefined) {
    urls = {};
    urlsByDeployment.set(deployment, urls);
  }
  return (urls[endpoint] ??= buildUrl(deployment, endpoint));
}

function buildUrl(deployment: Deployment, endpoint: OpenAIEndpoint): string {
  const { provider } = deployment;
  // On Azure the model is a deployment name in the path and settings.query carries the required
  // api-version. The base URL is `https://RES.openai.azure.com/openai` (the SDK's meaning, what the
  // config loader produces); a bare resource endpoint is accepted too.
  const azurePrefix = /\/openai\/?$/.test(provider.baseUrl) ? '' : 'openai/';
  const path = provider.azureDeployments
    ? `${azurePrefix}deployments/${encodeURIComponent(deployment.model)}/${PATHS[endpoint]}`
    : PATHS[endpoint];
  return joinUrl(provider.baseUrl, path, provider.query);
}

/**
 * Request headers: JSON content type, the operator's extra headers, then the credential. Without
 * forwarded headers the answer is shared between calls: read it, do not change it.
 */
export function openaiHeaders(provider: ProviderSettings, forwarded?: Record<string, string>): Record<string, string> {
  if (forwarded !== undefined && Object.keys(forwarded).length > 0) return buildHeaders(provider, forwarded);
  const known = headersByProvider.get(provider);
  if (known !== undefined && known.apiKey === provider.apiKey) return known.headers;
  const headers = Object.freeze(buildHeaders(provider, {}));
  headersByProvider.set(provider, { apiKey: provider.apiKey, headers });
  return headers;
}

function buildHeaders(provider: ProviderSettings, forwarded: Record<string, string>): Record<string, string> {
  const headers: Record<string, string> = { ...forwarded, 'content-type': 'application/json', ...provider.headers };
  if (provider.apiKey === undefined || provider.authHeader === 'none') return headers;
  if (provider.authHeader === 'bearer') headers.authorization = `Bearer ${provider.apiKey}`;
  else headers[provider.authHeader] = provider.apiKey;
  return headers;
}
