/**
 * Gemini finish reasons to the canonical ones (https://ai.google.dev/api/generate-content#FinishReason).
 * Gemini ends a turn that called functions with STOP; it becomes `tool_calls` so that clients
 * know to run them.
 */
const CONTENT_FILTER = new Set([
    'SAFETY',
    'RECITATION',
    'BLOCKLIST',
    'PROHIBITED_CONTENT',
    'SPII',
    'IMAGE_SAFETY',
    'IMAGE_PROHIBITED_CONTENT',
    'IMAGE_RECITATION',
]);
export function mapGeminiFinishReason(raw, options) {
    return { unified: unify(raw, options.hasToolCalls), raw };
}
function unify(raw, hasToolCalls) {
    if (raw === 'STOP')
        return hasToolCalls ? 'tool_calls' : 'stop';
    if (raw === 'MAX_TOKENS')
        return 'length';
    if (CONTENT_FILTER.has(raw))
        return 'content_filter';
    return 'other';
}
/** A prompt Gemini refused to answer at all (`promptFeedback.blockReason`). */
export function blockedPromptFinishReason(blockReason) {
    return { unified: 'content_filter', raw: blockReason };
}
//# sourceMappingURL=map-gemini-finish-reason.js.map