/**
 * Assembles the gateway from its configuration: database and migrations, the master key, key
 * store, usage writer, provider adapters, router, pipeline and HTTP server; and takes it down in
 * order on shutdown (stop accepting, let streams finish up to a deadline, flush usage, close).
 * This is the only module that imports everything; nothing imports it but the CLI.
 */

import { dirname } from 'node:path';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { createDeploymentFacts } from './accounting/deployment-facts.js';
import { PriceCatalog } from './accounting/price-catalog.js';
import type { ResolvedConfig } from './config/index.js';
import { createAccountant } from './pipeline/account.js';
import { createAuthenticator, createKeyResolver } from './pipeline/authenticate.js';
import { assembleGovernance } from './governance/assemble.js';
import { registerManagementRoutes } from './server/management/index.js';
import { RoutingAdmin } from './server/management/routing-admin.js';
import { hashKey } from './pipeline/key-hash.js';
import { createProviderAdapters } from './providers/registry.js';
import { UpstreamHttp } from './providers/shared/http.js';
import { RuleSet } from './routing/conditional-rules.js';
import { ConcurrencyLimiter } from './routing/concurrency-limiter.js';
import { HealthProber } from './routing/health-prober.js';
import { createRetryPolicy } from './routing/retry-policy.js';
import { Router } from './routing/router.js';
import { buildServer } from './server/build-server.js';
import { createDeploymentProbe } from './server/deployment-probe.js';
import { InflightRegistry } from './server/inflight.js';
import type { GatewayServices } from './server/services.js';
import type { UsageRow } from './pipeline/ports.js';
import {
  BatchingUsageRecorder,
  KeysRepository,
  RoutingOverridesRepository,
  SettingsRepository,
  UsageRepository,
  generateKeySecret,
  migrateToLatest,
  openDatabase,
} from './store/index.js';
import type { Database } from './store/index.js';
import { EventBus } from './telemetry/event-bus.js';
import { readinessOf } from './telemetry/health/component-health.js';
import { createHealthReporter } from './telemetry/health/gateway-health.js';
import { registerHealthRoutes } from './server/management/health-routes.js';
import { VERSION } from './core/package-files.js';
import { createLogger } from './telemetry/logger.js';
import { createLiveFeed } from './telemetry/live/live-feed.js';
import type { LiveFeed } from './telemetry/live/live-feed.js';
import { LiveStats } from './telemetry/live/live-stats.js';
import { routingView } from './server/management/ai-config-view.js';
import { parseDatabaseUrl } from './store/index.js';
import { createTracing } from './telemetry/tracing/create-tracing.js';
import type { Tracing } from './telemetry/tracing/create-tracing.js';
import { createGatewayMetrics } from './telemetry/metrics/index.js';

const MASTER_KEY_SETTING = 'master_key_hash';

export interface Gateway {
  config: ResolvedConfig;
  server: FastifyInstance;
  database: Database;
  usage: UsageRepository;
  keys: KeysRepository;
  recorder: BatchingUsageRecorder;
  /** Routing state (breakers, stats, deployment slots), for the management API and tests. */
  router: Router;
  /** Runtime routing overrides (stored, applied at once, re-read periodically for other replicas). */
  routingAdmin: RoutingAdmin;
  /** What happened in the gateway (finished requests, breaker changes, budget thresholds…), for observers. */
  events: EventBus;
  /** OpenTelemetry tracing (the shared no-op when no endpoint is configured); flushed on shutdown. */
  tracing: Tracing;
  /** The live WebSocket feed at /ws (and WEBSOCKET_PORT); null when `observability.liveFeed.enabled` is false. */
  liveFeed: LiveFeed | null;
  /** The master key generated at this start (first start without SWITCHYARD_MASTER_KEY), or null. */
  generatedMasterKey: string | null;
  /** Starts listening; resolves to the address, e.g. http://127.0.0.1:3000. */
  listen(): Promise<string>;
  /** Stops accepting, waits for requests in flight up to the grace period, flushes usage, closes. */
  shutdown(): Promise<void>;
}

