/**
 * The conversation with one live-feed client: authentication (the upgrade request's
 * Authorization / x-api-key header, or an `auth` message within the time allowed, since browsers
 * cannot set headers on a WebSocket), then subscribe, unsubscribe and ping messages. Messages are
 * handled one after another, so a subscribe sent right after connecting waits for the header's
 * authentication. Every credential goes through the management API's authoriser: a key (master,
 * management or data-plane) or a dashboard user's access token.
 */
import { GatewayError } from '../../core/index.js';
import { allowedChannels, channelAccess } from './channel-access.js';
import { CLOSE_CODES, LIVE_CHANNELS, parseClientMessage } from './live-protocol.js';
/** Every caller holds it (each role and data-plane keys): authenticating asks for nothing more; channels decide the rest. */
const AUTHENTICATE_PERMISSION = 'account.read';
function sendError(connection, code, message, extra = {}) {
    connection.send({ type: 'error', data: { code, message, ...extra } });
}
/** The credential of the upgrade request, as headers the authoriser reads; null when it sent none. */
function headerCredential(request) {
    const { authorization } = request.headers;
    const apiKey = request.headers['x-api-key'];
    if (typeof authorization === 'string' && authorization.trim() !== '')
        return { authorization };
    if (typeof apiKey === 'string' && apiKey.trim() !== '')
        return { 'x-api-key': apiKey };
    return null;
}
/** 401/403 close the feed with 4401; anything else (the database down) asks the client to come back later. */
function rejectCredential(connection, error) {
    const known = error instanceof GatewayError ? error : new GatewayError('SY_ERR_INTERNAL', 'Authentication failed unexpectedly.');
    sendError(connection, known.code, known.message);
    if (known.status === 401 || known.status === 403)
        connection.close(CLOSE_CODES.unauthenticated, 'unauthenticated', 'unauthenticated');
    else
        connection.close(CLOSE_CODES.tryAgainLater, 'authentication unavailable', 'unauthenticated');
}
async function authenticate(connection, credential, context) {
    try {
        const caller = await context.authorize(credential, AUTHENTICATE_PERMISSION);
        if (connection.closing)
            return;
        connection.caller = caller;
        connection.credential = credential;
        connection.send({ type: 'authenticated', data: { role: caller.role, channels: allowedChannels(caller, LIVE_CHANNELS) } });
    }
    catch (error) {
        rejectCredential(connection, error);
    }
}
async function handle(connection, message, context) {
    if (message.type === 'ping') {
        connection.send({ type: 'pong', data: { at: new Date().toISOString() } });
        return;
    }
    if (message.type === 'auth') {
        if (connection.caller)
            sendError(connection, 'SY_ERR_INVALID_REQUEST', 'This connection is already authenticated.');
        else
            await authenticate(connection, { authorization: `Bearer ${message.token}` }, context);
        return;
    }
    const caller = connection.caller;
    if (!caller) {
        sendError(connection, 'SY_ERR_UNAUTHENTICATED', 'Authenticate first: send {"type":"auth","data":{"token":"<key or access token>"}} or connect with an Authorization header.');
        connection.close(CLOSE_CODES.unauthenticated, 'unauthenticated', 'unauthenticated');
        return;
    }
    if (message.type === 'unsubscribe') {
        context.unsubscribe(connection, message.channel);
        connection.send({ type: 'unsubscribed', data: { subscriptionType: message.channel } });
        return;
    }
    const access = channelAccess(caller, message.channel, message.filter);
    if (!access.allowed) {
        sendError(connection, 'SY_ERR_FORBIDDEN', access.reason, { subscriptionType: message.channel });
        return;
    }
    context.subscribe(connection, { channel: message.channel, filter: message.filter, rows: access.rows });
}
function textOf(data) {
    if (Buffer.isBuffer(data))
        return data.toString('utf8');
    return (Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data)).toString('utf8');
}
/** Runs the protocol on a freshly upgraded connection. */
export function runSession(connection, request, context) {
    let queue = Promise.resolve();
    const enqueue = (work) => {
        queue = queue.then(work).catch((error) => context.onError(error));
    };
    const credential = headerCredential(request);
    if (credential)
        enqueue(() => authenticate(connection, credential, context));
    else {
        const timer = setTimeout(() => {
            if (!connection.caller && !connection.closing) {
                sendError(connection, 'SY_ERR_UNAUTHENTICATED', `No credential within ${context.authTimeoutMs} ms: send {"type":"auth","data":{"token":"…"}} first.`);
                connection.close(CLOSE_CODES.unauthenticated, 'authentication timed out', 'unauthenticated');
            }
        }, context.authTimeoutMs);
        timer.unref();
        connection.socket.once('close', () => clearTimeout(timer));
    }
    connection.socket.on('message', (data, isBinary) => {
        if (connection.closing)
            return;
        if (!connection.rate.take()) {
            connection.close(CLOSE_CODES.policyViolation, 'message rate exceeded', 'flood');
            return;
        }
        if (isBinary) {
            sendError(connection, 'SY_ERR_INVALID_REQUEST', 'Send JSON text messages; binary frames are not accepted.');
            return;
        }
        const parsed = parseClientMessage(textOf(data));
        if (!parsed.ok) {
            sendError(connection, 'SY_ERR_INVALID_REQUEST', parsed.error);
            return;
        }
        enqueue(() => (connection.closing ? Promise.resolve() : handle(connection, parsed.message, context)));
    });
}
/**
 * Authorises the connection's credential again (at each heartbeat): a key revoked or a session
 * ended since closes the feed with 4401, and subscriptions the caller's role no longer allows end.
 */
export async function reauthorize(connection, context) {
    const credential = connection.credential;
    if (!credential || connection.closing)
        return;
    let caller;
    try {
        caller = await context.authorize(credential, AUTHENTICATE_PERMISSION);
    }
    catch (error) {
        if (error instanceof GatewayError && (error.status === 401 || error.status === 403))
            rejectCredential(connection, error);
        return;
    }
    connection.caller = caller;
    for (const subscription of [...connection.subscriptions.values()]) {
        const access = channelAccess(caller, subscription.channel, subscription.filter);
        if (access.allowed) {
            subscription.rows = access.rows;
            continue;
        }
        context.unsubscribe(connection, subscription.channel);
        sendError(connection, 'SY_ERR_FORBIDDEN', access.reason, { subscriptionType: subscription.channel });
    }
}
//# sourceMappingURL=live-session.js.map