/**
 * Reading a preset's settings from the environment: key, base URL override, model list. Empty
 * variables count as unset, so `OPENAI_API_KEY=` in a compose file does not enable a provider.
 */
import { AZURE_ENV } from './presets.js';
export function envValue(env, name) {
    const value = env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
}
/** The first of several variables that is set, with its name. */
export function firstEnv(env, names) {
    for (const name of names) {
        const value = envValue(env, name);
        if (value !== undefined)
            return { name, value };
    }
    return undefined;
}
export function presetApiKey(preset, env) {
    return firstEnv(env, preset.apiKeyEnv)?.value;
}
/** The base URL the environment sets for a preset, with the variable it came from. */
export function presetBaseUrlFromEnv(preset, env) {
    const override = firstEnv(env, preset.baseUrlEnv);
    if (override !== undefined || preset.id !== 'azure')
        return override;
    const endpoint = firstEnv(env, [AZURE_ENV.endpoint]);
    return endpoint === undefined ? undefined : { name: endpoint.name, value: azureBaseUrl(endpoint.value) };
}
/** The preset's models: a comma-separated list variable when the preset has one and it is set, else the defaults. */
export function presetModels(preset, env) {
    const listed = preset.modelsEnv === undefined ? undefined : envValue(env, preset.modelsEnv);
    if (listed !== undefined) {
        return listed
            .split(',')
            .map((name) => name.trim())
            .filter((name) => name !== '');
    }
    return [...preset.chatModels, ...preset.embeddingModels];
}
/**
 * Azure endpoints are given as `https://RESOURCE.openai.azure.com`; the SDK's baseURL is that plus
 * `/openai` (see AzureOpenAI in the openai package), so a bare endpoint gets it appended.
 */
export function azureBaseUrl(endpoint) {
    try {
        const url = new URL(endpoint);
        if (url.pathname === '/' || url.pathname === '')
            return `${endpoint.replace(/\/+$/, '')}/openai`;
    }
    catch {
        // Left as is: the URL check reports it.
    }
    return endpoint;
}
/** Why a base URL is unusable, or undefined when it is fine. */
export function urlProblem(value) {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        return `invalid URL "${value}"`;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
        return `invalid URL "${value}": expected http:// or https://`;
    return undefined;
}
//# sourceMappingURL=env-values.js.map