/**
 * A fake Anthropic Messages API (POST /v1/messages) on 127.0.0.1 for tests. It speaks the real wire
 * format (JSON answers, named SSE events, `{type:"error", error:{type, message}, request_id}` errors),
 * rejects what the real API rejects, and answers per the shared behaviour of fake-types.ts. Its
 * fidelity is proven by test/fakes/fake-anthropic.sdk.test.ts with the official SDK.
 * https://docs.anthropic.com/en/api/messages, /en/api/errors, /en/docs/build-with-claude/streaming
 *
 * API versions: 2023-06-01 (what the gateway sends) and 2026-10-21 (what @anthropic-ai/sdk 1.x
 * sends), which rejects temperature/top_p/top_k, document blocks in assistant messages and
 * citations in user text (https://platform.claude.com/docs/en/api/versioning). The key is accepted
 * as x-api-key or `Authorization: Bearer` (SDK 1.x sends the latter); x-api-key wins when both come.
 */

import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeUpstream, RecordedRequest, ScriptedFailure } from './fake-types.js';

type Json = Record<string, unknown>;
type AnswerBlock = { type: 'text'; text: string } | { type: 'tool_use'; id: string; name: string; input: Json };

interface Answer {
  blocks: AnswerBlock[];
  stopReason: 'end_turn' | 'max_tokens' | 'stop_sequence' | 'tool_use';
  stopSequence: string | null;
  inputTokens: number;
  cacheReadTokens: number;
  outputTokens: number;
}

class ApiError extends Error {
  constructor(readonly status: number, readonly type: string, message: string) { super(message); }
}

const VERSIONS = new Set(['2023-01-01', '2023-06-01', '2026-10-21']);
const FIELDS = new Set(
  'model messages max_tokens system metadata stop_sequences stream temperature top_p top_k tools tool_choice thinking service_tier container mcp_servers output_config context_management inference_geo cache_control speed diagnostics'.split(' '),
);
const SAMPLING = new Set(['temperature', 'top_p', 'top_k']);
const BLOCK_TYPES = new Set(
  'text image document tool_use tool_result thinking redacted_thinking search_result server_tool_use web_search_tool_result container_upload'.split(' '),
);
const DEFAULT_ERRORS: Record<number, [string, string]> = {
  400: ['invalid_request_error', 'Invalid request.'],
  401: ['authentication_error', 'invalid x-api-key'],
  402: ['billing_error', 'Your credit balance is too low to access the Anthropic API.'],
  403: ['permission_error', 'Your API key does not have permission to use the specified resource.'],
  404: ['not_found_error', 'Not found'],
  413: ['request_too_large', 'Request exceeds the maximum allowed number of bytes.'],
  429: ['rate_limit_error', 'Number of request tokens has exceeded your per-minute rate limit.'],
  500: ['api_error', 'Internal server error'],
  504: ['timeout_error', 'Request timeout'],
  529: ['overloaded_error', 'Overloaded'],
};

const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const invalid = (message: string): ApiError => new ApiError(400, 'invalid_request_error', message);
const words = (text: string): string[] => text.split(/\s+/).filter((word) => word.length > 0);
const makeId = (prefix: string): string => `${prefix}${randomBytes(12).toString('base64url').replace(/[-_]/g, 'x')}`;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const parseJson = (text: string): unknown => { try { return JSON.parse(text) as unknown; } catch { return undefined; } };

