/**
 * Gauges read at scrape time rather than kept up to date on the request path: requests in flight,
 * routing queues (gateway-wide and per deployment), breaker states, the usage writer's queue and
 * its written/dropped rows, and whether optional components (Redis) are up. Each `collect` resets
 * its gauge first, so a deployment removed at run time stops being reported.
 */
import { Counter, Gauge } from 'prom-client';
/** 0 closed, 1 half-open, 2 open: higher is worse, so `max()` over deployments means something. */
export const BREAKER_STATE_VALUE = { closed: 0, 'half-open': 1, open: 2 };
export function registerStateGauges(options) {
    const { sources, labels } = options;
    const registers = [options.registry];
    new Gauge({
        name: 'switchyard_requests_in_flight',
        help: 'Data-plane requests being served now.',
        registers,
        collect() {
            this.set(sources.requestsInFlight());
        },
    });
    new Gauge({
        name: 'switchyard_routing_queue_length',
        help: 'Requests waiting for a slot of the gateway-wide concurrency limit (server.maxConcurrentRequests); 0 when none is set.',
        registers,
        collect() {
            this.set(sources.gatewayQueueLength?.() ?? 0);
        },
    });
    new Gauge({
        name: 'switchyard_deployment_queue_length',
        help: 'Requests waiting for a slot of a deployment with maxConcurrentRequests.',
        labelNames: ['deployment'],
        registers,
        collect() {
            this.reset();
            for (const deployment of labels.deployments()) {
                const slots = sources.router.slots.snapshot(deployment);
                if (slots)
                    this.set({ deployment }, slots.queued);
            }
        },
    });
    new Gauge({
        name: 'switchyard_deployment_requests_in_flight',
        help: 'Upstream attempts in flight per deployment.',
        labelNames: ['deployment'],
        registers,
        collect() {
            this.reset();
            for (const deployment of labels.deployments())
                this.set({ deployment }, sources.router.stats.snapshot(deployment).inFlight);
        },
    });
    new Gauge({
        name: 'switchyard_breaker_state',
        help: 'Circuit breaker state per deployment: 0 closed, 1 half-open, 2 open.',
        labelNames: ['deployment'],
        registers,
        collect() {
            this.reset();
            // A deployment whose breaker was never consulted has no entry yet: it is closed.
            const states = new Map(sources.router.breakers.snapshot().map((breaker) => [breaker.deploymentId, breaker.state]));
            for (const deployment of labels.deployments())
                this.set({ deployment }, BREAKER_STATE_VALUE[states.get(deployment) ?? 'closed']);
        },
    });
    registerUsageWriterMetrics(registers, sources);
    new Gauge({
        name: 'switchyard_component_up',
        help: 'Whether an optional component the gateway uses is up (1) or down (0); absent when not configured.',
        labelNames: ['component'],
        registers,
        collect() {
            this.reset();
            for (const { component, up } of sources.components())
                this.set({ component }, up ? 1 : 0);
        },
    });
}
function registerUsageWriterMetrics(registers, sources) {
    new Gauge({
        name: 'switchyard_usage_writer_queue_length',
        help: 'Usage rows waiting to be written to the database (including a batch being written).',
        registers,
        collect() {
            this.set(sources.usageWriter().queued);
        },
    });
    new Gauge({
        name: 'switchyard_usage_writer_queue_capacity',
        help: 'Most usage rows the writer holds in memory (usage.queueLimit); rows beyond it are dropped.',
        registers,
        collect() {
            this.set(sources.usageQueueCapacity);
        },
    });
    // The writer keeps running totals; each scrape adds what changed since the last one.
    const totals = [
        { name: 'switchyard_usage_writer_written_rows_total', help: 'Usage rows written to the database.', read: (figures) => figures.written },
        { name: 'switchyard_usage_writer_dropped_rows_total', help: 'Usage rows dropped because the writer queue was full (or the writer closed).', read: (figures) => figures.dropped },
        { name: 'switchyard_usage_writer_write_failures_total', help: 'Failed usage writes (the rows stay queued and are retried).', read: (figures) => figures.failures },
    ];
    for (const total of totals) {
        let reported = 0;
        new Counter({
            name: total.name,
            help: total.help,
            registers,
            collect() {
                const now = total.read(sources.usageWriter());
                if (now > reported)
                    this.inc(now - reported);
                reported = Math.max(reported, now);
            },
        });
    }
}
//# sourceMappingURL=state-gauges.js.map