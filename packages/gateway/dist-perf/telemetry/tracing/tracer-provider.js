/**
 * Builds the OpenTelemetry SDK for the gateway's traces: an OTLP/HTTP (JSON) exporter to the
 * configured collector, a batch span processor, parent-based ratio sampling (a client's sampling
 * decision in its traceparent is kept; new traces are sampled at `sampleRatio`) and the service's
 * resource. The provider is the gateway's own instance and is never registered globally, so that
 * several gateways in one process do not share or leak state.
 */
import { BasicTracerProvider, BatchSpanProcessor, ParentBasedSampler, TraceIdRatioBasedSampler } from '@opentelemetry/sdk-trace-base';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import { FailureLoggingExporter } from './failure-logging-exporter.js';
/** Longest one export may take: a collector that hangs must not hold spans (or shutdown) for long. */
const EXPORT_TIMEOUT_MS = 10_000;
export function createTracerProvider(options) {
    const { settings } = options;
    const exporter = new FailureLoggingExporter({
        exporter: new OTLPTraceExporter({ url: settings.endpoint, headers: { ...settings.headers }, timeoutMillis: EXPORT_TIMEOUT_MS }),
        logger: options.logger,
        endpoint: settings.endpoint,
    });
    const resource = defaultResource().merge(resourceFromAttributes({
        [ATTR_SERVICE_NAME]: settings.serviceName,
        ...(options.serviceVersion ? { [ATTR_SERVICE_VERSION]: options.serviceVersion } : {}),
    }));
    return new BasicTracerProvider({
        resource,
        sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(settings.sampleRatio) }),
        spanProcessors: [
            new BatchSpanProcessor(exporter, {
                exportTimeoutMillis: EXPORT_TIMEOUT_MS,
                ...(options.batchDelayMs !== undefined ? { scheduledDelayMillis: options.batchDelayMs } : {}),
            }),
        ],
    });
}
//# sourceMappingURL=tracer-provider.js.map