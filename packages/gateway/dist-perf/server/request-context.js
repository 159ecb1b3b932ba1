/** Access to the per-request pipeline state that the onRequest hook attaches to each Fastify request. */
import { GatewayError } from '../core/index.js';
export function stateOf(request) {
    const state = request.gatewayState;
    if (!state || !state.principal)
        throw new GatewayError('SY_ERR_INTERNAL', 'request reached a handler without authentication');
    return state;
}
/** The parsed body as a JSON object, or a 400 saying what it was instead. */
export function requireObjectBody(body) {
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
        const kind = body === undefined ? 'empty' : Array.isArray(body) ? 'an array' : typeof body === 'string' ? 'a string' : String(body);
        throw new GatewayError('SY_ERR_INVALID_REQUEST', `The request body must be a JSON object; it was ${kind}.`);
    }
    return body;
}
/** The authorised caller of a management route. */
export function callerOf(request) {
    const caller = request.apiCaller;
    if (!caller)
        throw new GatewayError('SY_ERR_INTERNAL', 'management route reached without a declared permission');
    return caller;
}
//# sourceMappingURL=request-context.js.map