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
import { ConcurrencyLimiter } from './concurrency-limiter.js';
const NO_SLOT = () => { };
export class DeploymentSlots {
    limiters = new Map();
    defaults;
    now;
    constructor(options) {
        this.defaults = options.defaults;
        this.now = options.now;
    }
    /** A slot on the deployment at once, or null when it is at its limit (never waits). */
    tryTake(deployment) {
        const limiter = this.limiterFor(deployment);
        return limiter ? limiter.tryAcquire() : NO_SLOT;
    }
    /**
     * Waits in the queue of every given deployment at once and resolves with the first slot
     * granted; the other waits are withdrawn (a slot granted to a withdrawn wait in the same instant
     * is handed straight back). Rejects with the 429 of the shortest retry-after when every queue
     * refuses (full, or the wait ran out), and with SY_ERR_CLIENT_DISCONNECTED when `signal` aborts.
     */
    waitForAny(deployments, options) {
        const { signal } = options;
        const withdraw = new AbortController();
        const onAbort = () => withdraw.abort();
        signal.addEventListener('abort', onAbort, { once: true });
        if (signal.aborted)
            withdraw.abort();
        return new Promise((resolve, reject) => {
            let winner = null;
            let pending = deployments.length;
            const refusals = [];
            const settleRefused = () => {
                if (signal.aborted)
                    reject(new GatewayError('SY_ERR_CLIENT_DISCONNECTED', 'The client disconnected while waiting for a deployment slot.'));
                else
                    reject(shortestRetry(refusals) ?? new GatewayError('SY_ERR_NO_DEPLOYMENT_AVAILABLE', 'No deployment slot could be waited for.'));
            };
            if (pending === 0)
                settleRefused();
            for (const deployment of deployments) {
                const limiter = this.limiterFor(deployment);
                const waiting = limiter ? limiter.acquire({ priority: options.priority, signal: withdraw.signal }) : Promise.resolve(NO_SLOT);
                waiting.then((release) => {
                    if (winner)
                        return release();
                    winner = { deployment, release };
                    withdraw.abort();
                    resolve(winner);
                }, (error) => {
                    if (error instanceof GatewayError)
                        refusals.push(error);
                    pending -= 1;
                    if (pending === 0 && !winner)
                        settleRefused();
                });
            }
        }).finally(() => signal.removeEventListener('abort', onAbort));
    }
    /** The deployment's slot figures; null when it has no limit. */
    snapshot(deploymentId) {
        const entry = this.limiters.get(deploymentId);
        return entry ? { limit: entry.limit, inFlight: entry.limiter.inFlight, queued: entry.limiter.queued } : null;
    }
    /** One limiter per deployment id (an id shared by several groups shares its limit), or null when unlimited. */
    limiterFor(deployment) {
        const limit = deployment.maxConcurrentRequests ?? 0;
        if (limit <= 0)
            return null;
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
function shortestRetry(errors) {
    const limited = errors.filter((error) => error.code === 'SY_ERR_CONCURRENCY_LIMITED');
    return limited.sort((a, b) => (a.retryAfterMs ?? Infinity) - (b.retryAfterMs ?? Infinity))[0] ?? errors[0];
}
//# sourceMappingURL=deployment-slots.js.map