export async function startFakeAnthropic(options: { apiKey?: string } = {}): Promise<FakeUpstream> {
  const apiKey = options.apiKey ?? 'sk-ant-fake-key';
  const requests: RecordedRequest[] = [];
  const failures: ScriptedFailure[] = [];
  const server = createServer((request, response) => {
    handle({ request, response, apiKey, requests, failures }).catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    apiKey,
    failNext: (failure) => failures.push(failure),
    close: () => new Promise<void>((resolve) => server.close(() => resolve()).closeAllConnections()),
  };
}

type HandleOptions = { request: IncomingMessage; response: ServerResponse; apiKey: string; requests: RecordedRequest[]; failures: ScriptedFailure[] };

async function handle({ request, response, apiKey, requests, failures }: HandleOptions): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const body = parseJson(Buffer.concat(chunks).toString('utf8'));
  const url = request.url ?? '/';
  requests.push({ method: request.method ?? 'GET', url, headers: request.headers, body });
  try {
    if (request.method !== 'POST' || url.split('?')[0] !== '/v1/messages') throw new ApiError(404, 'not_found_error', 'Not found');
    const failure = failures.shift();
    if (failure?.kind === 'delay') await sleep(failure.ms);
    if (failure?.kind === 'http') return sendScriptedError(response, failure);
    checkAuth(request, apiKey);
    const version = checkVersion(request);
    if (!isRecord(body)) throw invalid('There was an error parsing the body.');
    validateRequest(body, version);
    const answer = answerFor(body);
    const model = body.model as string;
    const midStream = failure?.kind === 'mid-stream' ? failure : undefined;
    if (body.stream === true) return await sendStream({ response, model, answer, failure: midStream });
    if (midStream !== undefined) return void response.destroy();
    sendJson(response, { status: 200, body: messageJson(model, answer) });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    sendJson(response, { status: error.status, body: errorJson(error.type, error.message) });
  }
}

function checkAuth(request: IncomingMessage, apiKey: string): void {
  const header = request.headers['x-api-key'];
  const bearer = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
  const key = typeof header === 'string' ? header : bearer;
  if (key === undefined) throw new ApiError(401, 'authentication_error', 'x-api-key header is required');
  if (key !== apiKey) throw new ApiError(401, 'authentication_error', 'invalid x-api-key');
}

function checkVersion(request: IncomingMessage): string {
  const version = request.headers['anthropic-version'];
  if (typeof version !== 'string') throw invalid('anthropic-version: header is required');
  if (!VERSIONS.has(version)) throw invalid(`anthropic-version: invalid version "${version}"`);
  return version;
}

function validateRequest(body: Json, version: string): void {
  for (const key of Object.keys(body)) {
    if (!FIELDS.has(key) || (version === '2026-10-21' && SAMPLING.has(key))) {
      throw invalid(`${key}: Extra inputs are not permitted`);
    }
  }
  if (body.model === undefined) throw invalid('model: Field required');
  if (typeof body.model !== 'string') throw invalid('model: Input should be a valid string');
  if (body.max_tokens === undefined) throw invalid('max_tokens: Field required');
  if (!Number.isInteger(body.max_tokens) || (body.max_tokens as number) < 0) throw invalid('max_tokens: Input should be a valid integer');
  if (body.messages === undefined) throw invalid('messages: Field required');
  if (!Array.isArray(body.messages)) throw invalid('messages: Input should be a valid list');
  if (body.messages.length === 0) throw invalid('messages: at least one message is required');
  if (body.stream !== undefined && typeof body.stream !== 'boolean') throw invalid('stream: Input should be a valid boolean');
  for (const key of ['temperature', 'top_p'] as const) {
    const value = body[key];
    if (value !== undefined && (typeof value !== 'number' || value < 0 || value > 1)) {
      throw invalid(`${key}: Input should be a number between 0 and 1`);
    }
  }
  if (body.top_k !== undefined && (!Number.isInteger(body.top_k) || (body.top_k as number) < 0)) {
    throw invalid('top_k: Input should be a valid integer');
  }
  if (body.stop_sequences !== undefined && (!Array.isArray(body.stop_sequences) || !body.stop_sequences.every((item) => typeof item === 'string'))) {
    throw invalid('stop_sequences: Input should be a valid list of strings');
  }
  if (body.system !== undefined && typeof body.system !== 'string') {
    if (!Array.isArray(body.system)) throw invalid('system: Input should be a valid string or list');
    body.system.forEach((block, index) => validateText(block, `system.${index}`));
  }
  if (body.metadata !== undefined) {
    if (!isRecord(body.metadata)) throw invalid('metadata: Input should be a valid dictionary');
    for (const key of Object.keys(body.metadata)) if (key !== 'user_id') throw invalid(`metadata.${key}: Extra inputs are not permitted`);
  }
  validateTools(body);
  body.messages.forEach((message, index) => validateMessage({ message, index, version }));
  validateToolPairs(body.messages as Json[]);
}

