/**
 * Canonical finish reason to OpenAI's `finish_reason`. OpenAI has no value for a failed or
 * unexplained stop, and its SDKs treat unknown values as errors, so those become 'stop'.
 */
export function mapFinishReason(reason) {
    switch (reason.unified) {
        case 'length':
        case 'tool_calls':
        case 'content_filter':
            return reason.unified;
        case 'stop':
        case 'error':
        case 'other':
            return 'stop';
    }
}
//# sourceMappingURL=map-finish-reason.js.map