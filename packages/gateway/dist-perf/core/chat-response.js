/** The canonical chat response and stream events, produced by providers and rendered by inbound protocols. */
export {};
//# sourceMappingURL=chat-response.js.map