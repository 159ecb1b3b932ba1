/**
 * Anthropic's stop_reason to the unified finish reason, keeping the raw value.
 * https://docs.anthropic.com/en/api/handling-stop-reasons
 */
const UNIFIED = {
    end_turn: 'stop',
    stop_sequence: 'stop',
    max_tokens: 'length',
    // The answer was cut by the model's context window rather than max_tokens: still a truncation.
    model_context_window_exceeded: 'length',
    tool_use: 'tool_calls',
    refusal: 'content_filter',
};
/** `pause_turn` (a server tool paused the turn) and values added later map to `other`. */
export function mapAnthropicStopReason(raw) {
    if (raw === null || raw === undefined)
        return { unified: 'other', raw: null };
    return { unified: UNIFIED[raw] ?? 'other', raw };
}
//# sourceMappingURL=map-anthropic-stop-reason.js.map