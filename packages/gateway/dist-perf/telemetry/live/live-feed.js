/**
 * Assembles the live feed: the hub, its channels and the system sampler, attached to the
 * gateway's HTTP server for `ws://HOST:PORT/ws` and, when WEBSOCKET_PORT is set, to a second
 * server of its own on that port (serving /ws only). Closed as a whole on shutdown.
 */
import { createServer } from 'node:http';
import { LiveChannels } from './live-channels.js';
import { LiveHub } from './live-hub.js';
import { SystemSampler } from './system-sampler.js';
export function createLiveFeed(options) {
    const onError = (error) => options.logger.warn({ err: error }, 'live feed: a channel failed');
    const sampler = new SystemSampler({ dataDirectory: options.dataDirectory, startedAtMs: Date.now() });
    // The hub and the channels call each other: the channels publish through the hub, the hub tells them when they are wanted.
    const channels = new LiveChannels({
        stats: options.stats,
        sampler,
        loadBalancer: options.loadBalancer,
        events: options.events,
        publish: (channel, data) => hub.publish(channel, data),
        publishRow: (row, data) => hub.publishRow(row, data),
        onError,
        intervalsMs: options.intervalsMs,
    });
    const hub = new LiveHub({
        limits: options.limits,
        authorize: options.authorize,
        onDemandChange: (channel, wanted) => channels.setDemand(channel, wanted),
        current: (channel) => channels.current(channel),
        logger: options.logger,
    });
    const onUpgrade = (request, socket, head) => hub.handleUpgrade(request, socket, head, { soleListener: options.httpServer.listenerCount('upgrade') === 1 });
    options.httpServer.on('upgrade', onUpgrade);
    let ownServer = null;
    return {
        async listen() {
            if (options.websocketPort === undefined || ownServer)
                return ownServer ? portOf(ownServer) : null;
            const server = createServer((_request, response) => {
                response.writeHead(404, { 'content-type': 'application/json' });
                response.end(JSON.stringify({ error: { message: 'This port serves only the live feed: connect a WebSocket to /ws.', type: 'invalid_request_error', param: null, code: 'not_found' } }));
            });
            server.on('upgrade', (request, socket, head) => hub.handleUpgrade(request, socket, head, { soleListener: true }));
            await new Promise((resolve, reject) => {
                server.once('error', reject);
                server.listen(options.websocketPort, options.host, () => {
                    server.off('error', reject);
                    resolve();
                });
            });
            ownServer = server;
            return portOf(server);
        },
        port: () => (ownServer ? portOf(ownServer) : null),
        stats: () => hub.stats(),
        async close() {
            options.httpServer.off('upgrade', onUpgrade);
            channels.close();
            await hub.close();
            if (ownServer) {
                const server = ownServer;
                ownServer = null;
                await new Promise((resolve) => {
                    server.close(() => resolve());
                    server.closeAllConnections();
                });
            }
        },
    };
}
function portOf(server) {
    const address = server.address();
    return typeof address === 'object' && address !== null ? address.port : null;
}
//# sourceMappingURL=live-feed.js.map