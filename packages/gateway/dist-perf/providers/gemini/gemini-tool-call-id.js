/**
 * Tool call ids for Gemini function calls. Gemini gives no id to a function call (it pairs a
 * result with its call by name), so we make one, stable within a response. Gemini 3 also signs
 * function calls (`thoughtSignature`) and rejects a follow-up turn whose function calls lost their
 * signature (https://ai.google.dev/gemini-api/docs/thought-signatures). The id is the only thing a
 * client echoes back, so the signature travels inside it, base64url-encoded so the id stays within
 * `[A-Za-z0-9_-]` (the pattern Anthropic clients require of tool ids).
 */
import { createHash, randomUUID } from 'node:crypto';
const SIGNATURE_MARK = '__ts_';
/**
 * A sentinel Google documents for replaying function calls that carry no signature (history from
 * another model or from before signatures existed); Gemini 3 accepts it instead of a real one.
 */
export const SKIP_THOUGHT_SIGNATURE = 'skip_thought_signature_validator';
/** Makes the ids of one response: `call_<key>_<n>`, `<key>` derived from the response id. */
export function createToolCallIdFactory(responseId) {
    const key = createHash('sha256')
        .update(responseId ?? randomUUID())
        .digest('base64url')
        .replace(/[^A-Za-z0-9]/g, '')
        .slice(0, 12);
    let count = 0;
    return (call) => {
        const base = call.upstreamId && /^[A-Za-z0-9_-]+$/.test(call.upstreamId) ? call.upstreamId : `call_${key}_${count}`;
        count += 1;
        return call.thoughtSignature ? `${base}${SIGNATURE_MARK}${toBase64Url(call.thoughtSignature)}` : base;
    };
}
/** The thought signature carried by an id we made, if any. */
export function thoughtSignatureOf(toolCallId) {
    const at = toolCallId.indexOf(SIGNATURE_MARK);
    if (at === -1)
        return undefined;
    const encoded = toolCallId.slice(at + SIGNATURE_MARK.length);
    return encoded.length > 0 ? fromBase64Url(encoded) : undefined;
}
function toBase64Url(base64) {
    return base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
function fromBase64Url(encoded) {
    const base64 = encoded.replace(/-/g, '+').replace(/_/g, '/');
    return base64 + '='.repeat((4 - (base64.length % 4)) % 4);
}
//# sourceMappingURL=gemini-tool-call-id.js.map