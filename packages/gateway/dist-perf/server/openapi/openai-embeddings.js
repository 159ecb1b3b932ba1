/**
 * POST /v1/embeddings in the document, after parse-embedding-request.ts and render-embeddings.ts.
 * https://platform.openai.com/docs/api-reference/embeddings/create
 */
import { renderEmbeddings } from '../openai/codec/render-embeddings.js';
import { SAMPLE_EMBEDDINGS } from './canonical-samples.js';
import { ANSWER_HEADERS, KEY_SECURITY, integer, nullable, object, string, ROUTING_PARAMETERS } from './components.js';
import { errorResponses } from './errors.js';
import { ref } from './openapi-types.js';
const MAX_INPUTS = 2048;
const text = { type: 'string', minLength: 1 };
const token = { type: 'integer', minimum: 0 };
export const OPENAI_EMBEDDINGS_SCHEMAS = {
    EmbeddingRequest: object({
        model: string('A model group name from GET /v1/models.', { minLength: 1, examples: ['text-embedding-3-small'] }),
        input: {
            description: `What to embed: a string, up to ${MAX_INPUTS} strings, or token ids. Token ids work only when the model's deployment speaks the OpenAI protocol (they are passed through); otherwise they get a 400.`,
            oneOf: [
                text,
                { type: 'array', items: text, minItems: 1, maxItems: MAX_INPUTS },
                { type: 'array', items: token, minItems: 1, maxItems: MAX_INPUTS },
                { type: 'array', items: { type: 'array', items: token, minItems: 1, maxItems: MAX_INPUTS }, minItems: 1, maxItems: MAX_INPUTS },
            ],
        },
        encoding_format: nullable(string('`base64` sends each vector as little-endian float32 bytes in base64.', { enum: ['float', 'base64'], default: 'float' })),
        dimensions: nullable(integer('Shorten vectors to this many dimensions, where the model supports it.', { minimum: 1 })),
        user: nullable(string('Your id for the end user.')),
    }, ['model', 'input']),
    EmbeddingList: object({
        object: { const: 'list' },
        data: {
            type: 'array',
            items: object({
                object: { const: 'embedding' },
                index: integer('The position of the input this vector is for.'),
                embedding: { description: 'The vector, or its base64 text.', oneOf: [{ type: 'array', items: { type: 'number' } }, { type: 'string', contentEncoding: 'base64' }] },
            }, ['object', 'index', 'embedding']),
        },
        model: string('The model name you sent.'),
        usage: object({ prompt_tokens: { type: 'integer' }, total_tokens: { type: 'integer' } }, ['prompt_tokens', 'total_tokens']),
    }, ['object', 'data', 'model', 'usage']),
};
export const EMBEDDINGS_OPERATION = {
    operationId: 'createEmbeddings',
    summary: 'Create embeddings (OpenAI protocol)',
    description: 'Embeds text with the model group named by `model`. Passed through to OpenAI-protocol deployments (token-array input included), translated for Gemini and the simulator. A model whose provider has no embeddings API gets a 400 `unsupported_operation`.',
    tags: ['OpenAI'],
    security: KEY_SECURITY,
    parameters: [ref('parameters', 'RequestId'), ...ROUTING_PARAMETERS],
    requestBody: {
        required: true,
        content: {
            'application/json': {
                schema: ref('schemas', 'EmbeddingRequest'),
                examples: {
                    text: { summary: 'One text', value: { model: 'text-embedding-3-small', input: 'The food was delicious.' } },
                    batch: { summary: 'Several texts, base64', value: { model: 'text-embedding-3-small', input: ['first', 'second'], encoding_format: 'base64' } },
                },
            },
        },
    },
    responses: {
        '200': {
            description: 'One vector per input, in input order.',
            headers: ANSWER_HEADERS,
            content: {
                'application/json': {
                    schema: ref('schemas', 'EmbeddingList'),
                    examples: { float: { summary: 'Floats', value: renderEmbeddings(SAMPLE_EMBEDDINGS, { model: 'text-embedding-3-small', encodingFormat: 'float' }) } },
                },
            },
        },
        ...errorResponses('openai'),
    },
};
//# sourceMappingURL=openai-embeddings.js.map