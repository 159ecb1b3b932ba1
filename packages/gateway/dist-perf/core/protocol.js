/** Wire protocols: what a client speaks to us (inbound) and what we speak to a provider (upstream). */
export const WIRE_PROTOCOLS = ['openai', 'anthropic', 'gemini', 'simulator'];
//# sourceMappingURL=protocol.js.map