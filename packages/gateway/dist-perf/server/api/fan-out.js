/**
 * Running chats for one HTTP request: checking up front that each named model exists and may be
 * used by the caller, tying the calls to the client's connection (a client that disconnects
 * aborts every call still running; shutdown waits for them), and running several in parallel.
 */
import { GatewayError } from '../../core/index.js';
import { resolveModel } from '../../pipeline/resolve-model.js';
import { executeChat } from '../execute-chat.js';
/** Throws the 404/403 of a model that does not exist or that the key may not use, naming the body field. */
export function requireModel(options) {
    const { services, principal, name, param } = options;
    try {
        resolveModel({ name, principal, groups: services.router });
    }
    catch (error) {
        if (!(error instanceof GatewayError))
            throw error;
        throw new GatewayError(error.code, error.message, { param, status: error.status, cause: error });
    }
}
/** Runs `work` with a signal that aborts when the client goes away, tracked as in flight meanwhile. */
export async function whileClientConnected(options) {
    const call = options.services.inflight.begin(options.reply.raw);
    try {
        return await options.work(call.signal);
    }
    finally {
        call.done();
    }
}
/**
 * Every chat at once, each with its own usage row under `${requestId}.${index}`. Never rejects:
 * a failed call is an ExecutedChat with its error.
 */
export function runChats(options) {
    const { services, principal, signal } = options;
    return Promise.all(options.chats.map((chat, index) => executeChat({ services, principal, chat, requestId: `${options.requestId}.${index}`, signal })));
}
/** Milliseconds since `startedAt` (a performance.now() value), to two decimals as executeChat reports them. */
export function elapsedMs(startedAt) {
    return Math.round((performance.now() - startedAt) * 100) / 100;
}
//# sourceMappingURL=fan-out.js.map