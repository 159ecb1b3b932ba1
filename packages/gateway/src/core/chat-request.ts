/**
 * The canonical chat request: what every inbound protocol is parsed into and every translating
 * provider adapter is built from. Its shape follows OpenAI's chat model (the most widely spoken),
 * with content always as typed parts and tool calls as first-class fields.
 */

export interface TextPart {
  type: 'text';
  text: string;
}

export type ImageSource =
  | { kind: 'url'; url: string; detail?: 'auto' | 'low' | 'high' }
  | { kind: 'base64'; mediaType: string; data: string };

export interface ImagePart {
  type: 'image';
  source: ImageSource;
}

export type ContentPart = TextPart | ImagePart;

export interface ToolCall {
  /** The id that pairs this call with its result. */
  id: string;
  /** The function's name. */
  name: string;
  /** The arguments as JSON text, exactly as the model produced them. */
  arguments: string;
}

export interface SystemMessage {
  role: 'system';
  /** System prompts are text only; parts are joined when a protocol needs one string. */
  content: TextPart[];
}

export interface UserMessage {
  role: 'user';
  content: ContentPart[];
  /** OpenAI's participant name, dropped by protocols that lack it. */
  name?: string;
}

export interface AssistantMessage {
  role: 'assistant';
  content: TextPart[];
  toolCalls: ToolCall[];
}

export interface ToolMessage {
  role: 'tool';
  /** The id of the tool call this answers. */
  toolCallId: string;
  content: ContentPart[];
  /** Anthropic's `is_error` on a tool result. */
  isError?: boolean;
}

export type ChatMessage = SystemMessage | UserMessage | AssistantMessage | ToolMessage;

export interface ToolDefinition {
  name: string;
  description?: string;
  /** JSON Schema of the arguments. */
  parameters: Record<string, unknown>;
  strict?: boolean;
}

export type ToolChoice =
  | { type: 'auto' }
  | { type: 'none' }
  | { type: 'required' }
  | { type: 'tool'; name: string };

export type ResponseFormat =
  | { type: 'text' }
  | { type: 'json_object' }
  | { type: 'json_schema'; name: string; schema: Record<string, unknown>; strict?: boolean; description?: string };

export interface ChatRequest {
  /** The model name the client sent (a model group name). */
  model: string;
  /** The conversation; system messages may appear anywhere, adapters move them as their protocol needs. */
  messages: ChatMessage[];
  tools?: ToolDefinition[];
  toolChoice?: ToolChoice;
  parallelToolCalls?: boolean;
  responseFormat?: ResponseFormat;
  /** Maximum output tokens; undefined when the client set none. */
  maxTokens?: number;
  temperature?: number;
  topP?: number;
  topK?: number;
  stop?: string[];
  /** Number of choices to generate. */
  n?: number;
  seed?: number;
  presencePenalty?: number;
  frequencyPenalty?: number;
  /** End-user id for abuse tracking. */
  user?: string;
  stream: boolean;
  /** Whether the client asked for a usage chunk at the end of the stream (OpenAI's stream_options.include_usage). */
  includeUsage: boolean;
  /** Free-form request metadata (Anthropic `metadata`, OpenAI `metadata`). */
  metadata?: Record<string, string>;
}
