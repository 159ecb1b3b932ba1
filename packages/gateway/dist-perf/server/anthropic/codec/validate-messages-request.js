/**
 * Validates an inbound Anthropic Messages body without translating it. The server uses it on its
 * own for same-protocol pass-through (which forwards the client's body, unknown fields and all),
 * and parseMessagesRequest uses it before translating.
 */
import { GatewayError } from '../../../core/index.js';
import { messagesRequest } from './request-schema.js';
import { describeIssue } from './validation-message.js';
/** Throws SY_ERR_INVALID_REQUEST naming the first field at fault, as the Anthropic API does. */
export function validateMessagesRequest(body) {
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
        throw new GatewayError('SY_ERR_INVALID_REQUEST', 'The request body must be a JSON object.');
    }
    const result = messagesRequest.safeParse(body);
    if (result.success)
        return result.data;
    const first = result.error.issues[0];
    const problem = first === undefined ? { param: '', message: 'Invalid request.' } : describeIssue(first, body);
    throw new GatewayError('SY_ERR_INVALID_REQUEST', problem.message, problem.param === '' ? {} : { param: problem.param });
}
//# sourceMappingURL=validate-messages-request.js.map