/**
 * Turns the file's `providers:` entries into ProviderSettings. Each entry inherits from a preset:
 * the one it names (`preset: groq`), else the one its id names (`openai:`), else the generic
 * preset of its `type`. Only an entry tied to a preset by name takes that preset's key from the
 * environment, so a key is never sent to a host it was not meant for.
 */
import { withSimulatorDefaults } from '../providers/simulator/simulator-settings.js';
import { DEFAULT_TIMEOUTS } from './defaults.js';
import { didYouMean } from './did-you-mean.js';
import { azureBaseUrl, envValue, presetApiKey, presetBaseUrlFromEnv, urlProblem } from './env-values.js';
import { formatPath } from './format-path.js';
import { AZURE_ENV, PROVIDER_PRESETS, findPreset, presetForType } from './presets.js';
export function resolveFileProviders(entries, env) {
    const providers = [];
    const problems = [];
    for (const [id, entry] of Object.entries(entries)) {
        const before = problems.length;
        const provider = resolveProvider({ id, entry, env, problems });
        if (provider !== undefined && problems.length === before)
            providers.push(provider);
    }
    return { providers, problems };
}
function resolveProvider(input) {
    const { id, entry, env, problems } = input;
    const path = formatPath(['providers', id]);
    const choice = choosePreset(input, path);
    if (choice === undefined)
        return undefined;
    const { preset, linked } = choice;
    const type = preset.type;
    const baseUrl = resolveBaseUrl({ ...input, preset, path });
    const explicitKey = entry.apiKey === undefined || entry.apiKey === '' ? undefined : entry.apiKey;
    const apiKey = explicitKey === 'none' ? undefined : (explicitKey ?? (linked ? presetApiKey(preset, env) : undefined));
    const needsKey = preset.apiKeyEnv.length > 0 && !preset.enabledByBaseUrl;
    const usesDefaultHost = entry.baseUrl === undefined && presetBaseUrlFromEnv(preset, env) === undefined;
    if (apiKey === undefined && explicitKey !== 'none' && needsKey && usesDefaultHost) {
        const fromEnv = linked ? `, or ${preset.apiKeyEnv.join(' or ')} in the environment` : '';
        problems.push(`${path}.apiKey: required: set apiKey (or "apiKey: none")${fromEnv}`);
    }
    const query = { ...entry.query };
    if (preset.azureDeployments) {
        const apiVersion = entry.apiVersion ?? (linked ? envValue(env, AZURE_ENV.apiVersion) : undefined) ?? query['api-version'];
        if (apiVersion === undefined)
            problems.push(`${path}.apiVersion: required for Azure OpenAI (for example ${AZURE_ENV.defaultApiVersion})`);
        else
            query['api-version'] = apiVersion;
    }
    else if (entry.apiVersion !== undefined) {
        problems.push(`${path}.apiVersion: only Azure OpenAI providers (preset: azure) take an apiVersion`);
    }
    if (entry.simulator !== undefined && type !== 'simulator') {
        problems.push(`${path}.simulator: only providers of type simulator take simulator settings`);
    }
    return {
        id,
        type,
        preset: preset.id,
        baseUrl,
        apiKey,
        authHeader: apiKey === undefined ? 'none' : (entry.authHeader ?? preset.authHeader),
        headers: { ...entry.headers },
        query,
        azureDeployments: preset.azureDeployments,
        supportsStreamUsage: entry.supportsStreamUsage ?? preset.supportsStreamUsage,
        timeouts: { ...DEFAULT_TIMEOUTS, ...definedOnly(entry.timeouts ?? {}) },
        ...(type === 'simulator' ? { simulator: withSimulatorDefaults(entry.simulator) } : {}),
    };
}
function choosePreset(input, path) {
    const { id, entry, problems } = input;
    if (entry.preset !== undefined) {
        const named = findPreset(entry.preset);
        if (named === undefined) {
            const suggestion = didYouMean(entry.preset, PROVIDER_PRESETS.map((preset) => preset.id));
            const hint = suggestion === undefined ? ` (known: ${PROVIDER_PRESETS.map((preset) => preset.id).join(', ')})` : ` (did you mean "${suggestion}"?)`;
            problems.push(`${path}.preset: unknown preset "${entry.preset}"${hint}`);
            return undefined;
        }
        if (entry.type !== undefined && entry.type !== named.type) {
            problems.push(`${path}.type: preset "${named.id}" speaks ${named.type}, not ${entry.type}`);
            return undefined;
        }
        return { preset: named, linked: true };
    }
    const byId = findPreset(id);
    if (byId !== undefined && (entry.type === undefined || entry.type === byId.type))
        return { preset: byId, linked: true };
    if (entry.type !== undefined)
        return { preset: presetForType(entry.type), linked: false };
    problems.push(`${path}.type: required: one of openai, anthropic, gemini, simulator (or name a preset with "preset:")`);
    return undefined;
}
function resolveBaseUrl(input) {
    const { entry, env, preset, path, problems } = input;
    if (preset.type === 'simulator')
        return preset.baseUrl;
    if (entry.baseUrl !== undefined) {
        const baseUrl = preset.azureDeployments ? azureBaseUrl(entry.baseUrl) : entry.baseUrl;
        const problem = urlProblem(baseUrl);
        if (problem !== undefined)
            problems.push(`${path}.baseUrl: ${problem}`);
        return baseUrl;
    }
    const fromEnv = presetBaseUrlFromEnv(preset, env);
    if (fromEnv !== undefined) {
        const problem = urlProblem(fromEnv.value);
        if (problem !== undefined)
            problems.push(`environment variable ${fromEnv.name}: ${problem}`);
        return fromEnv.value;
    }
    if (preset.baseUrl === '') {
        problems.push(`${path}.baseUrl: required for Azure OpenAI (https://RESOURCE.openai.azure.com/openai), or set ${AZURE_ENV.endpoint}`);
    }
    return preset.baseUrl;
}
function definedOnly(value) {
    return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined));
}
//# sourceMappingURL=file-providers.js.map