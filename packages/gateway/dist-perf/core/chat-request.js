/**
 * The canonical chat request: what every inbound protocol is parsed into and every translating
 * provider adapter is built from. Its shape follows OpenAI's chat model (the most widely spoken),
 * with content always as typed parts and tool calls as first-class fields.
 */
export {};
//# sourceMappingURL=chat-request.js.map