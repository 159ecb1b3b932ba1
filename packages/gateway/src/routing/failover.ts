/**
 * Which failures move a request on to the next deployment. Only failures before any byte reached
 * the client get here at all; of those, transient ones (429, 5xx, timeouts, unreachable) and the
 * deployment's own credential or model problems fail over, while the client's own mistakes do not.
 */

import type { GatewayError } from '../core/index.js';

const DEPLOYMENT_SPECIFIC = new Set(['SY_ERR_UPSTREAM_AUTH', 'SY_ERR_UPSTREAM_PERMISSION', 'SY_ERR_UPSTREAM_NOT_FOUND']);

export function shouldFailOver(error: GatewayError): boolean {
  if (error.code === 'SY_ERR_CLIENT_DISCONNECTED') return false;
  return error.retryable || DEPLOYMENT_SPECIFIC.has(error.code);
}
