/**
 * Parses and validates a client's OpenAI embeddings body. Text input becomes a canonical
 * EmbeddingRequest; token-array input (number[] or number[][]) cannot be translated to another
 * protocol, so it yields `request: null, tokenInput: true` and may only be passed through to an
 * OpenAI-protocol upstream.
 * https://platform.openai.com/docs/api-reference/embeddings/create
 */
import { z } from 'zod';
import { parseWithSchema } from './validation.js';
/** OpenAI's limit on inputs per request. */
const MAX_INPUTS = 2048;
const INPUT_RULE = `a non-empty string, an array of up to ${MAX_INPUTS} non-empty strings, or token arrays`;
const TOKENS_RULE = 'a non-empty array of token ids';
const text = z.string({ error: 'expected a non-empty string' }).min(1, { error: 'expected a non-empty string' });
const token = z.number({ error: 'expected a token id (a non-negative integer)' })
    .int({ error: 'expected a token id (a non-negative integer)' })
    .nonnegative({ error: 'expected a token id (a non-negative integer)' });
/** OpenAI: "any array must be 2048 dimensions or less", token arrays included. */
const arrayOf = (item, rule) => z.array(item, { error: `expected ${rule}` })
    .min(1, { error: `expected ${rule}` })
    .max(MAX_INPUTS, { error: `expected at most ${MAX_INPUTS} items` });
const embeddingRequestSchema = z.object({
    model: text,
    input: z.union([text, arrayOf(text, INPUT_RULE), arrayOf(token, INPUT_RULE), arrayOf(arrayOf(token, TOKENS_RULE), INPUT_RULE)], {
        error: `expected ${INPUT_RULE}`,
    }),
    encoding_format: z.enum(['float', 'base64'], { error: "expected 'float' or 'base64'" }).nullish(),
    dimensions: z.number({ error: 'expected a positive integer' })
        .int({ error: 'expected a positive integer' })
        .positive({ error: 'expected a positive integer' })
        .nullish(),
    user: z.string({ error: 'expected a string' }).nullish(),
});
export function parseEmbeddingRequest(body) {
    const parsed = parseWithSchema(embeddingRequestSchema, body);
    const input = parsed.input;
    if (typeof input !== 'string' && !input.every((item) => typeof item === 'string')) {
        return { request: null, tokenInput: true };
    }
    const request = {
        model: parsed.model,
        input: typeof input === 'string' ? [input] : input,
        encodingFormat: parsed.encoding_format ?? 'float',
    };
    if (parsed.dimensions != null)
        request.dimensions = parsed.dimensions;
    if (parsed.user != null)
        request.user = parsed.user;
    return { request, tokenInput: false };
}
//# sourceMappingURL=parse-embedding-request.js.map