/** Anthropic message ids start with `msg_`; SDK users and logs expect it, so other ids get the prefix. */

export function toMessageId(id: string): string {
  return id.startsWith('msg_') ? id : `msg_${id}`;
}
