/**
 * Request and response body logging, on only when `logging.bodies` is true (debugging): prompts
 * and answers are often confidential, so the default never logs them. Streamed answers are not
 * logged; their usage row and the request body are.
 */
/** Longest body text logged, so one huge prompt cannot flood the log. */
const MAX_LOGGED_CHARS = 16_384;
function clip(text) {
    return text.length > MAX_LOGGED_CHARS ? `${text.slice(0, MAX_LOGGED_CHARS)}… (${text.length} chars)` : text;
}
/**
 * Only data-plane bodies are logged: management bodies carry passwords, tokens, key secrets and
 * provider credentials, which must never reach a log.
 */
export function registerBodyLogging(app) {
    app.addHook('preHandler', async (request) => {
        if (!request.routeOptions.config?.dataPlane)
            return;
        if (request.body !== undefined)
            request.log.info({ requestBody: clip(JSON.stringify(request.body)) }, 'request body');
    });
    app.addHook('onSend', async (request, _reply, payload) => {
        if (!request.routeOptions.config?.dataPlane)
            return payload;
        if (typeof payload === 'string' || Buffer.isBuffer(payload))
            request.log.info({ responseBody: clip(payload.toString()) }, 'response body');
        return payload;
    });
}
//# sourceMappingURL=body-logging.js.map