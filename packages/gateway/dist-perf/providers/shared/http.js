/**
 * Outbound HTTP for provider adapters: one keep-alive undici Agent per connect timeout, with
 * first-byte, total and idle timeouts per call (the deployment's own when it sets them: adapters
 * pass `deployment.provider.timeouts`), and transport failures mapped to GatewayErrors.
 */
import { Agent, errors as undiciErrors } from 'undici';
import { GatewayError } from '../../core/index.js';
/** Most distinct upstream URLs whose origin and path are kept (they come from the configuration). */
const URL_MEMO_SIZE = 1_000;
export class UpstreamHttp {
    agents = new Map();
    /**
     * Origin and path per URL: calling the Agent directly with them spares undici's `request(url)`
     * a `new URL()` and a copy of the options on every call.
     */
    targets = new Map();
    targetOf(url) {
        let target = this.targets.get(url);
        if (target === undefined) {
            const parsed = new URL(url);
            if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
                throw new TypeError(`not an http(s) URL: ${url}`);
            target = { origin: parsed.origin, path: `${parsed.pathname}${parsed.search}` };
            if (this.targets.size >= URL_MEMO_SIZE)
                this.targets.clear();
            this.targets.set(url, target);
        }
        return target;
    }
    agentFor(connectMs) {
        let agent = this.agents.get(connectMs);
        if (!agent) {
            agent = new Agent({ connect: { timeout: connectMs }, keepAliveTimeout: 30_000, connections: 256, pipelining: 1 });
            this.agents.set(connectMs, agent);
        }
        return agent;
    }
    async request(call) {
        const startedAt = performance.now();
        const totalMs = call.stream ? Number.POSITIVE_INFINITY : call.timeouts.totalMs;
        // Until the headers arrive, the tighter of the first-byte and (non-streaming) total timeouts applies.
        const headersWithinMs = Math.min(call.timeouts.firstByteMs, totalMs);
        const precise = headersWithinMs < PRECISE_TIMEOUT_BELOW_MS ? new PreciseHeadersTimeout(call.signal, headersWithinMs) : null;
        const signal = precise?.signal ?? call.signal;
        let response;
        try {
            const { origin, path } = this.targetOf(call.url);
            response = await this.agentFor(call.timeouts.connectMs).request({
                origin,
                path,
                method: call.method ?? 'POST',
                headers: call.traceHeaders ? { ...call.headers, ...call.traceHeaders } : call.headers,
                body: call.body,
                signal,
                headersTimeout: headersWithinMs,
                bodyTimeout: call.stream ? call.timeouts.streamIdleMs : call.timeouts.totalMs,
            });
        }
        catch (error) {
            precise?.end();
            throw transportError(error, { provider: call.provider, signal, clientSignal: call.signal });
        }
        guardBody(response.body, { precise, remainingMs: totalMs - (performance.now() - startedAt) });
        return { status: response.statusCode, headers: response.headers, body: response.body };
    }
    async close() {
        await Promise.all([...this.agents.values()].map((agent) => agent.close()));
        this.agents.clear();
    }
}
/**
 * Below this, undici's coarse timer clock (it checks headersTimeout about once a second) would make
 * a timeout noticeably late, so a short one (a deployment's own, a health probe's) gets a timer.
 */
const PRECISE_TIMEOUT_BELOW_MS = 5_000;
const timeoutError = (message) => new DOMException(message, 'TimeoutError');
/**
 * How one upstream attempt ends on time, at the least cost per call: the client's own abort signal
 * goes to undici as it is, the first byte is awaited with undici's headersTimeout, and a
 * non-streaming body gets one plain timer for what is left of the total, cleared when the body
 * closes. Only a short first-byte bound needs an AbortController of its own. (The previous
 * AbortSignal.timeout plus AbortSignal.any made two more signals per call, and a timeout signal's
 * timer outlived the call until it fired or the signal was garbage-collected: at the default
 * 10-minute total timeout, hundreds of thousands of them at a few thousand requests a second.)
 */
