/**
 * The provider adapter contract. One adapter per wire protocol; OpenAI-compatible services are
 * presets of the openai adapter. Adapters translate canonical requests to their protocol and back,
 * and also relay same-protocol requests untouched (pass-through, DESIGN.md principle 2).
 */
export {};
//# sourceMappingURL=types.js.map