/**
 * Wraps the OTLP exporter to say in the gateway's log when the collector stops taking spans and
 * when it takes them again: once per change, not once per batch, so a collector that is down
 * does not flood the log. (The SDK would otherwise report through its global diag logger, which
 * the gateway does not register.)
 */
export class FailureLoggingExporter {
    options;
    failing = false;
    constructor(options) {
        this.options = options;
    }
    export(spans, resultCallback) {
        this.options.exporter.export(spans, (result) => {
            // ExportResultCode.SUCCESS is 0 (@opentelemetry/core, not a dependency of ours).
            const failed = result.code !== 0;
            if (failed && !this.failing) {
                this.options.logger.warn({ endpoint: this.options.endpoint, spans: spans.length, err: result.error }, 'could not export traces to the OTLP collector; spans are dropped until it answers');
            }
            else if (!failed && this.failing) {
                this.options.logger.info({ endpoint: this.options.endpoint }, 'exporting traces to the OTLP collector again');
            }
            this.failing = failed;
            resultCallback(result);
        });
    }
    shutdown() {
        return this.options.exporter.shutdown();
    }
    forceFlush() {
        return this.options.exporter.forceFlush?.() ?? Promise.resolve();
    }
}
//# sourceMappingURL=failure-logging-exporter.js.map