/** Anthropic message ids start with `msg_`; SDK users and logs expect it, so other ids get the prefix. */
export function toMessageId(id) {
    return id.startsWith('msg_') ? id : `msg_${id}`;
}
//# sourceMappingURL=message-id.js.map