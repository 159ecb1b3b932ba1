/** The error for valid Anthropic input that has no canonical equivalent, so cannot be translated. */
import { GatewayError } from '../../../core/index.js';
/**
 * `param` is the dotted path of the field ("messages.2.content.0.type"); `what` says what it is.
 * Such input is fine for an Anthropic upstream (pass-through), so the message says why it fails here.
 */
export function unsupported(options) {
    return new GatewayError('SY_ERR_UNSUPPORTED_OPERATION', `${options.param}: ${options.what} is not supported for this model, because its provider does not speak ` +
        'the Anthropic Messages protocol and the gateway cannot translate it.', { param: options.param });
}
export const throwUntranslatable = (error) => {
    throw error;
};
//# sourceMappingURL=unsupported.js.map