/** The provider adapters, one per wire protocol: adding a protocol is one line here. */
import { createAnthropicAdapter } from './anthropic/index.js';
import { createGeminiAdapter } from './gemini/index.js';
import { createOpenAIAdapter } from './openai/index.js';
import { createSimulatorAdapter } from './simulator/index.js';
export function createProviderAdapters() {
    return {
        openai: createOpenAIAdapter(),
        anthropic: createAnthropicAdapter(),
        gemini: createGeminiAdapter(),
        simulator: createSimulatorAdapter(),
    };
}
//# sourceMappingURL=registry.js.map