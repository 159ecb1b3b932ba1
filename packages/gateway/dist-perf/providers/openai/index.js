/**
 * The `openai` wire-protocol adapter: OpenAI itself, Azure OpenAI (deployment in the path,
 * api-key header) and every OpenAI-compatible server (vLLM, Ollama, Groq, …) as presets of it.
 */
import { openaiChat, openaiChatStream } from './openai-chat.js';
import { openaiEmbed } from './openai-embed.js';
import { openaiPassthrough } from './openai-passthrough.js';
export function createOpenAIAdapter() {
    return {
        protocol: 'openai',
        chat: openaiChat,
        chatStream: openaiChatStream,
        embed: openaiEmbed,
        passthrough: openaiPassthrough,
    };
}
//# sourceMappingURL=index.js.map