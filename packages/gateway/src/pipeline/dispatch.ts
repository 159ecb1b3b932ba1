/**
 * Stage: dispatch. Walks the routing plan until an upstream accepts the call: the group's
 * deployments in the router's order, each retried with backoff while its failure is transient
 * (honouring retry-after), then the fallback groups the failure's class calls for. Only failures
 * before any byte reached the client get here, so every move is safe; each attempt is counted.
 *
 * Per-deployment concurrency: a deployment at its `maxConcurrentRequests` is passed over for a free
 * one of the group; when every remaining one is full, the request waits in their queues (by
 * priority: hint, else key tier) for the first slot, or gets their 429. The slot of the deployment
 * that answered is handed to the caller (`dispatchHeld`), who releases it when the answer ended.
 */

import { GatewayError, toGatewayError } from '../core/index.js';
import type { Deployment } from '../core/index.js';
import type { Priority, Release } from '../routing/concurrency-limiter.js';
import { sleep } from '../routing/retry-policy.js';
import type { RetryPolicy } from '../routing/retry-policy.js';
import type { RouteRequest, Router } from '../routing/router.js';
import type { AttemptTrace } from './ports.js';
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
  /** Calls one deployment; `attempt` carries the trace headers to send upstream with this call. */
  call: (deployment: Deployment, attempt: AttemptTrace) => Promise<T>;
  /**
   * Checked before a deployment is tried (per-provider caps): an error skips the deployment without
   * counting as its failure, and is the answer when no other deployment or fallback serves. Null
   * (not a promise) when nothing caps the deployment, so the common case does not wait a turn.
   */
  admit?: (deployment: Deployment) => Promise<GatewayError | null> | null;
  onAttemptFailed?: (event: { deployment: Deployment; error: GatewayError; willRetry: boolean }) => void;
}

/** The answer and the slot of the deployment that gave it; call `release` once the answer ended. */
export interface Dispatched<T> {
  value: T;
  release: Release;
}

type Step<T> = { done: true; value: T; release: Release } | { done: false; error: GatewayError | null; next: 'deployment' | 'fallbacks' | 'fail' };

/** Dispatch for answers that are complete when `call` resolves: the deployment's slot is released at once. */
export async function dispatch<T>(options: DispatchOptions<T>): Promise<T> {
  const held = await dispatchHeld(options);
  held.release();
  return held.value;
}

/** Dispatch that keeps the answering deployment's slot until the caller releases it (streams). */
export async function dispatchHeld<T>(options: DispatchOptions<T>): Promise<Dispatched<T>> {
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
    const full: Deployment[] = [];
    const plan = router.order(groupName, options.route);
    for (let index = 0; index < plan.length || full.length > 0; index += 1) {
      if (state.attempts >= router.maxAttempts || options.signal.aborted) break;
      let deployment: Deployment;
      let slot: Release | null;
      if (index < plan.length) {
        deployment = plan[index];
        const admission = options.admit?.(deployment) ?? null;
        const refusal = admission === null ? null : await admission;
        if (refusal) {
          lastError = refusal;
          continue;
        }
        slot = router.slots.tryTake(deployment);
        if (!slot) {
          full.push(deployment);
          continue;
        }
      } else {
        // Every deployment left is at its limit: wait for whichever frees first (or its 429).
        const granted = await router.slots.waitForAny(full, { priority: priorityOf(options), signal: options.signal });
        full.splice(full.indexOf(granted.deployment), 1);
        ({ deployment, release: slot } = granted);
      }
      const step = await tryDeployment(options, groupName, deployment, slot);
      if (step.done) return { value: step.value, release: step.release };
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

function priorityOf<T>(options: DispatchOptions<T>): Priority {
  const { principal } = options.state;
  return options.router.priorityOf(options.route.hints, principal?.kind === 'key' ? principal.key.tier : null);
}

/**
 * Attempts on one deployment, retrying it while the retry policy says so. Holds `slot` throughout
 * (the request stays on this deployment during a backoff); hands it back in the step on success,
 * releases it on every other way out.
 */
async function tryDeployment<T>(options: DispatchOptions<T>, groupName: string, deployment: Deployment, slot: Release): Promise<Step<T>> {
  const { router, state } = options;
  let handedOver = false;
  try {
    for (let attemptOnDeployment = 1; ; attemptOnDeployment += 1) {
      if (!router.begin(deployment)) return { done: false, error: null, next: 'deployment' };
      state.deployment = deployment;
      state.attempts += 1;
      const attempt = state.trace.startAttempt(deployment, state.attempts);
      const startedAt = performance.now();
      try {
        const value = await options.call(deployment, attempt);
        router.succeeded(groupName, deployment, { latencyMs: performance.now() - startedAt });
        handedOver = true;
        return { done: true, value, release: slot };
      } catch (thrown) {
        const error = toGatewayError(thrown);
        attempt.failed(error);
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
  } finally {
    if (!handedOver) slot();
  }
}
