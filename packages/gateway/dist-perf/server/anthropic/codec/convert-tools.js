/**
 * Translates Anthropic `tools` and `tool_choice` into canonical tool definitions and choice.
 * Anthropic's `any` ("use some tool") is OpenAI's `required`; `disable_parallel_tool_use` is the
 * negation of `parallel_tool_calls`. https://docs.anthropic.com/en/docs/agents-and-tools/tool-use/implement-tool-use
 */
import { throwUntranslatable, unsupported } from './unsupported.js';
export function convertTools(tools, report = throwUntranslatable) {
    return tools.flatMap((tool, index) => {
        if (tool.type === 'server') {
            // Server tools run inside Anthropic's platform; no other provider can execute them.
            report(unsupported({ param: `tools.${index}.type`, what: `The server tool '${tool.toolType}'` }));
            return [];
        }
        const definition = { name: tool.name, parameters: tool.input_schema };
        if (typeof tool.description === 'string')
            definition.description = tool.description;
        return [definition];
    });
}
export function convertToolChoice(choice) {
    const converted = { toolChoice: toCanonical(choice) };
    const disable = 'disable_parallel_tool_use' in choice ? choice.disable_parallel_tool_use : undefined;
    if (typeof disable === 'boolean')
        converted.parallelToolCalls = !disable;
    return converted;
}
function toCanonical(choice) {
    switch (choice.type) {
        case 'auto':
            return { type: 'auto' };
        case 'any':
            return { type: 'required' };
        case 'tool':
            return { type: 'tool', name: choice.name };
        case 'none':
            return { type: 'none' };
    }
}
//# sourceMappingURL=convert-tools.js.map