/**
 * Tracing as the gateway assembles it: the RequestTracer handed to the data plane, and the flush
 * and shutdown that app.ts calls. With no endpoint configured, tracing is the shared no-op and no
 * SDK object is created at all; the SDK and the exporter are not even loaded (their modules are
 * several megabytes of memory a gateway without tracing has no use for).
 */

import type { Logger } from 'pino';
import { NOOP_REQUEST_TRACER } from '../../pipeline/noop-tracer.js';
import type { RequestTracer } from '../../pipeline/ports.js';
import type { TracingSettings } from './tracer-provider.js';

export type { TracingSettings };

export interface Tracing {
  /** True when spans are exported (an endpoint is configured). */
  enabled: boolean;
  tracer: RequestTracer;
  /** Exports every ended span now. */
  flush(): Promise<void>;
  /** Exports what is left and stops; resolves within a few seconds even when the collector is down. */
  shutdown(): Promise<void>;
}

/** Longest shutdown waits for the last export. */
const SHUTDOWN_WAIT_MS = 5_000;

const DISABLED: Tracing = Object.freeze({
  enabled: false,
  tracer: NOOP_REQUEST_TRACER,
  flush: () => Promise.resolve(),
  shutdown: () => Promise.resolve(),
});

export async function createTracing(options: {
  settings: TracingSettings;
  logger: Logger;
  serviceVersion?: string;
  /** Time between batch exports (tests); the SDK's default when absent. */
  batchDelayMs?: number;
}): Promise<Tracing> {
  if (options.settings.endpoint.trim() === '') return DISABLED;
  const [{ createTracerProvider }, { OtelRequestTracer }] = await Promise.all([import('./tracer-provider.js'), import('./otel-request-tracer.js')]);
  const provider = createTracerProvider(options);
  const tracer = new OtelRequestTracer(provider.getTracer('switchyard', options.serviceVersion));
  options.logger.info(
    { endpoint: options.settings.endpoint, serviceName: options.settings.serviceName, sampleRatio: options.settings.sampleRatio },
    'exporting traces over OTLP/HTTP',
  );
  let stopped: Promise<void> | null = null;
  return {
    enabled: true,
    tracer,
    flush: () => provider.forceFlush(),
    shutdown() {
      stopped ??= boundedShutdown(provider.shutdown(), options.logger);
      return stopped;
    },
  };
}

async function boundedShutdown(shutdown: Promise<void>, logger: Logger): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), SHUTDOWN_WAIT_MS);
    timer.unref();
  });
  try {
    const result = await Promise.race([shutdown.then(() => 'done' as const), timeout]);
    if (result === 'timeout') logger.warn({ waitedMs: SHUTDOWN_WAIT_MS }, 'the OTLP collector did not take the last spans in time; they are dropped');
  } catch (error) {
    logger.warn({ err: error }, 'could not export the last spans to the OTLP collector');
  } finally {
    clearTimeout(timer);
  }
}
