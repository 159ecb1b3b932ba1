/**
 * Providers detected from the environment: every preset whose key variable is set (or, for local
 * servers, whose base URL variable is set) becomes a provider with the preset's defaults.
 */
import { DEFAULT_TIMEOUTS } from './defaults.js';
import { envValue, presetApiKey, presetBaseUrlFromEnv, urlProblem } from './env-values.js';
import { AZURE_ENV, PROVIDER_PRESETS } from './presets.js';
/** Detects providers from the environment, leaving out ids the config file already uses. */
export function detectEnvProviders(env, takenIds) {
    const providers = [];
    const problems = [];
    for (const preset of PROVIDER_PRESETS) {
        if (preset.type === 'simulator' || takenIds.has(preset.id))
            continue;
        const detected = detectPreset(preset, env);
        if (detected === undefined)
            continue;
        if ('problem' in detected)
            problems.push(detected.problem);
        else
            providers.push(detected.provider);
    }
    return { providers, problems };
}
function detectPreset(preset, env) {
    const apiKey = presetApiKey(preset, env);
    const baseUrlFromEnv = presetBaseUrlFromEnv(preset, env);
    const enabled = apiKey !== undefined || (preset.enabledByBaseUrl && baseUrlFromEnv !== undefined);
    if (!enabled)
        return undefined;
    if (preset.azureDeployments && baseUrlFromEnv === undefined) {
        return { problem: `environment variable ${preset.apiKeyEnv[0]} is set but ${AZURE_ENV.endpoint} is not (https://RESOURCE.openai.azure.com)` };
    }
    const baseUrl = baseUrlFromEnv?.value ?? preset.baseUrl;
    const badUrl = urlProblem(baseUrl);
    if (badUrl !== undefined && baseUrlFromEnv !== undefined) {
        return { problem: `environment variable ${baseUrlFromEnv.name}: ${badUrl}` };
    }
    const query = {};
    if (preset.azureDeployments) {
        query['api-version'] = envValue(env, AZURE_ENV.apiVersion) ?? AZURE_ENV.defaultApiVersion;
    }
    return {
        provider: {
            id: preset.id,
            type: preset.type,
            preset: preset.id,
            baseUrl,
            apiKey,
            authHeader: apiKey === undefined ? 'none' : preset.authHeader,
            headers: {},
            query,
            azureDeployments: preset.azureDeployments,
            supportsStreamUsage: preset.supportsStreamUsage,
            timeouts: { ...DEFAULT_TIMEOUTS },
        },
    };
}
//# sourceMappingURL=env-providers.js.map