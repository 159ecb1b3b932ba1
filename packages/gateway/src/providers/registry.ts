/** The provider adapters, one per wire protocol: adding a protocol is one line here. */

import type { WireProtocol } from '../core/index.js';
import { createAnthropicAdapter } from './anthropic/index.js';
import { createGeminiAdapter } from './gemini/index.js';
import { createOpenAIAdapter } from './openai/index.js';
import { createSimulatorAdapter } from './simulator/index.js';
import type { ProviderAdapter } from './types.js';

export function createProviderAdapters(): Record<WireProtocol, ProviderAdapter> {
  return {
    openai: createOpenAIAdapter(),
    anthropic: createAnthropicAdapter(),
    gemini: createGeminiAdapter(),
    simulator: createSimulatorAdapter(),
  };
}
