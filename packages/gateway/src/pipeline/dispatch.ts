/**
 * Stage: dispatch. Tries the routing plan's deployments in order until one accepts the call.
 * Only failures before any byte reached the client come here, so moving on is always safe;
 * each attempt is counted on the request's usage row.
 */

import { GatewayError, toGatewayError } from '../core/index.js';
import type { Deployment } from '../core/index.js';
import { shouldFailOver } from '../routing/failover.js';
import type { RequestState } from './request-state.js';

export interface DispatchOptions<T> {
  plan: readonly Deployment[];
  state: RequestState;
  signal: AbortSignal;
  call: (deployment: Deployment) => Promise<T>;
  onAttemptFailed?: (event: { deployment: Deployment; error: GatewayError; willRetry: boolean }) => void;
}

export async function dispatch<T>(options: DispatchOptions<T>): Promise<T> {
  const { plan, state } = options;
  if (plan.length === 0) {
    throw new GatewayError('SY_ERR_NO_DEPLOYMENT_AVAILABLE', `No deployment is available for the model '${state.modelGroup}'.`);
  }
  let lastError: GatewayError | undefined;
  for (let index = 0; index < plan.length; index += 1) {
    const deployment = plan[index];
    state.deployment = deployment;
    state.attempts += 1;
    try {
      return await options.call(deployment);
    } catch (thrown) {
      const error = toGatewayError(thrown);
      lastError = error;
      const willRetry = !options.signal.aborted && index < plan.length - 1 && shouldFailOver(error);
      options.onAttemptFailed?.({ deployment, error, willRetry });
      if (!willRetry) throw error;
    }
  }
  throw lastError ?? new GatewayError('SY_ERR_INTERNAL', 'dispatch ended without a result');
}
