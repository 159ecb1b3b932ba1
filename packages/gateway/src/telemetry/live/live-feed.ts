/**
 * Assembles the live feed: the hub, its channels and the system sampler, attached to the
 * gateway's HTTP server for `ws://HOST:PORT/ws` and, when WEBSOCKET_PORT is set, to a second
 * server of its own on that port (serving /ws only). Closed as a whole on shutdown.
 */

import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { AuthorizeApi } from '../../pipeline/request-state.js';
import type { EventBus } from '../event-bus.js';
import { LiveChannels } from './live-channels.js';
import type { LiveChannelsOptions } from './live-channels.js';
import { LiveHub } from './live-hub.js';
import type { LiveFeedLimits, LiveHubStats, LiveLogger } from './live-hub.js';
import type { LiveStats } from './live-stats.js';
import { SystemSampler } from './system-sampler.js';

export interface LiveFeedOptions {
  /** The gateway's own HTTP server (Fastify's `server.server`). */
  httpServer: Server;
  /** A second port for the feed alone (WEBSOCKET_PORT); undefined for none. */
  websocketPort?: number;
  host: string;
  limits: LiveFeedLimits;
  authorize: AuthorizeApi;
  stats: LiveStats;
  events: EventBus;
  loadBalancer: () => object;
  /** Whose free space `performance` reports (the SQLite file's directory). */
  dataDirectory: string;
  logger: LiveLogger;
  /** Shorter tick intervals, for tests. */
  intervalsMs?: LiveChannelsOptions['intervalsMs'];
}

export interface LiveFeed {
  /** Starts the WEBSOCKET_PORT server, when one is configured; resolves to its port, or null. */
  listen(): Promise<number | null>;
  /** The WEBSOCKET_PORT server's port once listening (the real one when 0 was asked), else null. */
  port(): number | null;
  stats(): LiveHubStats;
  close(): Promise<void>;
}

export function createLiveFeed(options: LiveFeedOptions): LiveFeed {
  const onError = (error: unknown): void => options.logger.warn({ err: error }, 'live feed: a channel failed');
  const sampler = new SystemSampler({ dataDirectory: options.dataDirectory, startedAtMs: Date.now() });
  // The hub and the channels call each other: the channels publish through the hub, the hub tells them when they are wanted.
  const channels: LiveChannels = new LiveChannels({
    stats: options.stats,
    sampler,
    loadBalancer: options.loadBalancer,
    events: options.events,
    publish: (channel, data) => hub.publish(channel, data),
    publishRow: (row, data) => hub.publishRow(row, data),
    onError,
    intervalsMs: options.intervalsMs,
  });
  const hub: LiveHub = new LiveHub({
    limits: options.limits,
    authorize: options.authorize,
    onDemandChange: (channel, wanted) => channels.setDemand(channel, wanted),
    current: (channel) => channels.current(channel),
    logger: options.logger,
  });

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void =>
    hub.handleUpgrade(request, socket, head, { soleListener: options.httpServer.listenerCount('upgrade') === 1 });
  options.httpServer.on('upgrade', onUpgrade);

  let ownServer: Server | null = null;
  return {
    async listen() {
      if (options.websocketPort === undefined || ownServer) return ownServer ? portOf(ownServer) : null;
      const server = createServer((_request, response) => {
        response.writeHead(404, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: { message: 'This port serves only the live feed: connect a WebSocket to /ws.', type: 'invalid_request_error', param: null, code: 'not_found' } }));
      });
      server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => hub.handleUpgrade(request, socket, head, { soleListener: true }));
      await new Promise<void>((resolve, reject) => {
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
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
      }
    },
  };
}

function portOf(server: Server): number | null {
  const address = server.address();
  return typeof address === 'object' && address !== null ? address.port : null;
}
