/** Validation helpers shared by the management routes: strict bodies, ids, and 404s. */
import { z } from 'zod';
import { GatewayError } from '../../core/index.js';
import { parseWithSchema } from '../openai/codec/validation.js';
export { parseWithSchema };
export function idParam(params, name = 'id') {
    const value = typeof params === 'object' && params !== null ? params[name] : undefined;
    if (typeof value !== 'string' || value.length === 0)
        throw new GatewayError('SY_ERR_INVALID_REQUEST', `Missing path parameter '${name}'.`, { param: name });
    return value;
}
export function notFound(kind, id) {
    return new GatewayError('SY_ERR_NOT_FOUND', `No ${kind} with id '${id}'.`);
}
export function found(value, kind, id) {
    if (value === null || value === undefined)
        throw notFound(kind, id);
    return value;
}
/** ISO date-time text or epoch ms to a Date. */
export const dateInput = z.union([z.iso.datetime({ offset: true }), z.number().int().nonnegative()]).transform((value) => new Date(value));
/** `?since=…&until=…` as Dates, with a 400 naming a bad value. */
export function dateQuery(query, name) {
    const value = query[name];
    if (value === undefined || value === '')
        return undefined;
    const parsed = typeof value === 'string' && /^\d+$/.test(value) ? new Date(Number(value)) : new Date(String(value));
    if (Number.isNaN(parsed.getTime())) {
        throw new GatewayError('SY_ERR_INVALID_REQUEST', `Query parameter '${name}' must be an ISO date-time or epoch milliseconds.`, { param: name });
    }
    return parsed;
}
//# sourceMappingURL=input.js.map