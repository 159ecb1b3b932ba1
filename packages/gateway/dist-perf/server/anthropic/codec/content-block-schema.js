/**
 * Zod schemas for the content blocks of an inbound Anthropic Messages request. The blocks the
 * gateway translates (text, image, tool_use, tool_result, thinking) are validated strictly; any
 * other block type (document, search_result, server tool blocks, types newer than this code) is
 * kept as an `other` block so that a same-protocol pass-through can still forward it, and
 * translation can reject it by name. https://docs.anthropic.com/en/api/messages
 */
import { z } from 'zod';
const cacheControl = z.looseObject({ type: z.string() }).nullish();
/** Media types the Messages API accepts for images. */
export const IMAGE_MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'];
const imageSource = z.discriminatedUnion('type', [
    z.looseObject({ type: z.literal('base64'), media_type: z.enum(IMAGE_MEDIA_TYPES), data: z.string().min(1) }),
    z.looseObject({ type: z.literal('url'), url: z.string().min(1) }),
    // Files API reference (beta); valid input, but only an Anthropic upstream can resolve it.
    z.looseObject({ type: z.literal('file'), file_id: z.string().min(1) }),
]);
const textBlock = z.looseObject({ type: z.literal('text'), text: z.string(), cache_control: cacheControl });
const imageBlock = z.looseObject({ type: z.literal('image'), source: imageSource, cache_control: cacheControl });
/**
 * Builds a schema that validates blocks of the listed types with their own schema and turns
 * blocks of any other type into an OtherBlock. Issues of a known block keep their paths.
 */
function blockUnion(schemas) {
    return z.looseObject({ type: z.string().min(1) }).transform((block, context) => {
        const schema = Object.hasOwn(schemas, block.type) ? schemas[block.type] : undefined;
        if (schema === undefined)
            return { type: 'other', blockType: block.type };
        const result = schema.safeParse(block);
        if (result.success)
            return result.data;
        // Re-raised as they are, so the validation message names the block's own field.
        for (const issue of result.error.issues)
            context.addIssue(issue);
        return z.NEVER;
    });
}
/** Blocks allowed inside a tool_result's content. */
export const toolResultContentBlock = blockUnion({ text: textBlock, image: imageBlock });
const toolUseBlock = z.looseObject({
    type: z.literal('tool_use'),
    id: z.string().min(1),
    name: z.string().min(1),
    input: z.record(z.string(), z.unknown()),
    cache_control: cacheControl,
});
const toolResultBlock = z.looseObject({
    type: z.literal('tool_result'),
    tool_use_id: z.string().min(1),
    content: z.union([z.string(), z.array(toolResultContentBlock)]).nullish(),
    is_error: z.boolean().nullish(),
    cache_control: cacheControl,
});
const thinkingBlock = z.looseObject({ type: z.literal('thinking'), thinking: z.string(), signature: z.string() });
const redactedThinkingBlock = z.looseObject({ type: z.literal('redacted_thinking'), data: z.string() });
/** Any block of a message's content. */
export const contentBlock = blockUnion({
    text: textBlock,
    image: imageBlock,
    tool_use: toolUseBlock,
    tool_result: toolResultBlock,
    thinking: thinkingBlock,
    redacted_thinking: redactedThinkingBlock,
});
/** A system prompt block: text only. */
export const systemBlock = textBlock;
//# sourceMappingURL=content-block-schema.js.map