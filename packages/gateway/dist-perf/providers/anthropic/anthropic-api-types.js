/**
 * The parts of the Anthropic Messages API request we build when translating a canonical request.
 * Only what we send is typed; responses are read tolerantly (json-fields.ts).
 * https://docs.anthropic.com/en/api/messages
 */
export {};
//# sourceMappingURL=anthropic-api-types.js.map