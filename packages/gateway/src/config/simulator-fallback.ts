/**
 * The stand-in when nothing is configured: the built-in simulator provider with a chat group
 * (`sim-chat`) and an embeddings group (`sim-embed`), so a fresh install answers at once.
 */

import type { ModelGroup, ProviderSettings } from '../core/index.js';
import { DEFAULT_SIMULATOR_SETTINGS } from '../providers/simulator/simulator-settings.js';
import { DEFAULT_TIMEOUTS } from './defaults.js';
import { defaultGroupsFor } from './model-groups.js';
import { presetForType } from './presets.js';

export function simulatorFallback(): { provider: ProviderSettings; groups: ModelGroup[] } {
  const preset = presetForType('simulator');
  const provider: ProviderSettings = {
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
