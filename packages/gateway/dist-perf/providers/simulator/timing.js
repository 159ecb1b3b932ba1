/**
 * Simulated time: waits that end early when the call is aborted, and the wait before the first
 * byte, drawn from a normal distribution and bounded by the deployment's first-byte timeout.
 */
import { GatewayError } from '../../core/index.js';
import { normalSample } from './prng.js';
/** Resolves after `ms`, or rejects at once when `signal` aborts (also when it already has). */
export function sleep(ms, options) {
    const { signal, provider } = options;
    if (signal.aborted)
        return Promise.reject(abortError(signal, provider));
    if (ms <= 0)
        return Promise.resolve();
    return new Promise((resolve, reject) => {
        const onAbort = () => {
            clearTimeout(timer);
            reject(abortError(signal, provider));
        };
        const timer = setTimeout(() => {
            signal.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        signal.addEventListener('abort', onAbort, { once: true });
    });
}
/** The error an aborted call ends with: the abort reason when it is ours, else a client disconnect. */
export function abortError(signal, provider) {
    if (signal.reason instanceof GatewayError)
        return signal.reason;
    return new GatewayError('SY_ERR_CLIENT_DISCONNECTED', 'The client closed the connection.', { provider, cause: signal.reason });
}
/**
 * Waits as a real upstream would before its first byte, then fails the call with the configured
 * error rate. A latency beyond the first-byte timeout ends in a timeout, as it would upstream.
 */
export async function awaitFirstByte(options) {
    const { settings, timeouts, random, signal, provider } = options;
    const latency = Math.max(0, normalSample(random, settings.latencyMeanMs, settings.latencyStdDevMs));
    if (latency > timeouts.firstByteMs) {
        await sleep(timeouts.firstByteMs, { signal, provider });
        throw new GatewayError('SY_ERR_UPSTREAM_TIMEOUT', `Provider "${provider}" did not answer in time.`, { provider });
    }
    await sleep(latency, { signal, provider });
    if (random() < settings.errorRate) {
        throw new GatewayError('SY_ERR_UPSTREAM_SERVER', `Provider "${provider}" failed (upstream 500): simulated failure`, {
            provider,
            upstreamStatus: 500,
        });
    }
}
//# sourceMappingURL=timing.js.map