function validateTools(body: Json): void {
  if (body.tools !== undefined) {
    if (!Array.isArray(body.tools)) throw invalid('tools: Input should be a valid list');
    body.tools.forEach((tool, index) => {
      if (!isRecord(tool)) throw invalid(`tools.${index}: Input should be a valid dictionary`);
      if (tool.type !== undefined && tool.type !== 'custom') return; // a server tool (web_search_…)
      if (typeof tool.name !== 'string' || !/^[a-zA-Z0-9_-]{1,128}$/.test(tool.name)) {
        throw invalid(`tools.${index}.custom.name: String should match pattern '^[a-zA-Z0-9_-]{1,128}$'`);
      }
      if (!isRecord(tool.input_schema)) throw invalid(`tools.${index}.custom.input_schema: Field required`);
      if (tool.input_schema.type !== 'object') throw invalid(`tools.${index}.custom.input_schema.type: Input should be 'object'`);
    });
  }
  if (body.tool_choice !== undefined) {
    const choice = body.tool_choice;
    if (!isRecord(choice) || !['auto', 'any', 'tool', 'none'].includes(String(choice.type))) {
      throw invalid("tool_choice: Input tag found using 'type' does not match any of the expected tags: 'auto', 'any', 'tool', 'none'");
    }
    if (choice.type === 'tool' && typeof choice.name !== 'string') throw invalid('tool_choice.tool.name: Field required');
  }
}

function validateText(block: unknown, path: string): void {
  if (!isRecord(block) || block.type !== 'text') throw invalid(`${path}.type: Input should be 'text'`);
  if (typeof block.text !== 'string') throw invalid(`${path}.text: Field required`);
  if (block.text.length === 0) throw invalid('messages: text content blocks must be non-empty');
  if (block.text.trim().length === 0) throw invalid('messages: text content blocks must contain non-whitespace text');
}

function validateMessage({ message, index, version }: { message: unknown; index: number; version: string }): void {
  if (!isRecord(message)) throw invalid(`messages.${index}: Input should be a valid dictionary`);
  if (message.role === 'system') {
    throw invalid('messages: Unexpected role "system". The Messages API accepts a top-level `system` parameter, not "system" as an input message role.');
  }
  if (message.role !== 'user' && message.role !== 'assistant') throw invalid(`messages.${index}.role: Input should be 'user' or 'assistant'`);
  const { content } = message;
  if (content === undefined) throw invalid(`messages.${index}.content: Field required`);
  if (typeof content === 'string' ? content.length === 0 : Array.isArray(content) && content.length === 0) {
    throw invalid(`messages.${index}: all messages must have non-empty content except for the optional final assistant message`);
  }
  if (typeof content === 'string') return;
  if (!Array.isArray(content)) throw invalid(`messages.${index}.content: Input should be a valid string or list`);
  content.forEach((block, position) => {
    const path = `messages.${index}.content.${position}`;
    if (!isRecord(block) || !BLOCK_TYPES.has(String(block.type))) {
      throw invalid(`${path}: Input tag '${isRecord(block) ? String(block.type) : ''}' found using 'type' does not match any of the expected tags`);
    }
    if (block.type === 'text') validateText(block, path);
    if (block.type === 'tool_use' && message.role !== 'assistant') throw invalid(`${path}: tool_use blocks can only be in assistant messages`);
    if (block.type === 'tool_result' && message.role !== 'user') throw invalid(`${path}: tool_result blocks can only be in user messages`);
    if (block.type === 'tool_use' && (typeof block.id !== 'string' || typeof block.name !== 'string' || !isRecord(block.input))) {
      throw invalid(`${path}.tool_use: id, name and input (a dictionary) are required`);
    }
    if (block.type === 'tool_result' && typeof block.tool_use_id !== 'string') throw invalid(`${path}.tool_result.tool_use_id: Field required`);
    if (block.type === 'image') validateImage(block, path);
    if (version === '2026-10-21' && message.role === 'assistant' && block.type === 'document') {
      throw invalid(`${path}: document blocks are not allowed in assistant messages`);
    }
    if (version === '2026-10-21' && message.role === 'user' && block.type === 'text' && Array.isArray(block.citations) && block.citations.length > 0) {
      throw invalid(`${path}.text.citations: citations are not allowed on text blocks in user messages`);
    }
  });
}

