/**
 * The stand-in when nothing is configured: the built-in simulator provider with a chat group
 * (`sim-chat`) and an embeddings group (`sim-embed`), so a fresh install answers at once.
 */
import { DEFAULT_SIMULATOR_SETTINGS } from '../providers/simulator/simulator-settings.js';
import { DEFAULT_TIMEOUTS } from './defaults.js';
import { defaultGroupsFor } from './model-groups.js';
import { presetForType } from './presets.js';
export function simulatorFallback() {
    const preset = presetForType('simulator');
    const provider = {
        id: preset.id,
        type: 'simulator',
        preset: preset.id,
        baseUrl: preset.baseUrl,
        authHeader: 'none',
        headers: {},
        query: {},
        azureDeployments: false,
        supportsStreamUsage: true,
        timeouts: { ...DEFAULT_TIMEOUTS },
        simulator: { ...DEFAULT_SIMULATOR_SETTINGS },
    };
    const groups = defaultGroupsFor({ providers: [provider], env: {}, taken: new Set(), source: 'simulator' });
    return { provider, groups };
}
//# sourceMappingURL=simulator-fallback.js.map