/** Stage: resolve the model name the client sent to a model group, and check the key may use it. */
import { GatewayError } from '../core/index.js';
export function resolveModel(options) {
    const { name, principal } = options;
    if (typeof name !== 'string' || name.length === 0) {
        throw new GatewayError('SY_ERR_INVALID_REQUEST', "Missing required parameter: 'model'.", { param: 'model' });
    }
    const group = options.groups.group(name);
    if (!group) {
        throw new GatewayError('SY_ERR_MODEL_NOT_FOUND', `The model '${name}' does not exist on this gateway. List the available models with GET /v1/models.`, { param: 'model' });
    }
    if (principal.kind === 'key' && principal.key.models !== null && !principal.key.models.includes(name)) {
        throw new GatewayError('SY_ERR_MODEL_FORBIDDEN', `API key ${principal.key.prefix}… is not allowed to use the model '${name}'.`, { param: 'model' });
    }
    return group;
}
//# sourceMappingURL=resolve-model.js.map