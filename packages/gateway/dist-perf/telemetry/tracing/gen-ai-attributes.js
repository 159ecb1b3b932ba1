/**
 * Attribute names of the OpenTelemetry GenAI semantic conventions, and the gateway's own. The GenAI
 * names are still "incubating" (@opentelemetry/semantic-conventions exports them only from its
 * /incubating entry, which may change in a minor release), so, as that package advises, they are
 * copied here: https://opentelemetry.io/docs/specs/semconv/gen-ai/gen-ai-spans/
 */
export const GEN_AI_OPERATION_NAME = 'gen_ai.operation.name';
/** Deprecated in favour of gen_ai.provider.name, but still what many backends group by; both are set. */
export const GEN_AI_SYSTEM = 'gen_ai.system';
export const GEN_AI_PROVIDER_NAME = 'gen_ai.provider.name';
export const GEN_AI_REQUEST_MODEL = 'gen_ai.request.model';
export const GEN_AI_REQUEST_MAX_TOKENS = 'gen_ai.request.max_tokens';
export const GEN_AI_REQUEST_TEMPERATURE = 'gen_ai.request.temperature';
export const GEN_AI_REQUEST_STREAM = 'gen_ai.request.stream';
export const GEN_AI_RESPONSE_MODEL = 'gen_ai.response.model';
export const GEN_AI_RESPONSE_FINISH_REASONS = 'gen_ai.response.finish_reasons';
/** Seconds from the request to the first chunk of a streamed answer. */
export const GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK = 'gen_ai.response.time_to_first_chunk';
export const GEN_AI_USAGE_INPUT_TOKENS = 'gen_ai.usage.input_tokens';
export const GEN_AI_USAGE_OUTPUT_TOKENS = 'gen_ai.usage.output_tokens';
export const GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS = 'gen_ai.usage.cache_read.input_tokens';
/** The gateway's own attributes, under its own namespace as the conventions ask. */
export const SWITCHYARD_REQUEST_ID = 'switchyard.request_id';
export const SWITCHYARD_PROTOCOL = 'switchyard.protocol';
export const SWITCHYARD_PROVIDER = 'switchyard.provider';
export const SWITCHYARD_DEPLOYMENT = 'switchyard.deployment';
/** On an attempt span: its number within the request, from 1. */
export const SWITCHYARD_ATTEMPT = 'switchyard.attempt';
/** On a request span: how many attempts the request took. */
export const SWITCHYARD_ATTEMPTS = 'switchyard.attempts';
export const SWITCHYARD_KEY_ID = 'switchyard.key_id';
/** `success`, `error` or `client_disconnected`, as on the usage row. */
export const SWITCHYARD_OUTCOME = 'switchyard.outcome';
export const SWITCHYARD_COST_USD = 'switchyard.cost_usd';
export const SWITCHYARD_TOKENS_ESTIMATED = 'switchyard.tokens_estimated';
//# sourceMappingURL=gen-ai-attributes.js.map