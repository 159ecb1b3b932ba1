/**
 * Assembles the Fastify server: request ids, the authentication hook for data-plane routes, the
 * error edge, and the route modules. Knows nothing of storage; everything comes in as services.
 */

import { randomBytes } from 'node:crypto';
import Fastify, { LogController } from 'fastify';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { GatewayError } from '../core/index.js';
import { createRequestState } from '../pipeline/request-state.js';
import { messagesEntry, registerMessagesRoute } from './anthropic/messages-route.js';
import { registerAiRoutes } from './api/index.js';
import { registerDashboardRoutes } from './dashboard-routes.js';
import { registerBodyLogging } from './body-logging.js';
import { registerErrorHandling } from './error-handler.js';
import { createFastPath } from './fast-path.js';
import type { FastPath, PendingPrincipals } from './fast-path.js';
import { createHttpServer } from './http-server.js';
import { chatCompletionsEntry, registerChatCompletionsRoute } from './openai/chat-completions-route.js';
import { registerEmbeddingsRoute } from './openai/embeddings-route.js';
import { registerModelsRoutes } from './openai/models-route.js';
import { registerOpenApiRoutes } from './openapi/openapi-routes.js';
import { registerOpsRoutes } from './ops-routes.js';
import './request-context.js';
import { lazyChildLoggerFactory } from './request-logger.js';
import type { GatewayServices } from './services.js';

/**
 * Request ids: a random per-process prefix and a counter, unique across replicas and restarts
 * without drawing random bytes on every request.
 */
export function createRequestIdGenerator(): () => string {
  const prefix = randomBytes(8).toString('hex');
  let counter = 0;
  return () => {
    counter += 1;
    return `req_${prefix}${counter.toString(36).padStart(6, '0')}`;
  };
}

export function buildServer(options: { services: GatewayServices; logger: FastifyBaseLogger | false }): FastifyInstance {
  const { services } = options;
  const nextRequestId = createRequestIdGenerator();
  let fastPath: FastPath | null = null;
  const pendingPrincipals: PendingPrincipals = new WeakMap();
  const app = Fastify({
    loggerInstance: options.logger === false ? undefined : options.logger,
    logger: options.logger === false ? false : undefined,
    bodyLimit: services.bodyLimitBytes,
    // Per-request log lines cost CPU on every call; the gateway logs what matters itself. Every
    // line logged for a request names it as `requestId` (the x-request-id header's value), the
    // field the gateway's own lines (attempt failures) use too.
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
    // The per-request child logger is made when a request first logs, not for every request.
    ...(options.logger === false ? {} : { childLoggerFactory: lazyChildLoggerFactory }),
    requestIdHeader: false,
    // Always our own id: it keys the request's usage row, so a client reusing an id (or sending
    // the same one on every call) must not make two requests share one. A client's own id is
    // logged beside ours instead.
    genReqId: nextRequestId,
    // Our own onRequest check answers 503 in the caller's protocol shape instead.
    return503OnClosing: false,
    forceCloseConnections: 'idle',
    serverFactory: (handler, serverOptions) => createHttpServer(handler, serverOptions, () => fastPath),
  }) as unknown as FastifyInstance;

  // Only JSON bodies are accepted; text/plain would otherwise parse into a string.
  app.removeContentTypeParser('text/plain');
  app.decorateRequest('gatewayState', null);
  app.decorateRequest('apiCaller', null);

  // A callback hook, not an async one: a data-plane request whose key is cached goes on to body
  // parsing in the same tick, without a promise.
  // Named: test/e2e/fast-path.test.ts checks that it is the only hook on the fast path's routes.
  app.addHook('onRequest', function admitRequest(request, reply, done) {
    reply.header('x-request-id', request.id);
    const clientRequestId = request.headers['x-request-id'];
    if (typeof clientRequestId === 'string') request.log = request.log.child({ clientRequestId: clientRequestId.slice(0, 128) });
    if (services.isShuttingDown()) {
      reply.header('connection', 'close');
      done(new GatewayError('SY_ERR_SHUTTING_DOWN', 'The gateway is shutting down; retry the request.'));
      return;
    }
    const permission = request.routeOptions.config?.permission;
    if (permission !== undefined) {
      services.authorizeApi(request.headers, permission).then((caller) => {
        request.apiCaller = caller;
        done();
      }, done);
      return;
    }
    const dataPlane = request.routeOptions.config?.dataPlane;
    if (!dataPlane) {
      done();
      return;
    }
    const state = createRequestState({ requestId: request.id, protocol: dataPlane.protocol, endpoint: dataPlane.endpoint });
    request.gatewayState = state;
    const principal = pendingPrincipals.get(request.raw) ?? services.authenticate(request.headers);
    if (principal instanceof Promise) {
      principal.then((resolved) => {
        state.principal = resolved;
        done();
      }, done);
      return;
    }
    state.principal = principal;
    done();
  });

  if (services.logBodies) registerBodyLogging(app);
  registerErrorHandling(app, services);
  registerOpsRoutes(app, services);
  registerChatCompletionsRoute(app, services);
  registerEmbeddingsRoute(app, services);
  registerModelsRoutes(app, services);
  registerMessagesRoute(app, services);
  registerAiRoutes(app, services);
  registerOpenApiRoutes(app);
  registerDashboardRoutes(app);
  // Body logging is a Fastify hook: with it on, every request takes the Fastify route.
  if (!services.logBodies) {
    fastPath = createFastPath({
      services,
      entries: [chatCompletionsEntry, messagesEntry],
      nextRequestId,
      parseJson: app.getDefaultJsonParser('error', 'error'),
      log: app.log,
      pendingPrincipals,
    });
  }
  return app;
}
