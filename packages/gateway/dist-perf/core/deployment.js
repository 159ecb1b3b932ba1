/**
 * Resolved providers, deployments and model groups: what the configuration loader produces and
 * what routing and provider adapters consume. Secrets are plain here; they never leave the process.
 */
export {};
//# sourceMappingURL=deployment.js.map