/**
 * Stage: dispatch. Walks the routing plan until an upstream accepts the call: the group's
 * deployments in the router's order, each retried with backoff while its failure is transient
 * (honouring retry-after), then the fallback groups the failure's class calls for. Only failures
 * before any byte reached the client get here, so every move is safe; each attempt is counted.
 */

import { GatewayError, toGatewayError } from '../core/index.js';
import type { Deployment } from '../core/index.js';
import { sleep } from '../routing/retry-policy.js';
import type { RetryPolicy } from '../routing/retry-policy.js';
import type { RouteRequest, Router } from '../routing/router.js';
import type { RequestState } from './request-state.js';

export interface DispatchOptions<T> {
  router: Router;
  retryPolicy: RetryPolicy;
  groupName: string;
  route: RouteRequest;
  /** The client's own fallback list (body `fallbacks` or `x-switchyard-fallbacks`). */
  fallbackOverride?: readonly string[];
  state: RequestState;
  signal: AbortSignal;
  call: (deployment: Deployment) => Promise<T>;
  onAttemptFailed?: (event: { deployment: Deployment; error: GatewayError; willRetry: boolean }) => void;
}

type Step<T> = { done: true; value: T } | { done: false; error: GatewayError | null; next: 'deployment' | 'fallbacks' | 'fail' };

export async function dispatch<T>(options: DispatchOptions<T>): Promise<T> {
  const { router, state } = options;
  const queue = [options.groupName];
  const visited = new Set<string>();
  let lastError: GatewayError | null = null;
  let fellBack = false;
  while (queue.length > 0) {
    const groupName = queue.shift() as string;
    if (visited.has(groupName)) continue;
    visited.add(groupName);
    let failFast = false;
    for (const deployment of router.order(groupName, options.route)) {
      if (state.attempts >= router.maxAttempts) break;
      const step = await tryDeployment(options, groupName, deployment);
      if (step.done) return step.value;
      lastError = step.error ?? lastError;
      if (step.next === 'fail') throw lastError ?? new GatewayError('SY_ERR_INTERNAL', 'dispatch failed without an error');
      if (step.next === 'fallbacks') {
        failFast = true;
        break;
      }
    }
    if (options.signal.aborted || state.attempts >= router.maxAttempts) break;
    // Fallbacks come from the requested group only: a fallback group's own fallbacks are not followed.
    if (!fellBack || failFast) {
      fellBack = true;
      for (const name of router.fallbacksFor(options.groupName, lastError, options.fallbackOverride)) if (!visited.has(name)) queue.push(name);
    }
  }
  if (lastError) throw lastError;
  throw new GatewayError('SY_ERR_NO_DEPLOYMENT_AVAILABLE', `No deployment of the model '${options.groupName}' is available right now (all are failing or cooling down); retry shortly.`);
}

/** Attempts on one deployment, retrying it while the retry policy says so. */
async function tryDeployment<T>(options: DispatchOptions<T>, groupName: string, deployment: Deployment): Promise<Step<T>> {
  const { router, state } = options;
  for (let attemptOnDeployment = 1; ; attemptOnDeployment += 1) {
    if (!router.begin(deployment)) return { done: false, error: null, next: 'deployment' };
    state.deployment = deployment;
    state.attempts += 1;
    const startedAt = performance.now();
    try {
      const value = await options.call(deployment);
      router.succeeded(groupName, deployment, { latencyMs: performance.now() - startedAt });
      return { done: true, value };
    } catch (thrown) {
      const error = toGatewayError(thrown);
      router.failed(groupName, deployment, error, { latencyMs: performance.now() - startedAt });
      if (options.signal.aborted) {
        options.onAttemptFailed?.({ deployment, error, willRetry: false });
        return { done: false, error, next: 'fail' };
      }
      const decision = options.retryPolicy.decide({ error, attemptOnDeployment, streamStarted: false });
      const budgetLeft = state.attempts < router.maxAttempts;
      options.onAttemptFailed?.({ deployment, error, willRetry: decision.action !== 'fail' && budgetLeft });
      if (decision.action === 'retry-same' && budgetLeft) {
        await sleep(decision.delayMs, options.signal);
        if (options.signal.aborted) return { done: false, error, next: 'fail' };
        continue;
      }
      if (decision.action === 'fail') {
        // The client's own request is at fault, unless a fallback class (a larger context window,
        // another content policy) can still serve it.
        const rescue = router.fallbacksFor(options.groupName, error, options.fallbackOverride).length > 0;
        return { done: false, error, next: rescue ? 'fallbacks' : 'fail' };
      }
      return { done: false, error, next: 'deployment' };
    }
  }
}