class PreciseHeadersTimeout {
    #controller = new AbortController();
    #clientSignal;
    #timer = null;
    #onClientAbort = () => this.#controller.abort(this.#clientSignal.reason);
    constructor(clientSignal, withinMs) {
        this.#clientSignal = clientSignal;
        if (clientSignal.aborted) {
            this.#controller.abort(clientSignal.reason);
            return;
        }
        clientSignal.addEventListener('abort', this.#onClientAbort);
        // Unref'd: the call's socket keeps the process alive while it matters; a timer must not.
        this.#timer = setTimeout(() => this.#controller.abort(timeoutError('first byte timeout')), withinMs).unref();
    }
    get signal() {
        return this.#controller.signal;
    }
    /** The headers are in: the timer is done, the client's abort still ends the body. */
    headersReceived() {
        if (this.#timer !== null)
            clearTimeout(this.#timer);
        this.#timer = null;
    }
    end() {
        this.headersReceived();
        this.#clientSignal.removeEventListener('abort', this.#onClientAbort);
    }
}
/** After the headers: the rest of a non-streaming call's total time for its body; cleanup when it closes. */
function guardBody(body, options) {
    const { precise, remainingMs } = options;
    precise?.headersReceived();
    const timer = Number.isFinite(remainingMs)
        ? setTimeout(() => {
            // The reader (if any) sees the timeout; with none, the error must not go unhandled.
            body.on('error', () => { });
            body.destroy(timeoutError('total timeout'));
        }, Math.max(0, remainingMs)).unref()
        : null;
    if (timer === null && precise === null)
        return;
    const cleanUp = () => {
        if (timer !== null)
            clearTimeout(timer);
        precise?.end();
    };
    if (body.destroyed)
        cleanUp();
    else
        body.once('close', cleanUp);
}
/** Maps a thrown transport failure (connect, timeout, abort, reset) to a GatewayError. */
export function transportError(error, options) {
    if (error instanceof GatewayError)
        return error;
    const { provider } = options;
    if (options.clientSignal?.aborted) {
        return new GatewayError('SY_ERR_CLIENT_DISCONNECTED', 'The client closed the connection.', { provider, cause: error });
    }
    const timedOut = options.signal?.aborted ||
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
/** Reads a whole upstream body as text. */
export async function readText(response, provider, signal) {
    try {
        return await response.body.text();
    }
    catch (error) {
        throw transportError(error, { provider, clientSignal: signal });
    }
}
/** Parses JSON without throwing; returns undefined for invalid JSON. */
export function parseJsonSafe(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
/** Reads a whole upstream body as JSON, failing with SY_ERR_UPSTREAM_PROTOCOL when it is not JSON. */
export async function readJson(response, provider, signal) {
    const text = await readText(response, provider, signal);
    const value = parseJsonSafe(text);
    if (value === undefined) {
        throw new GatewayError('SY_ERR_UPSTREAM_PROTOCOL', `Provider "${provider}" answered with invalid JSON.`, { provider });
    }
    return value;
}
/** Parses a retry-after header (seconds or HTTP date) or retry-after-ms into milliseconds. */
export function retryAfterMs(headers) {
    const ms = headerValue(headers, 'retry-after-ms');
    if (ms !== undefined && Number.isFinite(Number(ms)))
        return Number(ms);
    const value = headerValue(headers, 'retry-after');
    if (value === undefined)
        return undefined;
    const seconds = Number(value);
    if (Number.isFinite(seconds))
        return Math.max(0, seconds * 1000);
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
export function headerValue(headers, name) {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
}
/** Joins a base URL and a path without doubling or dropping slashes. */
export function joinUrl(baseUrl, path, query = {}) {
    const url = `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
    const params = new URLSearchParams(query).toString();
    if (!params)
        return url;
    return url.includes('?') ? `${url}&${params}` : `${url}?${params}`;
}
//# sourceMappingURL=http.js.map