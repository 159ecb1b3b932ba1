/**
 * The RequestTracer port implemented with an OpenTelemetry Tracer: a span per request (SERVER for
 * a client's HTTP call, INTERNAL for the sub-calls of /api/ai/consensus and friends), named as the
 * GenAI conventions ask (`chat gpt-4o`, `embeddings text-embedding-3-small`), continuing the
 * client's W3C trace when it sent one.
 */
import { SpanKind, trace } from '@opentelemetry/api';
import { GEN_AI_OPERATION_NAME, GEN_AI_REQUEST_MODEL, GEN_AI_REQUEST_STREAM, SWITCHYARD_PROTOCOL, SWITCHYARD_REQUEST_ID } from './gen-ai-attributes.js';
import { OtelRequestTrace } from './request-trace.js';
import { addParameterAttributes } from './span-attributes.js';
import { incomingContext } from './trace-context.js';
import { UpstreamAddresses } from './upstream-address.js';
export class OtelRequestTracer {
    tracer;
    addresses = new UpstreamAddresses();
    constructor(tracer) {
        this.tracer = tracer;
    }
    startRequest(request, carrier, parameters) {
        const parent = incomingContext(carrier);
        const operation = request.endpoint === 'embeddings' ? 'embeddings' : 'chat';
        const model = request.modelGroup ?? '';
        const attributes = {
            [GEN_AI_OPERATION_NAME]: operation,
            [GEN_AI_REQUEST_MODEL]: model,
            [SWITCHYARD_REQUEST_ID]: request.requestId,
            [SWITCHYARD_PROTOCOL]: request.protocol,
        };
        if (operation === 'chat')
            attributes[GEN_AI_REQUEST_STREAM] = request.stream;
        addParameterAttributes(attributes, parameters);
        const span = this.tracer.startSpan(`${operation} ${model}`, 
        // startedAt is a performance.now() reading: the span starts when the request arrived.
        { kind: carrier ? SpanKind.SERVER : SpanKind.INTERNAL, startTime: request.startedAt, attributes }, parent);
        return new OtelRequestTrace({
            tracer: this.tracer,
            span,
            context: trace.setSpan(parent, span),
            operation,
            requestId: request.requestId,
            parameters,
            addresses: this.addresses,
        });
    }
}
//# sourceMappingURL=otel-request-tracer.js.map