/**
 * The span of one upstream attempt (kind CLIENT). A failed attempt ends at once, as an error; the
 * attempt that answered stays open until the request ends, so that a streamed answer's span covers
 * the whole stream and carries its usage and finish reasons.
 */
import { SpanStatusCode } from '@opentelemetry/api';
import { ATTR_ERROR_TYPE, ATTR_HTTP_RESPONSE_STATUS_CODE } from '@opentelemetry/semantic-conventions';
import { SWITCHYARD_OUTCOME } from './gen-ai-attributes.js';
import { answerAttributes } from './span-attributes.js';
import { traceHeaders } from './trace-context.js';
export class OtelAttemptTrace {
    span;
    deployment;
    headers;
    open = true;
    constructor(span, 
    /** The deployment called, for the request span's provider attributes. */
    deployment) {
        this.span = span;
        this.deployment = deployment;
        this.headers = traceHeaders(span.spanContext());
    }
    failed(error) {
        if (!this.open)
            return;
        this.open = false;
        // A client that left is not the upstream's failure: recorded, but not as an error.
        const disconnected = error.code === 'SY_ERR_CLIENT_DISCONNECTED';
        this.span.setAttribute(ATTR_ERROR_TYPE, error.code);
        this.span.setAttribute(SWITCHYARD_OUTCOME, disconnected ? 'client_disconnected' : 'error');
        if (error.upstreamStatus !== undefined)
            this.span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, error.upstreamStatus);
        if (!disconnected)
            this.span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
        this.span.end();
    }
    /** Ends the span of the attempt that answered, with what the request's usage row says of the answer. */
    complete(row, finishReasons) {
        if (!this.open)
            return;
        this.open = false;
        if (this.span.isRecording()) {
            this.span.setAttributes(answerAttributes(row, finishReasons));
            this.span.setAttribute(SWITCHYARD_OUTCOME, row.outcome);
            // The upstream accepted the call; a non-2xx row status is the gateway's (a client that left: 499).
            if (row.status >= 200 && row.status < 300)
                this.span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, row.status);
            if (row.outcome === 'error' && row.errorCode) {
                // The answer began and then failed (an upstream error mid-stream).
                this.span.setAttribute(ATTR_ERROR_TYPE, row.errorCode);
                this.span.setStatus({ code: SpanStatusCode.ERROR, message: row.errorCode });
            }
        }
        this.span.end();
    }
}
//# sourceMappingURL=attempt-trace.js.map