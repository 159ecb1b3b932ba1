/**
 * The gateway's HTTP server, made for Fastify (its `serverFactory`) so that the data plane's fast
 * path sees each request first. It carries the settings Fastify gives a server it makes itself.
 */

import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyServerOptions } from 'fastify';
import type { FastPath } from './fast-path.js';

export function createHttpServer(
  fastifyHandler: (request: IncomingMessage, response: ServerResponse) => void,
  options: FastifyServerOptions,
  fastPath: () => FastPath | null,
): http.Server {
  const server = http.createServer((request, response) => {
    const fast = fastPath();
    if (fast === null || !fast(request, response)) fastifyHandler(request, response);
  });
  // Fastify has filled in its defaults by the time it calls the factory.
  if (options.keepAliveTimeout !== undefined) server.keepAliveTimeout = options.keepAliveTimeout;
  if (options.requestTimeout !== undefined) server.requestTimeout = options.requestTimeout;
  if (options.connectionTimeout !== undefined) server.setTimeout(options.connectionTimeout);
  if (options.maxRequestsPerSocket) server.maxRequestsPerSocket = options.maxRequestsPerSocket;
  return server;
}
