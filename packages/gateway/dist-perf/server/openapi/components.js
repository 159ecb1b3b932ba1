/**
 * The shared pieces of the document: security schemes, the headers and parameters every route
 * shares, and small schema helpers for the area files (openai-*.ts, anthropic-*.ts, …).
 */
import { ref } from './openapi-types.js';
/** Both ways of sending a key are accepted on every authenticated route (src/pipeline/authenticate.ts). */
export const SECURITY_SCHEMES = {
    bearerAuth: {
        type: 'http',
        scheme: 'bearer',
        description: 'The master key or a virtual key as `Authorization: Bearer <key>` (what the OpenAI SDKs send).',
    },
    apiKeyAuth: {
        type: 'apiKey',
        in: 'header',
        name: 'x-api-key',
        description: 'The same key as `x-api-key: <key>` (what the Anthropic SDKs send).',
    },
};
/** Either scheme satisfies an authenticated route. */
export const KEY_SECURITY = [{ bearerAuth: [] }, { apiKeyAuth: [] }];
/** Public routes: no key needed. */
export const PUBLIC_SECURITY = [];
export const HEADERS = {
    RequestId: {
        description: "The gateway's own id for the request (`req_…`), unique per request. It names the request in logs and usage rows.",
        required: true,
        schema: { type: 'string', examples: ['req_3f9a1c0d5e7b2a4c6d8e0f12'] },
    },
    Provider: {
        description: 'The id of the configured provider that served (or last failed) the request, once a deployment was chosen.',
        schema: { type: 'string', examples: ['openai'] },
    },
    Rule: {
        description: 'The conditional routing rule (`routing.rules`) that sent the request to another model group, when one did: its name, or `rules[N]`.',
        schema: { type: 'string', examples: ['long-prompts'] },
    },
    RetryAfter: {
        description: 'Seconds to wait before retrying, when the upstream said so.',
        schema: { type: 'string', pattern: '^[0-9]+$', examples: ['20'] },
    },
    ShouldRetry: {
        description: "Whether the official SDKs should retry: `false` on a 429 that retrying cannot fix (e.g. a budget), `true`/`false` on 5xx by whether the failure is transient. The SDKs obey it before looking at the status.",
        schema: { type: 'string', enum: ['true', 'false'] },
    },
    AnthropicRequestId: {
        description: "The request id again under Anthropic's name, which the Anthropic SDK reads into `error.requestID`.",
        schema: { type: 'string', examples: ['req_3f9a1c0d5e7b2a4c6d8e0f12'] },
    },
};
export const PARAMETERS = {
    RequestId: {
        name: 'x-request-id',
        in: 'header',
        required: false,
        description: 'Your own id for the request. Logged beside the gateway\'s own id (`clientRequestId`) so your logs and the gateway\'s line up; the response\'s x-request-id is always the gateway\'s own, unique id.',
        schema: { type: 'string', pattern: '^[\\w.:-]{1,128}$' },
        example: 'checkout-7f3a',
    },
    AnthropicVersion: {
        name: 'anthropic-version',
        in: 'header',
        required: false,
        description: 'The Anthropic API version (the Anthropic SDK sends it). Forwarded upstream when the request is passed through to an Anthropic provider.',
        schema: { type: 'string', examples: ['2023-06-01'] },
    },
    AnthropicBeta: {
        name: 'anthropic-beta',
        in: 'header',
        required: false,
        description: 'Comma-separated Anthropic beta flags. Forwarded upstream only on a pass-through to an Anthropic provider; no effect when translated.',
        schema: { type: 'string', examples: ['prompt-caching-2024-07-31'] },
    },
    UseCase: {
        name: 'x-switchyard-use-case',
        in: 'header',
        required: false,
        description: 'Routing hint for the `intelligent` strategy and for rules: `chat`, `code`, `analysis`, `creative`, `summarization`, `extraction`, `classification`. Also accepted as `metadata.use_case` in the body.',
        schema: { type: 'string', examples: ['code'] },
    },
    Priority: {
        name: 'x-switchyard-priority',
        in: 'header',
        required: false,
        description: 'Routing hint and queue priority: `low`, `normal` (default) or `high`. Also `metadata.priority` in the body.',
        schema: { type: 'string', enum: ['low', 'normal', 'high'] },
    },
    Budget: {
        name: 'x-switchyard-budget',
        in: 'header',
        required: false,
        description: '`strict` makes the `intelligent` strategy weigh cost above everything else. Also `metadata.budget` in the body.',
        schema: { type: 'string', enum: ['strict', 'normal'] },
    },
    Fallbacks: {
        name: 'x-switchyard-fallbacks',
        in: 'header',
        required: false,
        description: 'Comma-separated model groups to fall back to for this request, replacing the configured list (the body field `fallbacks` does the same and is not forwarded upstream).',
        schema: { type: 'string', examples: ['claude-sonnet, gemini-2.5-flash'] },
    },
    ModelsAnthropicVersion: {
        name: 'anthropic-version',
        in: 'header',
        required: false,
        description: "When present (any value), the answer takes the Anthropic Models API shape instead of OpenAI's, so the Anthropic SDK's `models.list()` works.",
        schema: { type: 'string', examples: ['2023-06-01'] },
    },
    ModelName: {
        name: 'model',
        in: 'path',
        required: true,
        description: 'A model group name as listed by GET /v1/models. It may contain slashes (`openai/gpt-4o`), sent as they are or percent-encoded.',
        schema: { type: 'string', minLength: 1 },
        example: 'gpt-4o',
    },
};
/** The headers of every response. */
export const COMMON_HEADERS = { 'x-request-id': ref('headers', 'RequestId') };
/** The headers of a data-plane answer (JSON or stream). */
export const ANSWER_HEADERS = {
    ...COMMON_HEADERS,
    'x-switchyard-provider': ref('headers', 'Provider'),
    'x-switchyard-rule': ref('headers', 'Rule'),
};
/** Request headers that steer routing on every data-plane call. */
export const ROUTING_PARAMETERS = [ref('parameters', 'UseCase'), ref('parameters', 'Priority'), ref('parameters', 'Budget'), ref('parameters', 'Fallbacks')];
/** `type` plus null: OpenAPI 3.1 spells a nullable field as a type array. */
export function nullable(schema) {
    if (schema.$ref !== undefined)
        return { anyOf: [schema, { type: 'null' }] };
    if (schema.type === undefined) {
        // The description belongs to the field, not to one of its alternatives.
        const { description, ...rest } = schema;
        return { ...(description === undefined ? {} : { description }), anyOf: [rest, { type: 'null' }] };
    }
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    const widened = { ...schema, type: [...types, 'null'] };
    if (schema.enum !== undefined)
        widened.enum = [...schema.enum, null];
    return widened;
}
export function string(description, extra = {}) {
    return { type: 'string', description, ...extra };
}
export function integer(description, extra = {}) {
    return { type: 'integer', description, ...extra };
}
export function number(description, extra = {}) {
    return { type: 'number', description, ...extra };
}
/** An object schema; `required` lists the names that must be present. */
export function object(properties, required = [], extra = {}) {
    return { type: 'object', properties, ...(required.length > 0 ? { required } : {}), ...extra };
}
/** A JSON Schema object given by the client (tool parameters, response schemas). */
export const JSON_SCHEMA_OBJECT = { type: 'object', description: 'A JSON Schema object.', additionalProperties: true };
//# sourceMappingURL=components.js.map