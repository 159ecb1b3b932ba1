/**
 * Canonical finish reason → Anthropic `stop_reason`.
 * https://docs.anthropic.com/en/api/handling-stop-reasons
 */
export function mapStopReason(options) {
    const { finishReason, hasToolCalls } = options;
    switch (finishReason?.unified) {
        case 'length':
            return 'max_tokens';
        case 'tool_calls':
            return 'tool_use';
        case 'content_filter':
            return 'refusal';
        case 'stop':
            if (finishReason.raw === 'stop_sequence')
                return 'stop_sequence';
            // Some OpenAI-compatible servers (vLLM, Ollama) end a tool-calling turn with "stop"; an
            // Anthropic client runs its tools only on "tool_use", so the calls decide.
            return hasToolCalls ? 'tool_use' : 'end_turn';
        default:
            return hasToolCalls ? 'tool_use' : 'end_turn';
    }
}
//# sourceMappingURL=map-stop-reason.js.map