function validateImage(block: Json, path: string): void {
  const source = block.source;
  if (!isRecord(source)) throw invalid(`${path}.image.source: Field required`);
  if (source.type === 'url' && typeof source.url === 'string') return;
  if (source.type !== 'base64' || typeof source.data !== 'string') throw invalid(`${path}.image.source: Input should be a base64 or url source`);
  if (!['image/jpeg', 'image/png', 'image/gif', 'image/webp'].includes(String(source.media_type))) {
    throw invalid(`${path}.image.source.base64.media_type: Input should be 'image/jpeg', 'image/png', 'image/gif' or 'image/webp'`);
  }
}

/** Every tool_use needs its tool_result at the start of the next message, and vice versa. */
function validateToolPairs(messages: Json[]): void {
  messages.forEach((message, index) => {
    const blocks = Array.isArray(message.content) ? message.content.filter(isRecord) : [];
    if (message.role === 'assistant') {
      const uses = blocks.filter((block) => block.type === 'tool_use').map((block) => String(block.id));
      const next = messages[index + 1];
      const nextBlocks = next?.role === 'user' && Array.isArray(next.content) ? next.content.filter(isRecord) : [];
      const leading = nextBlocks.findIndex((block) => block.type !== 'tool_result');
      const results = (leading === -1 ? nextBlocks : nextBlocks.slice(0, leading)).map((block) => String(block.tool_use_id));
      const missing = uses.filter((id) => !results.includes(id));
      if (missing.length > 0) {
        throw invalid(
          `messages.${index}: \`tool_use\` ids were found without \`tool_result\` blocks immediately after: ${missing.join(', ')}. Each \`tool_use\` block must have a corresponding \`tool_result\` block in the next message.`,
        );
      }
      return;
    }
    const previous = messages[index - 1];
    const previousUses = previous?.role === 'assistant' && Array.isArray(previous.content)
      ? previous.content.filter(isRecord).filter((block) => block.type === 'tool_use').map((block) => String(block.id))
      : [];
    blocks.forEach((block, position) => {
      if (block.type === 'tool_result' && !previousUses.includes(String(block.tool_use_id))) {
        throw invalid(
          `messages.${index}.content.${position}: unexpected \`tool_use_id\` found in \`tool_result\` blocks: ${String(block.tool_use_id)}. Each \`tool_result\` block must have a corresponding \`tool_use\` block in the previous message.`,
        );
      }
    });
  });
}

/** The text of a content value: a string, or its text blocks (and tool results' text) joined. */
function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .filter(isRecord)
    .map((block) => (block.type === 'text' ? String(block.text) : block.type === 'tool_result' ? textOf(block.content) : ''))
    .filter((text) => text.length > 0)
    .join(' ');
}

