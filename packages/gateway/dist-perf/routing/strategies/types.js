/** The routing strategy contract: given a group's available deployments, the order to try them in. */
export {};
//# sourceMappingURL=types.js.map