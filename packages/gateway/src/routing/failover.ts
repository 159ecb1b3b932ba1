/**
 * Which failures move a request on to the next deployment. Only failures before any byte reached
 * the client get here at all; of those, transient ones (429, 5xx, timeouts, unreachable) and the
 * deployment's own credential or model problems fail over, while the client's own mistakes do not.
 */

import type { GatewayError } from '../core/index.js';

// A deployment's own limits: its credentials, its model, or a feature its protocol lacks (n > 1 on
// Anthropic, an Anthropic document block sent to Gemini) may all be fine on the next deployment.
const DEPLOYMENT_SPECIFIC = new Set(['SY_ERR_UPSTREAM_AUTH', 'SY_ERR_UPSTREAM_PERMISSION', 'SY_ERR_UPSTREAM_NOT_FOUND', 'SY_ERR_UNSUPPORTED_OPERATION']);

export function shouldFailOver(error: GatewayError): boolean {
  if (error.code === 'SY_ERR_CLIENT_DISCONNECTED') return false;
  return error.retryable || DEPLOYMENT_SPECIFIC.has(error.code);
}