export async function createGateway(config: ResolvedConfig, options: { logger?: Logger } = {}): Promise<Gateway> {
  const logger = options.logger ?? createLogger({ level: config.logging.level });
  const database = await openDatabase(config.database.url);
  await migrateToLatest(database);
  const settings = new SettingsRepository(database.db);
  const keys = new KeysRepository(database.db);
  const usage = new UsageRepository(database.db, { sqlite: database.sqlite });

  const { masterKeyHash, generatedMasterKey } = await resolveMasterKey(config, settings);
  const recorder = new BatchingUsageRecorder({
    repository: usage,
    batchSize: config.usage.batchSize,
    flushIntervalMs: config.usage.flushIntervalMs,
    queueLimit: config.usage.queueLimit,
    logger,
  });
  const prices = new PriceCatalog();
  warnAboutUnpricedModels(config, prices, logger);
  const resolveSecret = createKeyResolver({ masterKeyHash, keys, cacheTtlMs: 2_000 });
  // Every provider settings object in use: deployments with their own timeouts hold copies.
  const providerObjects = [...new Set([...config.providers, ...config.models.flatMap((group) => group.deployments.map((deployment) => deployment.provider))])];
  // Captured before stored credentials replace any, so deleting the last one can restore these.
  const configuredProviderKeys = new Map(config.providers.map((provider) => [provider.id, provider.apiKey]));
  const events = new EventBus((error, event) => logger.error({ err: error, event: event.type }, 'an event listener failed'));
  const tracing = await createTracing({ settings: config.observability.tracing, logger, serviceVersion: VERSION });
  const governance = await assembleGovernance({
    config,
    database,
    keys,
    masterKeyHash,
    resolveSecret,
    providers: providerObjects,
    logger,
    onBudgetThreshold: (event) => events.emit({ type: 'budget.threshold', ...event }),
  });
  governance.redis?.onStatusChange((status) =>
    events.emit({ type: 'component.status', component: 'redis', status: status === 'ok' ? 'ok' : 'degraded', detail: governance.redis?.lastError()?.message ?? status }),
  );
  // Every usage row is also an event: metrics, the live feed and analytics totals follow it.
  const observedRecorder = {
    record: (row: UsageRow) => {
      recorder.record(row);
      events.emit({ type: 'request.finished', row });
    },
    flush: () => recorder.flush(),
  };
  const http = new UpstreamHttp();
  let stopping = false;
  const inflight = new InflightRegistry();
  // Live figures for the feed and GET /api/ai/metrics; today's cost starts from what the usage table holds.
  const liveStats = new LiveStats({
    activeRequests: () => inflight.size,
    seedCostToday: (dayStartMs) => governance.repositories.spend.spendSince({ scope: 'global', sinceMs: dayStartMs }),
    onSeedError: (error) => logger.warn({ err: error }, "could not read today's spend for the live metrics; counting from zero"),
  });
  events.on('request.finished', ({ row }) => liveStats.record(row));
  const services: GatewayServices = {
    router: new Router({
      groups: config.models,
      strategy: config.routing.strategy,
      fallbacks: { fallbacks: config.routing.fallbacks, byClass: config.routing.fallbacksByClass, defaultFallbacks: config.routing.defaultFallbacks },
      maxAttempts: config.routing.maxAttempts,
      slots: { maxQueue: config.server.maxQueue, maxQueueWaitMs: config.server.maxQueueWaitMs },
      tierPriority: config.routing.tierPriority,
      facts: createDeploymentFacts(prices),
      breaker: {
        ...config.routing.breaker,
        onStateChange: (event) => {
          logger.warn(event, `circuit breaker ${event.from} -> ${event.to}`);
          events.emit({ type: 'breaker.changed', ...event });
        },
      },
    }),
    rules: new RuleSet(config.routing.rules),
    ...(config.server.maxConcurrentRequests > 0
      ? {
          concurrency: new ConcurrencyLimiter({
            maxConcurrent: config.server.maxConcurrentRequests,
            maxQueue: config.server.maxQueue,
            maxWaitMs: config.server.maxQueueWaitMs,
          }),
        }
      : {}),
    retryPolicy: createRetryPolicy({
      maxRetriesPerDeployment: config.routing.retries.maxPerDeployment,
      baseDelayMs: config.routing.retries.baseDelayMs,
      maxDelayMs: config.routing.retries.maxDelayMs,
      maxRetryAfterMs: config.routing.retries.maxRetryAfterMs,
    }),
    adapters: createProviderAdapters(),
    http,
    authenticate: createAuthenticator({ resolve: resolveSecret }),
    authorizeApi: governance.authorizeApi,
    governance: { policy: governance.loader.policy, counters: governance.counters, ledger: governance.ledger, prices },
    accountant: createAccountant({ prices, recorder: observedRecorder }),
    inflight,
    tracer: tracing.tracer,
    providers: config.providers,
    usingSimulatorFallback: config.usingSimulatorFallback,
    bodyLimitBytes: config.server.bodyLimitBytes,
    logBodies: config.logging.bodies,
    startedAtSeconds: Math.floor(Date.now() / 1000),
    // The health report's view: ready unless the database is down; Redis down is degraded, not unready (DESIGN.md).
    readiness: async () => readinessOf(await healthReport()),
    degradedComponents: () => (governance.redis && governance.redis.status() !== 'ok' ? ['redis'] : []),
    isShuttingDown: () => stopping,
    // A client going away is not the upstream's failure; it is recorded on the usage row instead.
    onAttemptFailed: (event) => {
      events.emit({ type: 'attempt.failed', ...event });
      if (event.code === 'SY_ERR_CLIENT_DISCONNECTED') logger.debug(event, 'client disconnected during an upstream attempt');
      else logger.warn(event, 'upstream attempt failed');
    },
    logger: logger as unknown as FastifyBaseLogger,
  };
  // Operators' runtime routing changes, stored in the database, applied on top of the config file.
  const routingAdmin = new RoutingAdmin({
    router: services.router,
    rules: services.rules,
    base: { groups: config.models, strategy: config.routing.strategy, rules: config.routing.rules },
    providers: config.providers,
    repository: new RoutingOverridesRepository(database.db),
    logger,
  });
  await routingAdmin.load();
  // Prometheus metrics (GET /metrics): counters fed by the event bus, gauges read at scrape time.
  const metrics = config.observability.metrics.enabled
    ? createGatewayMetrics({
        events,
        providerIds: providerObjects.map((provider) => provider.id),
        sources: {
          router: services.router,
          ...(services.concurrency ? { gatewayQueueLength: () => services.concurrency?.queued ?? 0 } : {}),
          requestsInFlight: () => inflight.size,
          usageWriter: () => recorder.stats(),
          usageQueueCapacity: config.usage.queueLimit,
          components: () => (governance.redis ? [{ component: 'redis', up: governance.redis.status() === 'ok' }] : []),
        },
      })
    : null;
  if (metrics) services.metrics = { contentType: metrics.contentType, render: () => metrics.render(), auth: config.observability.metrics.auth };
  const server = buildServer({ services, logger: logger as unknown as FastifyBaseLogger });
  registerManagementRoutes(server, {
    ...governance.repositories,
    ledger: governance.ledger,
    counters: governance.counters,
    policy: governance.loader,
    governance: config.governance,
    sessions: governance.sessions,
    forgetKey: (keyId) => resolveSecret.forget(keyId),
    providers: providerObjects,
    box: governance.box,
    configuredProviderKeys,
    routing: { admin: routingAdmin, router: services.router, rules: services.rules, services },
    metrics: { report: () => liveStats.report(), router: services.router, gatewayQueued: () => services.concurrency?.queued ?? 0 },
  });
  const databaseTarget = parseDatabaseUrl(config.database.url);
  const liveFeed = config.observability.liveFeed.enabled
    ? createLiveFeed({
        httpServer: server.server,
        ...(config.websocketPort === undefined || (config.websocketPort === config.server.port && config.websocketPort !== 0) ? {} : { websocketPort: config.websocketPort }),
        host: config.server.host,
        limits: config.observability.liveFeed,
        authorize: services.authorizeApi,
        stats: liveStats,
        events,
        loadBalancer: () => routingView(services.router),
        dataDirectory: databaseTarget.dialect === 'sqlite' && databaseTarget.filename !== ':memory:' ? dirname(databaseTarget.filename) : process.cwd(),
        logger,
      })
    : null;
  const prober = new HealthProber({
    router: services.router,
    groups: config.models,
    probe: createDeploymentProbe({ adapters: services.adapters, http }),
    // Debug only: a down deployment fails every probe, and its breaker's transitions are logged at warn.
    onProbe: (event) => {
      if (!event.ok && !event.skipped && event.error) logger.debug({ deploymentId: event.deploymentId, code: event.error.code, message: event.error.message }, 'health probe failed');
    },
  });

  const healthReport = createHealthReporter({
    version: VERSION,
    startedAtMs: Date.now(),
    database: { dialect: database.dialect, ping: () => database.ping() },
    ...(governance.redis ? { redis: governance.redis } : {}),
    deployments: () => services.router.listGroups().flatMap((group) => group.deployments),
    breakers: () => services.router.breakers.snapshot(),
    queues: () => {
      const usageStats = recorder.stats();
      const queues = [{ name: 'usage-writer', length: usageStats.queued, limit: usageStats.queueLimit, what: 'usage rows', dropped: usageStats.dropped }];
      if (services.concurrency) queues.push({ name: 'routing', length: services.concurrency.queued, limit: config.server.maxQueue, what: 'requests', dropped: 0 });
      return queues;
    },
    workers: () => {
      const usageStats = recorder.stats();
      const writerError = usageStats.lastError ? { message: `${usageStats.lastError} (${usageStats.consecutiveFailures} failed attempts; rows kept)`, atMs: Date.now() } : null;
      const workers = [
        { name: 'usage-writer', running: !stopping, lastError: writerError, does: `writes usage rows in batches (${usageStats.written} written)` },
        { name: 'routing-sync', running: routingAdmin.syncing, lastError: routingAdmin.syncError(), does: 're-reads stored routing changes every 10 s' },
        { name: 'policy-reload', running: !stopping, lastError: governance.loader.lastError(), does: 're-reads stored limits and budgets every 10 s' },
      ];
      if (prober.deploymentIds.length > 0) workers.push({ name: 'health-prober', running: prober.running, lastError: null, does: `probes ${prober.deploymentIds.length} deployments` });
      return workers;
    },
  });
  registerHealthRoutes(server, healthReport);

  let shuttingDown: Promise<void> | null = null;
  const shutdown = async (): Promise<void> => {
    stopping = true;
    routingAdmin.stopSync();
    await liveFeed?.close();
    await prober.stop();
    const closing = server.close();
    const drained = await inflight.drain(config.server.shutdownGraceMs);
    if (!drained) {
      logger.warn({ inflight: inflight.size }, 'shutdown grace period over; aborting requests still in flight');
      inflight.abortAll();
      await inflight.drain(2_000);
    }
    await Promise.race([closing, new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
    server.server.closeAllConnections();
    await recorder.close();
    // Every request has ended, so every span has: export the last of them.
    await tracing.shutdown();
    await governance.close();
    await http.close();
    await database.close();
    logger.info({ usage: recorder.stats() }, 'switchyard stopped');
  };

  return {
    config,
    server,
    database,
    usage,
    keys,
    recorder,
    router: services.router,
    routingAdmin,
    events,
    tracing,
    liveFeed,
    generatedMasterKey,
    async listen() {
      // Today's cost is seeded before traffic arrives, so no request is counted twice.
      await liveStats.seeded;
      await server.listen({ port: config.server.port, host: config.server.host });
      await liveFeed?.listen();
      prober.start();
      routingAdmin.startSync();
      const address = server.server.address();
      const port = typeof address === 'object' && address ? address.port : config.server.port;
      const host = config.server.host === '0.0.0.0' || config.server.host === '::' ? 'localhost' : config.server.host;
      return `http://${host}:${port}`;
    },
    shutdown() {
      shuttingDown ??= shutdown();
      return shuttingDown;
    },
  };
}

/** The configured master key, else the stored hash of a generated one, else a new one (returned once). */
async function resolveMasterKey(
  config: ResolvedConfig,
  settings: SettingsRepository,
): Promise<{ masterKeyHash: string; generatedMasterKey: string | null }> {
  if (config.server.masterKey) return { masterKeyHash: hashKey(config.server.masterKey), generatedMasterKey: null };
  const stored = await settings.get(MASTER_KEY_SETTING);
  if (stored) return { masterKeyHash: stored, generatedMasterKey: null };
  const generated = `sy-master-${generateKeySecret().slice(3)}`;
  await settings.set(MASTER_KEY_SETTING, hashKey(generated));
  return { masterKeyHash: hashKey(generated), generatedMasterKey: generated };
}

/** A model the price catalogue does not know would be recorded at cost 0; say so once, at start. */
function warnAboutUnpricedModels(config: ResolvedConfig, prices: PriceCatalog, logger: Logger): void {
  const seen = new Set<string>();
  for (const group of config.models) {
    for (const deployment of group.deployments) {
      if (seen.has(deployment.id) || prices.unitPrices(deployment).source !== 'unknown') continue;
      seen.add(deployment.id);
      logger.warn(
        { deployment: deployment.id, model: deployment.model },
        'no price is known for this model, so its cost is recorded as 0; set `price:` on the deployment to record it',
      );
    }
  }
}
