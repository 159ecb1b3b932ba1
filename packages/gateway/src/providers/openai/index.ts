/**
 * The `openai` wire-protocol adapter: OpenAI itself, Azure OpenAI (deployment in the path,
 * api-key header) and every OpenAI-compatible server (vLLM, Ollama, Groq, …) as presets of it.
 */

import type { ProviderAdapter } from '../types.js';
import { openaiChat, openaiChatStream } from './openai-chat.js';
import { openaiEmbed } from './openai-embed.js';
import { openaiPassthrough } from './openai-passthrough.js';

export function createOpenAIAdapter(): ProviderAdapter {
  return {
    protocol: 'openai',
    chat: openaiChat,
    chatStream: openaiChatStream,
    embed: openaiEmbed,
    passthrough: openaiPassthrough,
  };
}
