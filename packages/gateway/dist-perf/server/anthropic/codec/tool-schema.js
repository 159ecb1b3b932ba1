/**
 * Zod schemas for `tools` and `tool_choice` of an inbound Anthropic Messages request. Custom tools
 * (no `type`, or `type: "custom"`) are validated strictly; server tools (web search, bash, text
 * editor, …, each with a versioned `type`) are kept as `server` tools for pass-through and
 * rejected by name when translating. https://docs.anthropic.com/en/docs/agents-and-tools/tool-use/overview
 */
import { z } from 'zod';
const customTool = z.looseObject({
    type: z.literal('custom').nullish(),
    name: z.string().min(1),
    description: z.string().nullish(),
    input_schema: z.record(z.string(), z.unknown()),
    cache_control: z.looseObject({ type: z.string() }).nullish(),
});
export const tool = z
    .looseObject({ type: z.string().nullish() })
    .transform((input, context) => {
    if (input.type !== undefined && input.type !== null && input.type !== 'custom') {
        return { type: 'server', toolType: input.type, name: typeof input['name'] === 'string' ? input['name'] : undefined };
    }
    const result = customTool.safeParse(input);
    if (result.success)
        return result.data;
    for (const issue of result.error.issues)
        context.addIssue(issue);
    return z.NEVER;
});
const parallel = { disable_parallel_tool_use: z.boolean().nullish() };
export const toolChoice = z.discriminatedUnion('type', [
    z.looseObject({ type: z.literal('auto'), ...parallel }),
    z.looseObject({ type: z.literal('any'), ...parallel }),
    z.looseObject({ type: z.literal('tool'), name: z.string().min(1), ...parallel }),
    z.looseObject({ type: z.literal('none') }),
]);
//# sourceMappingURL=tool-schema.js.map