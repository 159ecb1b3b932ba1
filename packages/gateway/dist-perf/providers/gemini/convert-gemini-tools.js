/**
 * Canonical tools and tool choice to Gemini `tools` and `toolConfig`
 * (https://ai.google.dev/api/caching#Tool, https://ai.google.dev/gemini-api/docs/function-calling#function_calling_modes).
 * Schemas go as `parametersJsonSchema`, which v1beta takes as plain JSON Schema, so no conversion
 * to the OpenAPI subset of `parameters` is needed.
 */
export function convertGeminiTools(tools, toolChoice) {
    if (!tools || tools.length === 0)
        return {};
    const functionDeclarations = tools.map((tool) => {
        const declaration = { name: tool.name };
        if (tool.description !== undefined)
            declaration.description = tool.description;
        // A function without parameters is declared without a schema.
        if (Object.keys(tool.parameters).length > 0)
            declaration.parametersJsonSchema = tool.parameters;
        return declaration;
    });
    const toolConfig = convertToolChoice(toolChoice);
    return toolConfig ? { tools: [{ functionDeclarations }], toolConfig } : { tools: [{ functionDeclarations }] };
}
function convertToolChoice(toolChoice) {
    switch (toolChoice?.type) {
        case undefined:
            return undefined;
        case 'auto':
            return { functionCallingConfig: { mode: 'AUTO' } };
        case 'none':
            return { functionCallingConfig: { mode: 'NONE' } };
        case 'required':
            return { functionCallingConfig: { mode: 'ANY' } };
        case 'tool':
            return { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: [toolChoice.name] } };
    }
}
//# sourceMappingURL=convert-gemini-tools.js.map