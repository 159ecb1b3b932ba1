/**
 * The `anthropic` wire-protocol adapter (Messages API): translated chat calls, streaming, and the
 * same-protocol pass-through for clients that speak Anthropic. Anthropic has no embeddings endpoint,
 * so `embed` is absent. https://docs.anthropic.com/en/api/messages
 */

import { readJson } from '../shared/http.js';
import type { ProviderAdapter } from '../types.js';
import { postMessages, postMessagesWhole } from './anthropic-call.js';
import { anthropicPassthrough } from './anthropic-passthrough.js';
import { anthropicStreamEvents } from './anthropic-stream-transform.js';
import { convertToAnthropicRequest } from './convert-to-anthropic-request.js';
import { parseAnthropicResponse } from './parse-anthropic-response.js';

export { DEFAULT_ANTHROPIC_VERSION } from './anthropic-call.js';

export function createAnthropicAdapter(): ProviderAdapter {
  return {
    protocol: 'anthropic',

    async chat(request, context) {
      const { deployment } = context;
      const body = convertToAnthropicRequest({ ...request, stream: false }, deployment);
      const response = await postMessagesWhole({ body: JSON.stringify(body), context });
      const message = await readJson(response, deployment.provider.id, context.signal);
      return parseAnthropicResponse(message, { fallbackModel: deployment.model, fallbackId: `msg_${context.requestId}` });
    },

    async chatStream(request, context) {
      const { deployment } = context;
      const body = convertToAnthropicRequest({ ...request, stream: true }, deployment);
      const response = await postMessages({ body: JSON.stringify(body), stream: true, context });
      return anthropicStreamEvents({
        body: response.body,
        provider: deployment.provider.id,
        signal: context.signal,
        fallbackModel: deployment.model,
        fallbackId: `msg_${context.requestId}`,
      });
    },

    passthrough: anthropicPassthrough,
  };
}
