/** The gateway's contracts: canonical types and errors. Imports nothing else of ours. */
export * from './errors.js';
export * from './protocol.js';
export * from './usage.js';
export * from './finish-reason.js';
export * from './chat-request.js';
export * from './chat-response.js';
export * from './embeddings.js';
export * from './deployment.js';
export * from './deployment-facts.js';
//# sourceMappingURL=index.js.map