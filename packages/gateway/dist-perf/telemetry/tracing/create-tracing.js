/**
 * Tracing as the gateway assembles it: the RequestTracer handed to the data plane, and the flush
 * and shutdown that app.ts calls. With no endpoint configured, tracing is the shared no-op and no
 * SDK object is created at all; the SDK and the exporter are not even loaded (their modules are
 * several megabytes of memory a gateway without tracing has no use for).
 */
import { NOOP_REQUEST_TRACER } from '../../pipeline/noop-tracer.js';
/** Longest shutdown waits for the last export. */
const SHUTDOWN_WAIT_MS = 5_000;
const DISABLED = Object.freeze({
    enabled: false,
    tracer: NOOP_REQUEST_TRACER,
    flush: () => Promise.resolve(),
    shutdown: () => Promise.resolve(),
});
export async function createTracing(options) {
    if (options.settings.endpoint.trim() === '')
        return DISABLED;
    const [{ createTracerProvider }, { OtelRequestTracer }] = await Promise.all([import('./tracer-provider.js'), import('./otel-request-tracer.js')]);
    const provider = createTracerProvider(options);
    const tracer = new OtelRequestTracer(provider.getTracer('switchyard', options.serviceVersion));
    options.logger.info({ endpoint: options.settings.endpoint, serviceName: options.settings.serviceName, sampleRatio: options.settings.sampleRatio }, 'exporting traces over OTLP/HTTP');
    let stopped = null;
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
async function boundedShutdown(shutdown, logger) {
    let timer;
    const timeout = new Promise((resolve) => {
        timer = setTimeout(() => resolve('timeout'), SHUTDOWN_WAIT_MS);
        timer.unref();
    });
    try {
        const result = await Promise.race([shutdown.then(() => 'done'), timeout]);
        if (result === 'timeout')
            logger.warn({ waitedMs: SHUTDOWN_WAIT_MS }, 'the OTLP collector did not take the last spans in time; they are dropped');
    }
    catch (error) {
        logger.warn({ err: error }, 'could not export the last spans to the OTLP collector');
    }
    finally {
        clearTimeout(timer);
    }
}
//# sourceMappingURL=create-tracing.js.map