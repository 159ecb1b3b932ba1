/**
 * The zod schema of an inbound Anthropic Messages request (`POST /v1/messages`). Known fields are
 * validated strictly; unknown fields are allowed, since a same-protocol pass-through forwards them
 * (`thinking`, `service_tier`, `mcp_servers`, …). Optional fields also accept null, as clients
 * that serialise unset options as null are common. https://docs.anthropic.com/en/api/messages
 */
import { z } from 'zod';
import { contentBlock, systemBlock } from './content-block-schema.js';
import { tool, toolChoice } from './tool-schema.js';
const message = z
    .looseObject({
    role: z.enum(['user', 'assistant']),
    content: z.union([z.string(), z.array(contentBlock)]),
})
    .superRefine((input, context) => {
    if (typeof input.content === 'string')
        return;
    input.content.forEach((block, index) => {
        // The API pairs calls and results by turn: calls come from the assistant, results from the user.
        const misplaced = (block.type === 'tool_use' && input.role !== 'assistant') ||
            (block.type === 'tool_result' && input.role !== 'user');
        if (!misplaced)
            return;
        const owner = block.type === 'tool_use' ? 'assistant' : 'user';
        context.addIssue({
            code: 'custom',
            path: ['content', index, 'type'],
            message: `${block.type} blocks are only allowed in ${owner} messages`,
        });
    });
});
export const messagesRequest = z.looseObject({
    model: z.string().min(1),
    // Required by the real API, so it is here too: a client that works with us works with Anthropic.
    max_tokens: z.int().min(1),
    messages: z.array(message).min(1),
    system: z.union([z.string(), z.array(systemBlock)]).nullish(),
    tools: z.array(tool).nullish(),
    tool_choice: toolChoice.nullish(),
    stop_sequences: z.array(z.string()).nullish(),
    temperature: z.number().min(0).max(1).nullish(),
    top_p: z.number().min(0).max(1).nullish(),
    top_k: z.int().min(0).nullish(),
    metadata: z.looseObject({ user_id: z.string().nullish() }).nullish(),
    stream: z.boolean().nullish(),
});
//# sourceMappingURL=request-schema.js.map