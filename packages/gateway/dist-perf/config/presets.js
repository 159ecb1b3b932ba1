/**
 * Provider presets: the known upstream services, each a wire protocol plus defaults (base URL,
 * credential variables, auth header, default models). OpenAI-compatible services are presets of
 * the openai protocol. A preset whose key variable is set in the environment becomes available
 * with its default models (see env-providers.ts); a config file entry may name a preset to inherit
 * its defaults.
 */
/** Azure OpenAI's extra variables: https://learn.microsoft.com/azure/ai-services/openai/reference */
export const AZURE_ENV = {
    endpoint: 'AZURE_OPENAI_ENDPOINT',
    apiVersion: 'AZURE_OPENAI_API_VERSION',
    /** The latest GA data-plane version at the time of writing. */
    defaultApiVersion: '2024-10-21',
};
function preset(input, envPrefix) {
    return {
        baseUrlEnv: [`${envPrefix}_BASE_URL`],
        enabledByBaseUrl: false,
        azureDeployments: false,
        embeddingModels: [],
        ...input,
    };
}
const OPENAI_AUTH = { type: 'openai', authHeader: 'bearer' };
export const PROVIDER_PRESETS = [
    preset({
        id: 'openai',
        ...OPENAI_AUTH,
        baseUrl: 'https://api.openai.com/v1',
        apiKeyEnv: ['OPENAI_API_KEY'],
        supportsStreamUsage: true,
        chatModels: ['gpt-4o', 'gpt-4o-mini', 'gpt-4.1', 'gpt-4.1-mini'],
        embeddingModels: ['text-embedding-3-small', 'text-embedding-3-large'],
        docs: 'https://platform.openai.com/docs/api-reference',
    }, 'OPENAI'),
    preset({
        id: 'azure',
        type: 'openai',
        // Azure sends the key in an `api-key` header, not as a bearer token.
        authHeader: 'api-key',
        baseUrl: '',
        apiKeyEnv: ['AZURE_OPENAI_API_KEY'],
        azureDeployments: true,
        supportsStreamUsage: true,
        // Azure model names are the operator's deployment names; there is no useful default.
        chatModels: [],
        modelsEnv: 'AZURE_OPENAI_DEPLOYMENTS',
        docs: 'https://learn.microsoft.com/azure/ai-services/openai/reference',
    }, 'AZURE_OPENAI'),
    preset({
        id: 'groq',
        ...OPENAI_AUTH,
        baseUrl: 'https://api.groq.com/openai/v1',
        apiKeyEnv: ['GROQ_API_KEY'],
        supportsStreamUsage: true,
        chatModels: ['llama-3.3-70b-versatile', 'llama-3.1-8b-instant', 'openai/gpt-oss-120b'],
        docs: 'https://console.groq.com/docs/openai',
    }, 'GROQ'),
    preset({
        id: 'openrouter',
        ...OPENAI_AUTH,
        baseUrl: 'https://openrouter.ai/api/v1',
        apiKeyEnv: ['OPENROUTER_API_KEY'],
        // OpenRouter always sends usage in the last chunk; include_usage is accepted and ignored.
        supportsStreamUsage: true,
        chatModels: ['openai/gpt-4o-mini', 'anthropic/claude-sonnet-4.5', 'google/gemini-2.5-flash'],
        docs: 'https://openrouter.ai/docs/api-reference/overview',
    }, 'OPENROUTER'),
    preset({
        id: 'deepseek',
        ...OPENAI_AUTH,
        baseUrl: 'https://api.deepseek.com/v1',
        apiKeyEnv: ['DEEPSEEK_API_KEY'],
        supportsStreamUsage: true,
        chatModels: ['deepseek-chat', 'deepseek-reasoner'],
        docs: 'https://api-docs.deepseek.com/',
    }, 'DEEPSEEK'),
    preset({
        id: 'xai',
        ...OPENAI_AUTH,
        baseUrl: 'https://api.x.ai/v1',
        apiKeyEnv: ['XAI_API_KEY'],
        supportsStreamUsage: true,
        chatModels: ['grok-4', 'grok-3-mini'],
        docs: 'https://docs.x.ai/docs/api-reference',
    }, 'XAI'),
    preset({
        id: 'mistral',
        ...OPENAI_AUTH,
        baseUrl: 'https://api.mistral.ai/v1',
        apiKeyEnv: ['MISTRAL_API_KEY'],
        // Mistral rejects unknown request fields and reports usage in the last chunk on its own.
        supportsStreamUsage: false,
        chatModels: ['mistral-large-latest', 'mistral-small-latest', 'codestral-latest'],
        embeddingModels: ['mistral-embed'],
        docs: 'https://docs.mistral.ai/api/',
    }, 'MISTRAL'),
    preset({
        id: 'together',
        ...OPENAI_AUTH,
        baseUrl: 'https://api.together.xyz/v1',
        apiKeyEnv: ['TOGETHER_API_KEY'],
        // Together reports usage in the final chunk without being asked.
        supportsStreamUsage: false,
        chatModels: ['meta-llama/Llama-3.3-70B-Instruct-Turbo', 'deepseek-ai/DeepSeek-V3', 'Qwen/Qwen2.5-72B-Instruct-Turbo'],
        embeddingModels: ['BAAI/bge-large-en-v1.5'],
        docs: 'https://docs.together.ai/docs/openai-api-compatibility',
    }, 'TOGETHER'),
    preset({
        id: 'fireworks',
        ...OPENAI_AUTH,
        baseUrl: 'https://api.fireworks.ai/inference/v1',
        apiKeyEnv: ['FIREWORKS_API_KEY'],
        // Fireworks reports usage in the final chunk without being asked.
        supportsStreamUsage: false,
        chatModels: ['accounts/fireworks/models/llama-v3p3-70b-instruct', 'accounts/fireworks/models/deepseek-v3'],
        embeddingModels: ['nomic-ai/nomic-embed-text-v1.5'],
        docs: 'https://docs.fireworks.ai/tools-sdks/openai-compatibility',
    }, 'FIREWORKS'),
    preset({
        id: 'qwen',
        ...OPENAI_AUTH,
        // DashScope's OpenAI-compatible mode (international endpoint):
        // https://www.alibabacloud.com/help/en/model-studio/compatibility-of-openai-with-dashscope
        baseUrl: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1',
        apiKeyEnv: ['ALIBABA_API_KEY', 'DASHSCOPE_API_KEY'],
        baseUrlEnv: ['ALIBABA_BASE_URL', 'DASHSCOPE_BASE_URL'],
        supportsStreamUsage: true,
        chatModels: ['qwen-max', 'qwen-plus', 'qwen-turbo'],
        embeddingModels: ['text-embedding-v3'],
        docs: 'https://www.alibabacloud.com/help/en/model-studio/compatibility-of-openai-with-dashscope',
    }, 'ALIBABA'),
    preset({
        id: 'meta',
        ...OPENAI_AUTH,
        // The Llama API's OpenAI compatibility endpoint: https://llama.developer.meta.com/docs/features/compatibility/
        baseUrl: 'https://api.llama.com/compat/v1',
        apiKeyEnv: ['META_API_KEY', 'LLAMA_API_KEY'],
        baseUrlEnv: ['META_BASE_URL', 'LLAMA_BASE_URL'],
        supportsStreamUsage: false,
        chatModels: ['Llama-4-Maverick-17B-128E-Instruct-FP8', 'Llama-4-Scout-17B-16E-Instruct-FP8', 'Llama-3.3-70B-Instruct'],
        docs: 'https://llama.developer.meta.com/docs/features/compatibility/',
    }, 'META'),
    preset({
        id: 'ollama',
        type: 'openai',
        authHeader: 'none',
        baseUrl: 'http://127.0.0.1:11434/v1',
        apiKeyEnv: [],
        enabledByBaseUrl: true,
        supportsStreamUsage: true,
        chatModels: ['llama3.2'],
        embeddingModels: ['nomic-embed-text'],
        // Not OLLAMA_MODELS: Ollama itself uses that variable for its model directory.
        modelsEnv: 'SWITCHYARD_OLLAMA_MODELS',
        docs: 'https://github.com/ollama/ollama/blob/main/docs/openai.md',
    }, 'OLLAMA'),
    preset({
        id: 'vllm',
        ...OPENAI_AUTH,
        baseUrl: 'http://127.0.0.1:8000/v1',
        // vLLM checks a key only when started with --api-key.
        apiKeyEnv: ['VLLM_API_KEY'],
        enabledByBaseUrl: true,
        supportsStreamUsage: true,
        chatModels: ['Qwen/Qwen2.5-7B-Instruct'],
        modelsEnv: 'VLLM_MODELS',
        docs: 'https://docs.vllm.ai/en/latest/serving/openai_compatible_server.html',
    }, 'VLLM'),
    preset({
        id: 'lmstudio',
        type: 'openai',
        authHeader: 'none',
        baseUrl: 'http://127.0.0.1:1234/v1',
        apiKeyEnv: [],
        enabledByBaseUrl: true,
        supportsStreamUsage: false,
        chatModels: ['qwen2.5-7b-instruct'],
        embeddingModels: ['text-embedding-nomic-embed-text-v1.5'],
        modelsEnv: 'LMSTUDIO_MODELS',
        docs: 'https://lmstudio.ai/docs/app/api/endpoints/openai',
    }, 'LMSTUDIO'),
    preset({
        id: 'anthropic',
        type: 'anthropic',
        authHeader: 'x-api-key',
        baseUrl: 'https://api.anthropic.com',
        apiKeyEnv: ['ANTHROPIC_API_KEY'],
        supportsStreamUsage: false,
        chatModels: ['claude-sonnet-4-5', 'claude-haiku-4-5', 'claude-opus-4-1'],
        docs: 'https://docs.anthropic.com/en/api/messages',
    }, 'ANTHROPIC'),
    preset({
        id: 'gemini',
        type: 'gemini',
        authHeader: 'x-goog-api-key',
        baseUrl: 'https://generativelanguage.googleapis.com',
        apiKeyEnv: ['GEMINI_API_KEY', 'GOOGLE_AI_API_KEY'],
        baseUrlEnv: ['GEMINI_BASE_URL', 'GOOGLE_AI_BASE_URL'],
        supportsStreamUsage: false,
        chatModels: ['gemini-2.5-flash', 'gemini-2.5-pro', 'gemini-2.5-flash-lite'],
        embeddingModels: ['gemini-embedding-001', 'text-embedding-004'],
        docs: 'https://ai.google.dev/api',
    }, 'GEMINI'),
    preset({
        id: 'simulator',
        type: 'simulator',
        authHeader: 'none',
        // In-process: nothing is ever fetched from this address.
        baseUrl: 'simulator://local',
        apiKeyEnv: [],
        baseUrlEnv: [],
        supportsStreamUsage: true,
        chatModels: ['sim-chat'],
        embeddingModels: ['sim-embed'],
        docs: 'docs/configuration.md#the-simulator',
    }, 'SIMULATOR'),
];
export function findPreset(id) {
    return PROVIDER_PRESETS.find((candidate) => candidate.id === id);
}
/** The preset a file provider of a given type inherits from when it names none. */
export function presetForType(type) {
    const found = findPreset(type);
    if (!found)
        throw new Error(`No preset for wire protocol ${type}`);
    return found;
}
/** A preset's default models, chat first, then embedding. */
export function defaultModels(presetValue) {
    return [...presetValue.chatModels, ...presetValue.embeddingModels];
}
//# sourceMappingURL=presets.js.map