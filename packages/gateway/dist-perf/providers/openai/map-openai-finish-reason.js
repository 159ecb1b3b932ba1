/**
 * Maps OpenAI's finish_reason to the unified one, keeping the raw value.
 * https://platform.openai.com/docs/api-reference/chat/object#chat/object-choices
 */
const UNIFIED = {
    stop: 'stop',
    length: 'length',
    tool_calls: 'tool_calls',
    // The deprecated functions API reports `function_call`; it is a tool call all the same.
    function_call: 'tool_calls',
    content_filter: 'content_filter',
    // Some OpenAI-compatible servers (vLLM, LocalAI) report `error` for a failed generation.
    error: 'error',
};
export function mapOpenAIFinishReason(raw) {
    if (typeof raw !== 'string')
        return { unified: 'other', raw: null };
    return { unified: UNIFIED[raw] ?? 'other', raw };
}
//# sourceMappingURL=map-openai-finish-reason.js.map