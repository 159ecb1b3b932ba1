/** Configuration: YAML file with ${VAR} interpolation, environment detection, presets, defaults. */
export { loadConfig, checkConfig } from './loader.js';
export { ConfigError, LOG_LEVELS } from './types.js';
export { PROVIDER_PRESETS, AZURE_ENV, findPreset, presetForType, defaultModels } from './presets.js';
export { DEFAULTS, DEFAULT_TIMEOUTS } from './defaults.js';
export { configFileSchema } from './schema.js';
export { interpolate } from './interpolate.js';
export { parseByteSize } from './byte-size.js';
export { DEFAULT_TIERS } from './governance-config.js';
export { parseDuration } from './duration.js';
//# sourceMappingURL=index.js.map