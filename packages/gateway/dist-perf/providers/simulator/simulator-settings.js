/**
 * Default behaviour of the built-in simulator provider. The configuration overrides any of these
 * per provider; the adapter falls back to them when a provider carries no simulator settings.
 */
export const DEFAULT_SIMULATOR_SETTINGS = Object.freeze({
    latencyMeanMs: 40,
    latencyStdDevMs: 10,
    chunkIntervalMs: 15,
    answerWords: 30,
    errorRate: 0,
    seed: 42,
});
/** Fills the fields a configuration left out with the defaults. */
export function withSimulatorDefaults(settings) {
    const merged = { ...DEFAULT_SIMULATOR_SETTINGS };
    for (const key of Object.keys(merged)) {
        const value = settings?.[key];
        if (value !== undefined)
            merged[key] = value;
    }
    return merged;
}
//# sourceMappingURL=simulator-settings.js.map