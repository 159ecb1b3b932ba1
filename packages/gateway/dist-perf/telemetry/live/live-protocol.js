/**
 * The live feed's wire protocol (docs/observability.md "Live feed"): JSON text messages
 * `{type, data}` both ways, the channel names, the close codes, and the strict parsing of what a
 * client sends. Parsing returns a result instead of throwing: a bad message gets an error reply.
 */
export const LIVE_CHANNELS = ['ai_metrics', 'performance', 'load_balancer', 'alerts', 'requests'];
/** Close codes the gateway sends (RFC 6455 §7.4.1, and 4401 in the application range for authentication). */
export const CLOSE_CODES = {
    /** The gateway is shutting down. */
    goingAway: 1001,
    /** The client sent messages faster than `maxMessagesPerSecond`, or binary frames. */
    policyViolation: 1008,
    /** A message was larger than the gateway accepts (sent by `ws` itself). */
    messageTooBig: 1009,
    /** Too many connections, or a slow consumer: try again later. */
    tryAgainLater: 1013,
    /** No valid credential within `authTimeoutMs`, or a bad one (also when a key is revoked later). */
    unauthenticated: 4401,
};
const MAX_FILTER_LENGTH = 200;
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
export function isLiveChannel(value) {
    return typeof value === 'string' && LIVE_CHANNELS.includes(value);
}
function readChannel(data) {
    const channel = data.subscriptionType;
    if (isLiveChannel(channel))
        return channel;
    return `data.subscriptionType must be one of ${LIVE_CHANNELS.join(', ')}; got ${JSON.stringify(channel ?? null)}.`;
}
function readFilter(data) {
    const filter = {};
    for (const field of ['model', 'keyId']) {
        const value = data[field];
        if (value === undefined || value === null)
            continue;
        if (typeof value !== 'string' || value === '' || value.length > MAX_FILTER_LENGTH)
            return `data.${field} must be a non-empty string of at most ${MAX_FILTER_LENGTH} characters.`;
        filter[field] = value;
    }
    return filter;
}
export function parseClientMessage(text) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        return { ok: false, error: 'Messages must be JSON objects like {"type":"subscribe","data":{"subscriptionType":"ai_metrics"}}.' };
    }
    if (!isRecord(value) || typeof value.type !== 'string')
        return { ok: false, error: 'A message must be a JSON object with a string "type".' };
    const data = isRecord(value.data) ? value.data : {};
    switch (value.type) {
        case 'auth': {
            const token = data.token;
            return typeof token === 'string' && token !== '' ? { ok: true, message: { type: 'auth', token } } : { ok: false, error: 'data.token must be a key or an access token.' };
        }
        case 'subscribe': {
            const channel = readChannel(data);
            if (!isLiveChannel(channel))
                return { ok: false, error: channel };
            const filter = readFilter(data);
            if (typeof filter === 'string')
                return { ok: false, error: filter };
            return { ok: true, message: { type: 'subscribe', channel, filter } };
        }
        case 'unsubscribe': {
            const channel = readChannel(data);
            return isLiveChannel(channel) ? { ok: true, message: { type: 'unsubscribe', channel } } : { ok: false, error: channel };
        }
        case 'ping':
            return { ok: true, message: { type: 'ping' } };
        default:
            return { ok: false, error: `Unknown message type ${JSON.stringify(value.type)}: use auth, subscribe, unsubscribe or ping.` };
    }
}
//# sourceMappingURL=live-protocol.js.map