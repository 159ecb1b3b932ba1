/**
 * The GenAI conventions' name for the service behind a provider (gen_ai.provider.name, and the
 * older gen_ai.system), from the provider's preset. Well-known values come from
 * https://opentelemetry.io/docs/specs/semconv/registry/attributes/gen-ai/; a preset without one
 * (a local vLLM, OpenRouter…) is named by its preset id.
 */
const WELL_KNOWN = {
    openai: { providerName: 'openai', system: 'openai' },
    azure: { providerName: 'azure.ai.openai', system: 'azure.ai.openai' },
    anthropic: { providerName: 'anthropic', system: 'anthropic' },
    gemini: { providerName: 'gcp.gemini', system: 'gcp.gemini' },
    groq: { providerName: 'groq', system: 'groq' },
    deepseek: { providerName: 'deepseek', system: 'deepseek' },
    mistral: { providerName: 'mistral_ai', system: 'mistral_ai' },
    xai: { providerName: 'x_ai', system: 'xai' },
    bedrock: { providerName: 'aws.bedrock', system: 'aws.bedrock' },
    simulator: { providerName: 'switchyard.simulator', system: 'switchyard.simulator' },
};
export function genAiProviderNames(provider) {
    const key = provider.preset || provider.type;
    return Object.hasOwn(WELL_KNOWN, key) ? WELL_KNOWN[key] : { providerName: key, system: key };
}
//# sourceMappingURL=gen-ai-provider.js.map