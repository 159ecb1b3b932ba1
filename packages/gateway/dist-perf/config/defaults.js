/** Default values of the configuration, in one place so the schema, loader and docs agree. */
export const DEFAULT_TIMEOUTS = Object.freeze({
    connectMs: 10_000,
    firstByteMs: 60_000,
    totalMs: 600_000,
    streamIdleMs: 120_000,
});
export const DEFAULTS = {
    port: 3000,
    host: '0.0.0.0',
    bodyLimit: '4mb',
    shutdownGraceMs: 10_000,
    databaseUrl: 'sqlite:./data/switchyard.db',
    routingStrategy: 'round-robin',
    logLevel: 'info',
    deploymentWeight: 1,
    /** Output cap sent when a protocol requires one (Anthropic) and the client set none. */
    maxTokens: 4096,
    usageBatchSize: 500,
    usageFlushIntervalMs: 250,
    usageQueueLimit: 100_000,
    configFileName: 'switchyard.yaml',
    healthCheckIntervalMs: 30_000,
    healthCheckTimeoutMs: 5_000,
};
//# sourceMappingURL=defaults.js.map