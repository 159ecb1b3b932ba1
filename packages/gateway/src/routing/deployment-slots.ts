/**
 * Per-deployment concurrency slots (a deployment's `maxConcurrentRequests`): one ConcurrencyLimiter
 * per limited deployment id, created on first use. Dispatch takes a free slot without waiting and
 * passes over a full deployment to a free one of the plan; only when every candidate is full does
 * the request wait, in the queues of all of them at once, for whichever frees first.
 *
 * A slot is held from the first attempt on a deployment until the answer has ended (the caller
 * releases it) or the request moves on to another deployment. Every Release is idempotent.
 */

import { GatewayError } from '../core/index.js';
import type { Deployment } from '../core/index.js';
import { ConcurrencyLimiter } from './concurrency-limiter.js';
import type { Priority, Release } from './concurrency-limiter.js';

export interface SlotDefaults {
  /** Waiters per deployment when the deployment sets no `maxQueue`. */
  maxQueue: number;
  /** Longest wait when the deployment sets no `maxQueueWaitMs`, ms. */
  maxQueueWaitMs: number;
}

export interface SlotSnapshot {
  limit: number;
  inFlight: number;
  queued: number;
}

export interface GrantedSlot {
  deployment: Deployment;
  release: Release;
}

const NO_SLOT: Release = () => {};

export class DeploymentSlots {
  private readonly limiters = new Map<string, { limit: number; limiter: ConcurrencyLimiter }>();
  private readonly defaults: SlotDefaults;
  private readonly now: (() => number) | undefined;

  constructor(options: { defaults: SlotDefaults; now?: () => number }) {
    this.defaults = options.defaults;
    this.now = options.now;
  }

  /** A slot on the deployment at once, or null when it is at its limit (never waits). */
  tryTake(deployment: Deployment): Release | null {
    const limiter = this.limiterFor(deployment);
    return limiter ? limiter.tryAcquire() : NO_SLOT;
  }

  /**
   * Waits in the queue of every given deployment at once and resolves with the first slot
   * granted; the other waits are withdrawn (a slot granted to a withdrawn wait in the same instant
   * is handed straight back). Rejects with the 429 of the shortest retry-after when every queue
   * refuses (full, or the wait ran out), and with SY_ERR_CLIENT_DISCONNECTED when `signal` aborts.
   */
  waitForAny(deployments: readonly Deployment[], options: { priority: Priority; signal: AbortSignal }): Promise<GrantedSlot> {
    const { signal } = options;
    const withdraw = new AbortController();
    const onAbort = (): void => withdraw.abort();
    signal.addEventListener('abort', onAbort, { once: true });
    if (signal.aborted) withdraw.abort();
    return new Promise<GrantedSlot>((resolve, reject) => {
      let winner: GrantedSlot | null = null;
      let pending = deployments.length;
      const refusals: GatewayError[] = [];
      const settleRefused = (): void => {
        if (signal.aborted) reject(new GatewayError('SY_ERR_CLIENT_DISCONNECTED', 'The client disconnected while waiting for a deployment slot.'));
        else reject(shortestRetry(refusals) ?? new GatewayError('SY_ERR_NO_DEPLOYMENT_AVAILABLE', 'No deployment slot could be waited for.'));
      };
      if (pending === 0) settleRefused();
      for (const deployment of deployments) {
        const limiter = this.limiterFor(deployment);
        const waiting = limiter ? limiter.acquire({ priority: options.priority, signal: withdraw.signal }) : Promise.resolve(NO_SLOT);
        waiting.then(
          (release) => {
            if (winner) return release();
            winner = { deployment, release };
            withdraw.abort();
            resolve(winner);
          },
          (error: unknown) => {
            if (error instanceof GatewayError) refusals.push(error);
            pending -= 1;
            if (pending === 0 && !winner) settleRefused();
          },
        );
      }
    }).finally(() => signal.removeEventListener('abort', onAbort));
  }

  /** The deployment's slot figures; null when it has no limit. */
  snapshot(deploymentId: string): SlotSnapshot | null {
    const entry = this.limiters.get(deploymentId);
    return entry ? { limit: entry.limit, inFlight: entry.limiter.inFlight, queued: entry.limiter.queued } : null;
  }

  /** One limiter per deployment id (an id shared by several groups shares its limit), or null when unlimited. */
  private limiterFor(deployment: Deployment): ConcurrencyLimiter | null {
    const limit = deployment.maxConcurrentRequests ?? 0;
    if (limit <= 0) return null;
    let entry = this.limiters.get(deployment.id);
    if (!entry) {
      const limiter = new ConcurrencyLimiter({
        maxConcurrent: limit,
        maxQueue: deployment.maxQueue ?? this.defaults.maxQueue,
        maxWaitMs: deployment.maxQueueWaitMs ?? this.defaults.maxQueueWaitMs,
        name: `deployment '${deployment.id}'`,
        ...(this.now ? { now: this.now } : {}),
      });
      entry = { limit, limiter };
      this.limiters.set(deployment.id, entry);
    }
    return entry.limiter;
  }
}

function shortestRetry(errors: readonly GatewayError[]): GatewayError | undefined {
  const limited = errors.filter((error) => error.code === 'SY_ERR_CONCURRENCY_LIMITED');
  return limited.sort((a, b) => (a.retryAfterMs ?? Infinity) - (b.retryAfterMs ?? Infinity))[0] ?? errors[0];
}
