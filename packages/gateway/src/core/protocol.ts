/** Wire protocols: what a client speaks to us (inbound) and what we speak to a provider (upstream). */

/** Protocols a client may speak to the gateway. */
export type InboundProtocol = 'openai' | 'anthropic';

/** Wire protocols of upstream providers; `simulator` is the built-in in-process provider. */
export type WireProtocol = 'openai' | 'anthropic' | 'gemini' | 'simulator';

export const WIRE_PROTOCOLS: readonly WireProtocol[] = ['openai', 'anthropic', 'gemini', 'simulator'];
