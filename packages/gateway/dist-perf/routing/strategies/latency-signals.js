/**
 * What the latency-aware strategies read from a deployment's live stats: a blended latency, and
 * that latency stretched by the error rate into the expected time to a success.
 */
/** Time to first token and total time count equally: both are what a client waits for. */
const TTFT_SHARE = 0.5;
/** From this error rate on a deployment goes behind every healthier one, whatever its latency. */
export const HIGH_ERROR_RATE = 0.5;
/** The error rate is capped here in the stretch, so a fully failing deployment stays finite. */
const MAX_COUNTED_ERROR_RATE = 0.95;
/** Blend of the EWMA time to first token and total latency, ms; null before the first success. */
export function latencyScore(snapshot) {
    if (snapshot.latencyMs === null)
        return null;
    const ttft = snapshot.ttftMs ?? snapshot.latencyMs;
    return TTFT_SHARE * ttft + (1 - TTFT_SHARE) * snapshot.latencyMs;
}
/**
 * Expected wait for a success, ms: the latency divided by the success rate (each failure costs
 * another attempt). No data at all counts as 0, the best, so a new deployment gets tried; failures
 * without any success count as infinite.
 */
export function expectedLatency(snapshot) {
    const latency = latencyScore(snapshot);
    if (latency === null)
        return snapshot.failures > 0 ? Number.POSITIVE_INFINITY : 0;
    return latency / (1 - Math.min(snapshot.errorRate, MAX_COUNTED_ERROR_RATE));
}
/** Whether the deployment fails often enough to be tried only after the healthier ones. */
export function isFailing(snapshot) {
    return snapshot.errorRate >= HIGH_ERROR_RATE && snapshot.attempts > 1;
}
//# sourceMappingURL=latency-signals.js.map