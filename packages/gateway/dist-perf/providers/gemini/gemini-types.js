/**
 * The parts of the Gemini API (v1beta) request shape the adapter builds.
 * Reference: https://ai.google.dev/api/generate-content#request-body and
 * https://ai.google.dev/api/caching#Content. Responses are not typed here: they are read
 * tolerantly with the narrowing helpers of json-value.ts.
 */
export {};
//# sourceMappingURL=gemini-types.js.map