/**
 * The OpenAI chat request shapes the adapter sends (request side only; responses are parsed
 * tolerantly instead). https://platform.openai.com/docs/api-reference/chat/create
 */
export {};
//# sourceMappingURL=openai-api-types.js.map