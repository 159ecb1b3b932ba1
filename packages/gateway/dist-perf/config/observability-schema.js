/**
 * The `observability:` section of the config file: the Prometheus endpoint, OpenTelemetry tracing
 * and the live WebSocket feed. Everything has a default, so the section is optional.
 */
import * as z from 'zod';
const booleanLike = z.preprocess((value) => (value === 'true' ? true : value === 'false' ? false : value), z.boolean());
const positiveInt = z.preprocess((value) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value), z.number().int().positive());
const ratio = z.preprocess((value) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value), z.number().min(0).max(1));
export const observabilitySchema = z
    .strictObject({
    metrics: z
        .strictObject({
        /** Serve GET /metrics (Prometheus text format). */
        enabled: booleanLike.default(true),
        /** Require a key or token with analytics.read on /metrics (off: scrapers usually sit on a private network). */
        auth: booleanLike.default(false),
    })
        .prefault({}),
    tracing: z
        .strictObject({
        /** OTLP/HTTP traces URL (e.g. http://collector:4318/v1/traces); empty = tracing off. OTEL_EXPORTER_OTLP_TRACES_ENDPOINT / OTEL_EXPORTER_OTLP_ENDPOINT win. */
        endpoint: z.string().default(''),
        serviceName: z.string().min(1).default('switchyard'),
        /** Share of requests traced (parent-based: an incoming traceparent's decision is kept). */
        sampleRatio: ratio.default(1),
        /** Extra headers sent to the collector (e.g. an auth token). */
        headers: z.record(z.string(), z.string()).default({}),
    })
        .prefault({}),
    liveFeed: z
        .strictObject({
        /** Serve the WebSocket feed at /ws (and on WEBSOCKET_PORT when set). */
        enabled: booleanLike.default(true),
        maxConnections: positiveInt.default(200),
        /** Messages a client may send per second before it is disconnected (close code 1008). */
        maxMessagesPerSecond: positiveInt.default(20),
        /** Ping interval; a client that misses a pong in one interval is dropped. */
        heartbeatMs: positiveInt.default(30_000),
        /** Bytes queued to one client before it counts as a slow consumer and is dropped (close code 1013). */
        maxBufferedBytes: positiveInt.default(1_048_576),
        /** Time a client has to authenticate after connecting. */
        authTimeoutMs: positiveInt.default(10_000),
    })
        .prefault({}),
})
    .prefault({});
//# sourceMappingURL=observability-schema.js.map