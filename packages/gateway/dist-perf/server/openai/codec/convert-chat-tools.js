/** OpenAI tools, tool_choice and response_format (shape-checked by the schema) to canonical ones. */
import { invalidRequest } from './validation.js';
/** A tool without parameters takes no arguments; providers that require a schema get an empty one. */
const EMPTY_PARAMETERS = { type: 'object', properties: {} };
export function convertTools(tools) {
    return tools.map(({ function: definition }) => {
        const tool = { name: definition.name, parameters: definition.parameters ?? { ...EMPTY_PARAMETERS } };
        if (definition.description != null)
            tool.description = definition.description;
        if (definition.strict != null)
            tool.strict = definition.strict;
        return tool;
    });
}
/** OpenAI rejects a named tool_choice that names no declared tool; so do we, before any upstream does. */
export function convertToolChoice(choice, tools) {
    if (typeof choice === 'string')
        return { type: choice };
    const name = choice.function.name;
    if (!tools?.some((tool) => tool.name === name)) {
        throw invalidRequest(['tool_choice', 'function', 'name'], `names '${name}', which is not one of the request's tools`);
    }
    return { type: 'tool', name };
}
export function convertResponseFormat(format) {
    if (format.type !== 'json_schema')
        return { type: format.type };
    const { name, schema, strict, description } = format.json_schema;
    const converted = { type: 'json_schema', name, schema: schema ?? { ...EMPTY_PARAMETERS } };
    if (strict != null)
        converted.strict = strict;
    if (description != null)
        converted.description = description;
    return converted;
}
//# sourceMappingURL=convert-chat-tools.js.map