/** Canonical embeddings request and response. */
export {};
//# sourceMappingURL=embeddings.js.map