/** The deterministic answer of fake-types.ts, in Anthropic's terms. */
function answerFor(body: Json): Answer {
  const messages = body.messages as Json[];
  const tools = Array.isArray(body.tools) ? body.tools.filter(isRecord) : [];
  const promptWords = [textOf(body.system), ...messages.map((message) => textOf(message.content))].join(' ');
  const totalInput = words(promptWords).length + 10 * tools.length;
  const lastUser = [...messages].reverse().find((message) => message.role === 'user');
  const lastBlocks = Array.isArray(lastUser?.content) ? lastUser.content.filter(isRecord) : [];
  const toolResults = lastBlocks.filter((block) => block.type === 'tool_result');
  const text = lastUser === undefined ? '' : textOf(toolResults.length > 0 ? lastBlocks.filter((block) => block.type === 'text') : lastUser.content);
  const cacheReadTokens = /cached/i.test(text) ? Math.min(4, totalInput) : 0;
  const usage = { inputTokens: totalInput - cacheReadTokens, cacheReadTokens };
  const choice = isRecord(body.tool_choice) ? body.tool_choice : {};
  // A user turn of only tool results answers the tools; text after the results is a new question.
  const afterToolResult = messages.at(-1)?.role === 'user' && toolResults.length > 0 && text.length === 0;
  const lastIsUser = messages.at(-1)?.role === 'user' && !afterToolResult;

  if (tools.length > 0 && lastIsUser && /weather/i.test(text) && choice.type !== 'none') {
    const name = choice.type === 'tool' ? String(choice.name) : String(tools[0]?.name);
    const cities = /parallel/i.test(text) && choice.disable_parallel_tool_use !== true ? ['Paris', 'Tokyo'] : ['Paris'];
    const blocks: AnswerBlock[] = cities.map((city) => ({ type: 'tool_use', id: makeId('toolu_'), name, input: { city } }));
    return { blocks, stopReason: 'tool_use', stopSequence: null, outputTokens: 4 * cities.length, ...usage };
  }
  // JSON mode: structured outputs, or (like a real model would) a system prompt asking for only JSON.
  const format = isRecord(body.output_config) && isRecord(body.output_config.format) ? body.output_config.format : {};
  const jsonMode = format.type === 'json_schema' || /only (a )?valid JSON/i.test(textOf(body.system));
  let answer = afterToolResult
    ? `Tool said: ${toolResults.map((block) => textOf(block.content)).join(', ')}`
    : jsonMode ? JSON.stringify({ echo: text }) : `Echo: ${text}`;
  const maxTokens = body.max_tokens as number;
  if (/long answer/i.test(text)) answer = Array.from({ length: maxTokens + 1 }, (_, index) => words(answer)[index % words(answer).length]).join(' ');
  const stop = (Array.isArray(body.stop_sequences) ? (body.stop_sequences as string[]) : []).find((sequence) => answer.includes(sequence));
  if (stop !== undefined) {
    const cut = answer.slice(0, answer.indexOf(stop));
    return { blocks: [{ type: 'text', text: cut }], stopReason: 'stop_sequence', stopSequence: stop, outputTokens: Math.max(1, words(cut).length), ...usage };
  }
  if (words(answer).length > maxTokens) {
    const cut = words(answer).slice(0, maxTokens).join(' ');
    return { blocks: [{ type: 'text', text: cut }], stopReason: 'max_tokens', stopSequence: null, outputTokens: maxTokens, ...usage };
  }
  return { blocks: [{ type: 'text', text: answer }], stopReason: 'end_turn', stopSequence: null, outputTokens: Math.max(1, words(answer).length), ...usage };
}

function usageJson(answer: Answer, outputTokens: number): Json {
  const { inputTokens: input_tokens, cacheReadTokens: cache_read_input_tokens } = answer;
  return { input_tokens, cache_creation_input_tokens: 0, cache_read_input_tokens, output_tokens: outputTokens, service_tier: 'standard' };
}

