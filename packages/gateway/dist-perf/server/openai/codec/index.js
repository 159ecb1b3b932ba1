/** The OpenAI protocol as clients speak it to the gateway: request parsing and response rendering. Pure functions. */
export { parseChatCompletionRequest } from './parse-chat-completion-request.js';
export { parseEmbeddingRequest } from './parse-embedding-request.js';
export { renderChatCompletion } from './render-chat-completion.js';
export { createChatStreamRenderer } from './chat-stream-renderer.js';
export { renderEmbeddings } from './render-embeddings.js';
export { renderOpenAIError } from './render-openai-error.js';
export { OPENAI_ERROR_CODES, openAIErrorCode } from './openai-error-codes.js';
export { renderModelList } from './render-model-list.js';
export { mapFinishReason } from './map-finish-reason.js';
//# sourceMappingURL=index.js.map