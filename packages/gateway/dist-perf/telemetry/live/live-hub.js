/**
 * The live feed's WebSocket hub: takes HTTP upgrades for /ws (from the gateway's own server and
 * the optional WEBSOCKET_PORT one), enforces the connection limit, pings every heartbeat and
 * drops clients that miss a pong, keeps who subscribed to what, and publishes channel messages
 * (serialised once, sent to each subscriber). Channels learn when they gain their first
 * subscriber or lose their last, so that nothing is computed for nobody.
 */
import { WebSocketServer } from 'ws';
import { LiveConnection } from './live-connection.js';
import { CLOSE_CODES, LIVE_CHANNELS } from './live-protocol.js';
import { reauthorize, runSession } from './live-session.js';
export const LIVE_FEED_PATH = '/ws';
/** Largest message a client may send; subscribe and auth messages are a few hundred bytes. */
export const MAX_CLIENT_MESSAGE_BYTES = 16 * 1024;
/** How long a closing handshake may take before the socket is destroyed (a stalled reader never answers). */
const CLOSE_TIMEOUT_MS = 10_000;
/** At shutdown, how long clients get to answer the close before they are cut off. */
const SHUTDOWN_WAIT_MS = 1_000;
export class LiveHub {
    #options;
    #server;
    #connections = new Set();
    #subscribers = new Map(LIVE_CHANNELS.map((channel) => [channel, new Set()]));
    #closed = { slow_consumer: 0, flood: 0, unauthenticated: 0, heartbeat: 0, capacity: 0, shutdown: 0 };
    #session;
    #heartbeat = null;
    #shuttingDown = false;
    constructor(options) {
        this.#options = options;
        // `closeTimeout` exists since ws 8.18; @types/ws does not know it yet.
        const serverOptions = {
            noServer: true,
            maxPayload: MAX_CLIENT_MESSAGE_BYTES,
            clientTracking: false,
            perMessageDeflate: false,
            closeTimeout: CLOSE_TIMEOUT_MS,
        };
        this.#server = new WebSocketServer(serverOptions);
        this.#session = {
            authorize: options.authorize,
            authTimeoutMs: options.limits.authTimeoutMs,
            subscribe: (connection, subscription) => this.#subscribe(connection, subscription),
            unsubscribe: (connection, channel) => this.#unsubscribe(connection, channel),
            onError: (error) => options.logger.warn({ err: error }, 'live feed: a client message failed'),
        };
    }
    /** For an HTTP server's `upgrade` event: /ws becomes a live-feed connection; other paths get 404 unless someone else listens. */
    handleUpgrade(request, socket, head, options) {
        const path = (request.url ?? '').split('?')[0];
        if (path !== LIVE_FEED_PATH) {
            if (options.soleListener)
                refuse(socket, 404, 'Not Found');
            return;
        }
        if (this.#shuttingDown) {
            refuse(socket, 503, 'Service Unavailable');
            return;
        }
        this.#server.handleUpgrade(request, socket, head, (socketOpened) => this.#accept(socketOpened, request));
    }
    /** Publishes a channel message to every subscriber; `data` is built only when someone listens. */
    publish(channel, data) {
        const subscribers = this.#subscribers.get(channel);
        if (!subscribers || subscribers.size === 0)
            return;
        const text = JSON.stringify({ type: channel, data: data() });
        for (const connection of subscribers)
            connection.send(text);
    }
    /** Publishes one finished request to the `requests` subscribers allowed to see it and asking for it. */
    publishRow(row, data) {
        const subscribers = this.#subscribers.get('requests');
        if (!subscribers || subscribers.size === 0)
            return;
        let text = null;
        for (const connection of subscribers) {
            const rows = connection.subscriptions.get('requests')?.rows;
            if (rows && !rows(row))
                continue;
            text ??= JSON.stringify({ type: 'requests', data: data() });
            connection.send(text);
        }
    }
    subscriberCount(channel) {
        return this.#subscribers.get(channel)?.size ?? 0;
    }
    stats() {
        const subscribers = Object.fromEntries(LIVE_CHANNELS.map((channel) => [channel, this.subscriberCount(channel)]));
        return { connections: this.#connections.size, subscribers, closed: { ...this.#closed } };
    }
    /** Closes every connection with 1001 (cut off after a second), and stops the heartbeat. */
    async close() {
        this.#shuttingDown = true;
        if (this.#heartbeat)
            clearInterval(this.#heartbeat);
        this.#heartbeat = null;
        const open = [...this.#connections];
        const closed = open.map((connection) => new Promise((resolve) => (connection.socket.readyState === connection.socket.CLOSED ? resolve() : connection.socket.once('close', () => resolve()))));
        for (const connection of open)
            connection.close(CLOSE_CODES.goingAway, 'gateway shutting down', 'shutdown');
        const waited = await Promise.race([Promise.all(closed).then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), SHUTDOWN_WAIT_MS).unref())]);
        if (!waited)
            for (const connection of this.#connections)
                connection.socket.terminate();
        this.#server.close();
    }
    #accept(socket, request) {
        const { limits, logger } = this.#options;
        const connection = new LiveConnection({
            socket,
            maxBufferedBytes: limits.maxBufferedBytes,
            maxMessagesPerSecond: limits.maxMessagesPerSecond,
            onClosing: (closing, why) => {
                if (why !== 'client')
                    this.#closed[why] += 1;
                if (why === 'slow_consumer' || why === 'flood')
                    logger.warn({ reason: why, who: closing.caller?.label ?? 'unauthenticated' }, 'live feed: client dropped');
                this.#unsubscribeAll(closing);
            },
        });
        socket.on('error', (error) => logger.debug({ err: error }, 'live feed: socket error'));
        socket.on('pong', () => {
            connection.alive = true;
        });
        socket.once('close', () => {
            this.#connections.delete(connection);
            this.#unsubscribeAll(connection);
        });
        if (this.#connections.size >= limits.maxConnections || this.#shuttingDown) {
            connection.close(CLOSE_CODES.tryAgainLater, 'too many connections', 'capacity');
            return;
        }
        this.#connections.add(connection);
        this.#startHeartbeat();
        runSession(connection, request, this.#session);
    }
    #startHeartbeat() {
        if (this.#heartbeat || this.#shuttingDown)
            return;
        this.#heartbeat = setInterval(() => {
            for (const connection of this.#connections) {
                if (connection.closing)
                    continue;
                if (!connection.alive) {
                    connection.terminate('heartbeat');
                    continue;
                }
                connection.alive = false;
                connection.socket.ping();
                void reauthorize(connection, this.#session).catch((error) => this.#session.onError(error));
            }
        }, this.#options.limits.heartbeatMs);
        this.#heartbeat.unref();
    }
    #subscribe(connection, subscription) {
        const { channel } = subscription;
        const subscribers = this.#subscribers.get(channel);
        if (!subscribers || connection.closing)
            return;
        connection.subscriptions.set(channel, subscription);
        subscribers.add(connection);
        if (subscribers.size === 1)
            this.#options.onDemandChange(channel, true);
        connection.send({ type: 'subscribed', data: { subscriptionType: channel, ...subscription.filter } });
        void Promise.resolve(this.#options.current(channel)).then((data) => {
            if (data !== null && data !== undefined && connection.subscriptions.get(channel) === subscription)
                connection.send({ type: channel, data });
        }, (error) => this.#session.onError(error));
    }
    #unsubscribe(connection, channel) {
        connection.subscriptions.delete(channel);
        const subscribers = this.#subscribers.get(channel);
        if (subscribers?.delete(connection) && subscribers.size === 0)
            this.#options.onDemandChange(channel, false);
    }
    #unsubscribeAll(connection) {
        for (const channel of [...connection.subscriptions.keys()])
            this.#unsubscribe(connection, channel);
    }
}
/** Answers an upgrade that is not taken with a plain HTTP status and closes the socket. */
function refuse(socket, status, text) {
    socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
//# sourceMappingURL=live-hub.js.map