function messageJson(model: string, answer: Answer): Json {
  const { blocks: content, stopReason: stop_reason, stopSequence: stop_sequence } = answer;
  const usage = usageJson(answer, answer.outputTokens);
  return { id: makeId('msg_'), type: 'message', role: 'assistant', model, content, stop_reason, stop_sequence, usage };
}

function errorJson(type: string, message: string): Json {
  return { type: 'error', error: { type, message }, request_id: makeId('req_') };
}

function sendJson(response: ServerResponse, answer: { status: number; body: Json; headers?: Record<string, string> }): void {
  response.writeHead(answer.status, { 'content-type': 'application/json', 'request-id': makeId('req_'), ...answer.headers });
  response.end(JSON.stringify(answer.body));
}

function sendScriptedError(response: ServerResponse, failure: Extract<ScriptedFailure, { kind: 'http' }>): void {
  const [type, message] = DEFAULT_ERRORS[failure.status] ?? DEFAULT_ERRORS[failure.status >= 500 ? 500 : 400] ?? ['api_error', 'Error'];
  const headers = { ...(failure.status === 429 ? { 'retry-after': '1' } : {}), ...failure.headers };
  if (typeof failure.body === 'string') {
    response.writeHead(failure.status, { 'content-type': 'application/json', ...headers });
    return void response.end(failure.body);
  }
  const body = isRecord(failure.body) ? failure.body : errorJson(type, failure.message ?? message);
  sendJson(response, { status: failure.status, body, headers });
}

/** Text in pieces of a few characters, as the API streams it. */
const pieces = (text: string, size: number): string[] => text.match(new RegExp(`[\\s\\S]{1,${size}}`, 'g')) ?? [];

function streamEvents(model: string, answer: Answer): Array<[string, Json]> {
  const message = { ...messageJson(model, answer), content: [], stop_reason: null, stop_sequence: null, usage: usageJson(answer, 1) };
  const events: Array<[string, Json]> = [['message_start', { type: 'message_start', message }], ['ping', { type: 'ping' }]];
  answer.blocks.forEach((block, index) => {
    if (block.type === 'text') {
      events.push(['content_block_start', { type: 'content_block_start', index, content_block: { type: 'text', text: '' } }]);
      for (const text of pieces(block.text, 5)) {
        events.push(['content_block_delta', { type: 'content_block_delta', index, delta: { type: 'text_delta', text } }]);
      }
    } else {
      const start = { type: 'tool_use', id: block.id, name: block.name, input: {} };
      events.push(['content_block_start', { type: 'content_block_start', index, content_block: start }]);
      for (const partial_json of ['', ...pieces(JSON.stringify(block.input), 6)]) {
        events.push(['content_block_delta', { type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json } }]);
      }
    }
    events.push(['content_block_stop', { type: 'content_block_stop', index }]);
  });
  const delta = { stop_reason: answer.stopReason, stop_sequence: answer.stopSequence };
  events.push(['message_delta', { type: 'message_delta', delta, usage: { output_tokens: answer.outputTokens } }]);
  events.push(['message_stop', { type: 'message_stop' }]);
  return events;
}

type StreamOptions = { response: ServerResponse; model: string; answer: Answer; failure?: Extract<ScriptedFailure, { kind: 'mid-stream' }> };

async function sendStream({ response, model, answer, failure }: StreamOptions): Promise<void> {
  response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', 'request-id': makeId('req_') });
  const write = (text: string): Promise<void> => new Promise((resolve) => response.write(text, () => resolve()));
  const events = streamEvents(model, answer);
  for (const [position, [event, data]] of events.entries()) {
    if (failure !== undefined && position === failure.afterEvents) {
      if (failure.cut === true) return void response.socket?.destroy();
      const error = { type: 'error', error: { type: 'overloaded_error', message: failure.message ?? 'Overloaded' } };
      await write(`event: error\ndata: ${JSON.stringify(error)}\n\n`);
      return void response.end();
    }
    await write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }
  response.end();
}
