/**
 * The retry policy: after an attempt on a deployment failed, try the same deployment again (after
 * a delay), move on to the next deployment of the plan, or stop. Pure: no I/O, randomness injected.
 *
 * Rules, in order:
 * - Never once a byte of the answer reached the client (`streamStarted`), and never when the client
 *   left: 'fail'. DESIGN.md "Retries": a retry after the first byte would duplicate output.
 * - Transient upstream failures (429, 5xx, overloaded, timeout before the first byte, unreachable)
 *   are retried on the same deployment while `attemptOnDeployment ≤ maxRetriesPerDeployment`, with
 *   exponential backoff and full jitter, or after the upstream's `retry-after` when that is at most
 *   `maxRetryAfterMs`. A longer `retry-after`, or retries used up: 'next-deployment'. A transient
 *   code marked not retryable by its provider mapping (for example a quota that will not come back
 *   in seconds) also goes straight to the next deployment.
 * - The deployment's own limits (its credentials, permissions, model, or a feature its protocol
 *   lacks) may be fine elsewhere: 'next-deployment'.
 * - Everything else — the client's own mistakes (invalid request, context window exceeded, content
 *   filtered), our own shutdown or bugs — 'fail'.
 *
 * How it composes with fallback-policy.ts: this policy only walks the deployments of one group.
 * When it says 'next-deployment' but the group's deployments are used up, or says 'fail', the
 * caller asks `fallbackPolicy.fallbacksFor({ group, error })` for the groups to try next, unless the
 * stream started or the client disconnected (then nothing more is tried). That is how a context
 * window error, 'fail' here because every deployment of the same model would refuse it too, still
 * reaches a larger-context group: the fallback policy returns [] for errors no fallback can fix.
 */
/** Failures that may pass if the same request is sent to the same deployment a moment later. */
const TRANSIENT = new Set([
    'SY_ERR_UPSTREAM_RATE_LIMITED',
    'SY_ERR_UPSTREAM_SERVER',
    'SY_ERR_UPSTREAM_OVERLOADED',
    'SY_ERR_UPSTREAM_TIMEOUT',
    'SY_ERR_UPSTREAM_UNREACHABLE',
]);
/**
 * A deployment's own limits: its credentials, its model, or a feature its protocol lacks (n > 1 on
 * Anthropic, a document block sent to Gemini) may all be fine on the next deployment.
 */
const DEPLOYMENT_SPECIFIC = new Set([
    'SY_ERR_UPSTREAM_AUTH',
    'SY_ERR_UPSTREAM_PERMISSION',
    'SY_ERR_UPSTREAM_NOT_FOUND',
    'SY_ERR_UNSUPPORTED_OPERATION',
]);
export function createRetryPolicy(options = {}) {
    const maxRetries = Math.max(0, options.maxRetriesPerDeployment ?? 1);
    const baseDelayMs = Math.max(0, options.baseDelayMs ?? 200);
    const maxDelayMs = Math.max(0, options.maxDelayMs ?? 5_000);
    const maxRetryAfterMs = Math.max(0, options.maxRetryAfterMs ?? 10_000);
    const random = options.random ?? Math.random;
    /** Full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"): uniform in [0, cap). */
    function backoffMs(retryNumber) {
        const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (retryNumber - 1));
        return Math.floor(random() * ceiling);
    }
    return {
        decide(input) {
            const { error } = input;
            if (input.streamStarted || error.code === 'SY_ERR_CLIENT_DISCONNECTED')
                return { action: 'fail' };
            if (DEPLOYMENT_SPECIFIC.has(error.code))
                return { action: 'next-deployment' };
            if (!TRANSIENT.has(error.code))
                return { action: 'fail' };
            if (!error.retryable || input.attemptOnDeployment > maxRetries)
                return { action: 'next-deployment' };
            if (error.retryAfterMs !== undefined) {
                // Waiting longer than this would hold the client; another deployment may answer at once.
                if (error.retryAfterMs > maxRetryAfterMs)
                    return { action: 'next-deployment' };
                return { action: 'retry-same', delayMs: Math.max(0, error.retryAfterMs) };
            }
            return { action: 'retry-same', delayMs: backoffMs(Math.max(1, input.attemptOnDeployment)) };
        },
    };
}
/** Waits `ms`; resolves early (without throwing) when `signal` aborts, so callers check `signal.aborted`. */
export function sleep(ms, signal) {
    return new Promise((resolve) => {
        if (signal?.aborted || ms <= 0) {
            resolve();
            return;
        }
        const onAbort = () => {
            clearTimeout(timer);
            resolve();
        };
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        signal?.addEventListener('abort', onAbort, { once: true });
    });
}
//# sourceMappingURL=retry-policy.js.map