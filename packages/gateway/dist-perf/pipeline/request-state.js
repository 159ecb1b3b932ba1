/**
 * Per-request state carried through the pipeline stages and read by accounting: who called, what
 * for, which deployment answered, and the timings. One object per request, created on arrival.
 */
import { NOOP_REQUEST_TRACE } from './noop-tracer.js';
export function createRequestState(options) {
    return {
        requestId: options.requestId,
        startedAt: performance.now(),
        receivedAt: new Date(),
        protocol: options.protocol,
        endpoint: options.endpoint,
        principal: null,
        modelGroup: null,
        stream: false,
        deployment: null,
        attempts: 0,
        firstByteAt: null,
        usage: null,
        upstreamModel: null,
        estimatePromptTokens: null,
        outputText: '',
        recorded: false,
        responseHeaders: null,
        afterRecord: null,
        trace: NOOP_REQUEST_TRACE,
    };
}
//# sourceMappingURL=request-state.js.map