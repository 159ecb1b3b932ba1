/**
 * The edge where errors become responses: Fastify's own errors (bad JSON, body too large, wrong
 * content type) are turned into GatewayErrors, then rendered once in the protocol of the route
 * (Anthropic's shape on /v1/messages, OpenAI's elsewhere). A request that was authenticated gets
 * its usage row here when it failed before an answer started.
 */
import { GatewayError, isGatewayError } from '../core/index.js';
import { renderAnthropicError } from './anthropic/codec/index.js';
import { renderOpenAIError } from './openai/codec/index.js';
function isFastifyError(error) {
    return error instanceof Error && typeof error.code === 'string';
}
export function toGatewayErrorAtEdge(error, bodyLimitBytes, request) {
    if (isGatewayError(error))
        return error;
    if (isFastifyError(error)) {
        switch (error.code) {
            case 'FST_ERR_CTP_BODY_TOO_LARGE':
                return new GatewayError('SY_ERR_BODY_TOO_LARGE', `The request body is larger than this gateway's limit of ${bodyLimitBytes} bytes.`);
            case 'FST_ERR_CTP_INVALID_MEDIA_TYPE': {
                const type = request.headers['content-type'] ?? 'none';
                return new GatewayError('SY_ERR_UNSUPPORTED_MEDIA_TYPE', `Unsupported Content-Type '${type}'; send the body as application/json.`);
            }
            case 'FST_ERR_CTP_EMPTY_JSON_BODY':
                return new GatewayError('SY_ERR_INVALID_JSON', 'The request body is empty; send a JSON object.');
            case 'FST_ERR_CTP_INVALID_JSON_BODY':
                return new GatewayError('SY_ERR_INVALID_JSON', `The request body is not valid JSON: ${error.message}`);
            default:
                break;
        }
        if (error instanceof SyntaxError || error.statusCode === 400) {
            return new GatewayError('SY_ERR_INVALID_JSON', `The request body is not valid JSON: ${error.message}`);
        }
        if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
            return new GatewayError('SY_ERR_INVALID_REQUEST', error.message, { status: error.statusCode });
        }
    }
    const message = error instanceof Error ? error.message : String(error);
    return new GatewayError('SY_ERR_INTERNAL', `Internal error: ${message}`, { cause: error });
}
function protocolOf(request) {
    const dataPlane = request.routeOptions.config?.dataPlane;
    if (dataPlane)
        return dataPlane.protocol;
    if (request.url.startsWith('/v1/messages'))
        return 'anthropic';
    // The Anthropic SDK's models.list sends anthropic-version and expects its own error shape.
    if (request.url.startsWith('/v1/models') && typeof request.headers['anthropic-version'] === 'string')
        return 'anthropic';
    return 'openai';
}
export function sendError(request, reply, error) {
    const rendered = protocolOf(request) === 'anthropic' ? renderAnthropicError(error, request.id) : renderOpenAIError(error);
    return reply.code(rendered.status).headers(rendered.headers).send(rendered.body);
}
export function registerErrorHandling(app, services) {
    app.setErrorHandler((thrown, request, reply) => {
        const error = toGatewayErrorAtEdge(thrown, services.bodyLimitBytes, request);
        const level = error.status >= 500 && !error.isUpstream ? 'error' : error.status >= 500 ? 'warn' : 'info';
        request.log[level]({ code: error.code, status: error.status, provider: error.provider, err: level === 'error' ? thrown : undefined }, error.message);
        const state = request.gatewayState;
        if (state) {
            const outcome = error.code === 'SY_ERR_CLIENT_DISCONNECTED' ? 'client_disconnected' : 'error';
            services.accountant.finish(state, { status: error.status, outcome, errorCode: error.code });
        }
        if (reply.sent || reply.raw.headersSent)
            return;
        if (state?.deployment)
            reply.header('x-switchyard-provider', state.deployment.provider.id);
        if (state?.responseHeaders)
            reply.headers(state.responseHeaders);
        return sendError(request, reply, error);
    });
    app.setNotFoundHandler((request, reply) => {
        const error = new GatewayError('SY_ERR_ROUTE_NOT_FOUND', `There is no route ${request.method} ${request.url.split('?')[0]} on this gateway.`);
        return sendError(request, reply, error);
    });
}
//# sourceMappingURL=error-handler.js.map