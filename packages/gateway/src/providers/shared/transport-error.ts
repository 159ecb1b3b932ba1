/**
 * Transport failures of an upstream call (connect, timeout, abort, reset) as GatewayErrors: one
 * mapping for every way a call is made (http.ts, dispatch-call.ts) and every relay.
 */

import { errors as undiciErrors } from 'undici';
import { GatewayError } from '../../core/index.js';

/** Our own timeouts abort with this; transportError maps it as a timeout. */
export const timeoutError = (message: string): DOMException => new DOMException(message, 'TimeoutError');

/** Maps a thrown transport failure (connect, timeout, abort, reset) to a GatewayError. */
export function transportError(
  error: unknown,
  options: { provider: string; signal?: AbortSignal; clientSignal?: AbortSignal },
): GatewayError {
  if (error instanceof GatewayError) return error;
  const { provider } = options;
  if (options.clientSignal?.aborted) {
    return new GatewayError('SY_ERR_CLIENT_DISCONNECTED', 'The client closed the connection.', { provider, cause: error });
  }
  const timedOut =
    options.signal?.aborted ||
    error instanceof undiciErrors.HeadersTimeoutError ||
    error instanceof undiciErrors.BodyTimeoutError ||
    error instanceof undiciErrors.ConnectTimeoutError ||
    (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'));
  if (timedOut) {
    return new GatewayError('SY_ERR_UPSTREAM_TIMEOUT', `Provider "${provider}" did not answer in time.`, {
      provider,
      cause: error,
    });
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new GatewayError('SY_ERR_UPSTREAM_UNREACHABLE', `Could not reach provider "${provider}": ${detail}`, {
    provider,
    cause: error,
  });
}
