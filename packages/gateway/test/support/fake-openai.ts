/**
 * A fake OpenAI (or Azure OpenAI) upstream on 127.0.0.1 speaking the exact chat completions,
 * embeddings and models wire format, rejecting what the real API rejects with its error shape and
 * status, and answering deterministically as documented in fake-types.ts. Its fidelity is proven by
 * test/fakes/fake-openai.sdk.test.ts, which points the official `openai` SDK at it.
 * Scripted failures apply to POST calls only (a model list never consumes one); a mid-stream failure
 * met by a non-streaming call cuts the socket (`cut`) or answers 500.
 */

import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeUpstream, RecordedRequest, ScriptedFailure } from './fake-types.js';

export interface FakeOpenAIOptions {
  apiKey?: string;
  /** Accept top-level fields the real API does not know (for pass-through fidelity tests). */
  acceptUnknownFields?: boolean;
  /** Serve Azure OpenAI routes (`/openai/deployments/{name}/…?api-version=`) with the `api-key` header. */
  azure?: { apiVersion: string };
}

type Json = Record<string, unknown>;
type Message = Json & { role?: unknown; content?: unknown };

class ApiError extends Error {
  constructor(readonly status: number, readonly body: unknown) {
    super(`fake openai ${status}`);
  }
}

/** OpenAI's error shape: https://platform.openai.com/docs/guides/error-codes */
function invalid(message: string, param: string | null = null, code: string | null = null, status = 400): ApiError {
  return new ApiError(status, { error: { message, type: 'invalid_request_error', param, code } });
}

const CHAT_FIELDS = new Set(
  ('messages model audio frequency_penalty function_call functions logit_bias logprobs max_completion_tokens ' +
    'max_tokens metadata modalities n parallel_tool_calls prediction presence_penalty prompt_cache_key ' +
    'reasoning_effort response_format safety_identifier seed service_tier stop store stream stream_options ' +
    'temperature tool_choice tools top_logprobs top_p user verbosity web_search_options').split(' '),
);
const EMBEDDING_FIELDS = new Set(['input', 'model', 'dimensions', 'encoding_format', 'user']);
const ROLES = new Set(['system', 'developer', 'user', 'assistant', 'tool', 'function']);
const MODELS = ['gpt-4o', 'gpt-4o-mini', 'o3-mini', 'gpt-5', 'text-embedding-3-small', 'text-embedding-3-large'];

const DEFAULT_ERRORS: Record<number, { message: string; type: string; code: string | null }> = {
  400: { message: 'Bad request.', type: 'invalid_request_error', code: null },
  401: { message: 'Incorrect API key provided.', type: 'invalid_request_error', code: 'invalid_api_key' },
  403: { message: 'You are not allowed to sample from this model.', type: 'invalid_request_error', code: null },
  404: { message: 'The model does not exist or you do not have access to it.', type: 'invalid_request_error', code: 'model_not_found' },
  429: { message: 'Rate limit reached for requests. Please try again in 1s.', type: 'requests', code: 'rate_limit_exceeded' },
  500: { message: 'The server had an error while processing your request. Sorry about that!', type: 'server_error', code: null },
  503: { message: 'The engine is currently overloaded, please try again later.', type: 'server_error', code: null },
};

export async function startFakeOpenAI(options: FakeOpenAIOptions = {}): Promise<FakeUpstream> {
  const apiKey = options.apiKey ?? 'sk-fake-openai-key';
  const requests: RecordedRequest[] = [];
  const failures: ScriptedFailure[] = [];
  let counter = 0;

  const server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      if (error instanceof ApiError) return sendJson(response, error.status, error.body);
      sendJson(response, 500, { error: { ...DEFAULT_ERRORS[500], param: null, message: String(error) } });
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body = text.length > 0 ? parseJson(text) : undefined;
    requests.push({ method: request.method ?? 'GET', url: request.url ?? '/', headers: request.headers, body });
    const sequence = (counter += 1);
    response.setHeader('x-request-id', `req_fake${sequence}`);
    const route = routeOf(request, options.azure);
    if (route === null) {
      if (options.azure) throw new ApiError(404, { error: { code: '404', message: 'Resource not found' } });
      throw invalid(`Invalid URL (${request.method} ${request.url})`, null, null, 404);
    }
    checkAuth(request, apiKey, options.azure !== undefined);
    if (request.method !== 'POST') return sendJson(response, 200, modelList());
    let failure = failures.shift();
    if (failure?.kind === 'delay') {
      const { ms } = failure;
      await new Promise((resolve) => setTimeout(resolve, ms));
      failure = undefined;
    }
    if (failure?.kind === 'http') return sendHttpFailure(response, failure);
    if (text.length > 0 && body === undefined) {
      throw invalid("We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)");
    }
    const json: Json = isJson(body) ? body : {};
    const midStream = failure?.kind === 'mid-stream' ? failure : undefined;
    const streaming = route.endpoint === 'chat' && json.stream === true;
    if (midStream && !streaming) {
      if (midStream.cut) return void response.socket?.destroy();
      return sendHttpFailure(response, { kind: 'http', status: 500, message: midStream.message });
    }
    if (route.endpoint === 'embeddings') return sendJson(response, 200, embeddings(json, route.deployment, options));
    const completion = chatCompletion(json, route.deployment, options, sequence);
    if (!streaming) return sendJson(response, 200, completion.response);
    await sendStream(response, completion.frames, midStream);
  }

  function sendHttpFailure(response: ServerResponse, failure: Extract<ScriptedFailure, { kind: 'http' }>): void {
    const fallback = DEFAULT_ERRORS[failure.status] ?? DEFAULT_ERRORS[failure.status >= 500 ? 500 : 400];
    const body = failure.body ?? { error: { message: failure.message ?? fallback.message, type: fallback.type, param: null, code: fallback.code } };
    sendJson(response, failure.status, body, failure.headers);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: options.azure ? `http://127.0.0.1:${port}` : `http://127.0.0.1:${port}/v1`,
    requests,
    apiKey,
    failNext: (failure) => void failures.push(failure),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

interface Route {
  endpoint: 'chat' | 'embeddings' | 'models';
  /** Azure only: the deployment named in the path. */
  deployment: string | undefined;
}

function routeOf(request: IncomingMessage, azure: FakeOpenAIOptions['azure']): Route | null {
  const url = new URL(request.url ?? '/', 'http://fake');
  if (azure) {
    // https://learn.microsoft.com/azure/ai-services/openai/reference — a missing or unknown api-version is a 404.
    if (url.searchParams.get('api-version') !== azure.apiVersion) return null;
    if (request.method === 'GET' && url.pathname === '/openai/models') return { endpoint: 'models', deployment: undefined };
    const match = /^\/openai\/deployments\/([^/]+)\/(chat\/completions|embeddings)$/.exec(url.pathname);
    if (!match || request.method !== 'POST') return null;
    return { endpoint: match[2] === 'embeddings' ? 'embeddings' : 'chat', deployment: decodeURIComponent(match[1]) };
  }
  if (request.method === 'GET' && url.pathname === '/v1/models') return { endpoint: 'models', deployment: undefined };
  if (request.method === 'POST' && url.pathname === '/v1/chat/completions') return { endpoint: 'chat', deployment: undefined };
  if (request.method === 'POST' && url.pathname === '/v1/embeddings') return { endpoint: 'embeddings', deployment: undefined };
  return null;
}

function checkAuth(request: IncomingMessage, apiKey: string, azure: boolean): void {
  if (azure) {
    if (request.headers['api-key'] === apiKey) return;
    throw new ApiError(401, {
      error: {
        code: '401',
        message: 'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.',
      },
    });
  }
  const header = request.headers.authorization;
  if (header === undefined) {
    throw invalid("You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).", null, null, 401);
  }
  const key = header.replace(/^Bearer\s+/i, '');
  if (key !== apiKey) {
    throw invalid(`Incorrect API key provided: ${key.slice(0, 3)}***${key.slice(-4)}. You can find your API key at https://platform.openai.com/account/api-keys.`, null, 'invalid_api_key', 401);
  }
}

function checkUnknownFields(body: Json, known: Set<string>, options: FakeOpenAIOptions): void {
  if (options.acceptUnknownFields) return;
  const unknown = Object.keys(body).find((key) => !known.has(key));
  if (unknown !== undefined) throw invalid(`Unrecognized request argument supplied: ${unknown}`);
}

/** Checks a chat body the way the real API does; returns the messages. */
function validateChat(body: Json, azure: boolean, options: FakeOpenAIOptions): Message[] {
  checkUnknownFields(body, CHAT_FIELDS, options);
  if (!azure && typeof body.model !== 'string') throw invalid('you must provide a model parameter');
  if (body.messages === undefined) throw invalid("Missing required parameter: 'messages'.", 'messages', 'missing_required_parameter');
  if (!Array.isArray(body.messages) || body.messages.length === 0) {
    throw invalid("Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.", 'messages', 'empty_array');
  }
  const messages = body.messages as Message[];
  messages.forEach((message, index) => {
    if (!ROLES.has(String(message.role))) {
      throw invalid(`Invalid value: '${String(message.role)}'. Supported values are: 'system', 'assistant', 'user', 'function', 'tool', and 'developer'.`, `messages[${index}].role`, 'invalid_value');
    }
    if (message.role !== 'assistant' && message.content === undefined) {
      throw invalid(`Missing required parameter: 'messages[${index}].content'.`, `messages[${index}].content`, 'missing_required_parameter');
    }
  });
  checkToolPairing(messages);
  if (body.stream_options !== undefined && body.stream !== true) {
    throw invalid("The 'stream_options' parameter is only allowed when 'stream' is enabled.", 'stream_options');
  }
  if (body.max_tokens !== undefined && /^(o\d|gpt-5)/.test(String(body.model))) {
    throw invalid("Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.", 'max_tokens', 'unsupported_parameter');
  }
  const format = isJson(body.response_format) ? body.response_format.type : undefined;
  if (format === 'json_object' && !messages.some((message) => /json/i.test(messageText(message)))) {
    throw invalid("'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.", 'messages');
  }
  return messages;
}

/** Every tool message must answer a call of the assistant message just before; every call needs an answer. */
function checkToolPairing(messages: Message[]): void {
  let pending = new Set<string>();
  let assistantIndex = -1;
  const unanswered = (): ApiError =>
    invalid(`An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: ${[...pending].join(', ')}`, `messages.[${assistantIndex}].role`);
  messages.forEach((message, index) => {
    if (message.role === 'tool') {
      if (!pending.delete(String(message.tool_call_id))) {
        throw invalid("Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.", `messages.[${index}].role`);
      }
      return;
    }
    if (pending.size > 0) throw unanswered();
    const calls = message.role === 'assistant' && Array.isArray(message.tool_calls) ? (message.tool_calls as Json[]) : [];
    pending = new Set(calls.map((call) => String(call.id)));
    assistantIndex = index;
  });
  if (pending.size > 0) throw unanswered();
}

interface Completion {
  response: Json;
  frames: Json[];
}

/** The deterministic answer of fake-types.ts, as a full response and as stream chunks. */
function chatCompletion(body: Json, deployment: string | undefined, options: FakeOpenAIOptions, counter: number): Completion {
  const messages = validateChat(body, options.azure !== undefined, options);
  const tools = Array.isArray(body.tools) ? (body.tools as Json[]) : [];
  const last = messages[messages.length - 1];
  const lastUser = [...messages].reverse().find((message) => message.role === 'user');
  const userText = lastUser ? messageText(lastUser) : '';
  const format = isJson(body.response_format) ? body.response_format.type : undefined;
  const maxTokens = Number(body.max_completion_tokens ?? body.max_tokens ?? 5);
  const toolName = pickTool(body, tools);
  let answer = `Echo: ${userText}`;
  let finishReason = 'stop';
  let calls: Array<{ id: string; name: string; arguments: string }> = [];
  if (toolName !== undefined && last.role === 'user' && /weather/i.test(userText)) {
    const cities = /parallel/i.test(userText) ? ['Paris', 'Tokyo'] : ['Paris'];
    calls = cities.map((city, index) => ({ id: `call_fake${counter}_${index}`, name: toolName, arguments: JSON.stringify({ city }) }));
    finishReason = 'tool_calls';
  } else if (last.role === 'tool') answer = `Tool said: ${messageText(last)}`;
  else if (format === 'json_object' || format === 'json_schema') answer = JSON.stringify({ echo: userText });
  else if (/long answer/i.test(userText)) {
    answer = answer.split(/\s+/).slice(0, Math.max(1, maxTokens)).join(' ');
    finishReason = 'length';
  }
  const n = typeof body.n === 'number' ? body.n : 1;
  const outputWords = calls.length > 0 ? calls.reduce((sum, call) => sum + words(call.arguments), 0) : words(answer);
  const promptTokens = messages.reduce((sum, message) => sum + words(messageText(message)), 0) + 10 * tools.length;
  const completionTokens = Math.max(1, outputWords) * n;
  const usage = {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
    prompt_tokens_details: { cached_tokens: /cached/i.test(userText) ? 4 : 0, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
  };
  const id = `chatcmpl-fake${counter}`;
  const model = deployment ?? String(body.model);
  const head = { id, created: 1_700_000_000 + counter, model, system_fingerprint: 'fp_fake' };
  const toolCalls = calls.map((call) => ({ id: call.id, type: 'function', function: { name: call.name, arguments: call.arguments } }));
  const indexes = Array.from({ length: n }, (_, index) => index);
  const message = calls.length > 0
    ? { role: 'assistant', content: null, tool_calls: toolCalls, refusal: null, annotations: [] }
    : { role: 'assistant', content: answer, refusal: null, annotations: [] };
  const response = {
    ...head,
    object: 'chat.completion',
    choices: indexes.map((index) => ({ index, message, logprobs: null, finish_reason: finishReason })),
    usage,
    service_tier: 'default',
  };
  // Stream: per choice a role delta, content (or tool call) deltas, then the finish; choices interleave.
  const deltas = indexes.map((index) => {
    const steps: Json[] = [{ role: 'assistant', content: calls.length > 0 ? null : '', refusal: null }];
    if (calls.length === 0) for (const piece of pieces(answer, 5)) steps.push({ content: piece });
    calls.forEach((call, callIndex) => {
      steps.push({ tool_calls: [{ index: callIndex, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }] });
      for (const piece of pieces(call.arguments, 6)) steps.push({ tool_calls: [{ index: callIndex, function: { arguments: piece } }] });
    });
    const choices: Json[] = steps.map((delta) => ({ index, delta, logprobs: null, finish_reason: null }));
    return [...choices, { index, delta: {}, logprobs: null, finish_reason: finishReason }];
  });
  const includeUsage = isJson(body.stream_options) && body.stream_options.include_usage === true;
  // With include_usage every chunk carries `usage: null` and a last chunk with `choices: []` carries the usage.
  const chunk = (choices: Json[]): Json => ({ ...head, object: 'chat.completion.chunk', service_tier: 'default', choices, ...(includeUsage ? { usage: null } : {}) });
  const frames: Json[] = [];
  if (options.azure) frames.push({ choices: [], created: 0, id: '', model: '', object: '', prompt_filter_results: [{ prompt_index: 0, content_filter_results: {} }] });
  for (let step = 0; deltas.some((list) => step < list.length); step += 1) {
    for (const list of deltas) if (step < list.length) frames.push(chunk([list[step]]));
  }
  if (includeUsage) frames.push({ ...chunk([]), usage });
  return { response, frames };
}

function pickTool(body: Json, tools: Json[]): string | undefined {
  if (tools.length === 0 || body.tool_choice === 'none') return undefined;
  const chosen = isJson(body.tool_choice) && isJson(body.tool_choice.function) ? body.tool_choice.function.name : undefined;
  const first = isJson(tools[0].function) ? tools[0].function.name : undefined;
  return String(chosen ?? first);
}

async function sendStream(response: ServerResponse, frames: Json[], failure: Extract<ScriptedFailure, { kind: 'mid-stream' }> | undefined): Promise<void> {
  response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
  const write = (text: string): Promise<void> => new Promise((resolve) => response.write(text, () => resolve()));
  for (let index = 0; index <= frames.length; index += 1) {
    if (failure !== undefined && index === failure.afterEvents) {
      if (failure.cut) return void response.socket?.destroy();
      const error = { message: failure.message ?? DEFAULT_ERRORS[500].message, type: 'server_error', param: null, code: null };
      await write(`data: ${JSON.stringify({ error })}\n\n`);
      return void response.end();
    }
    if (index < frames.length) await write(`data: ${JSON.stringify(frames[index])}\n\n`);
  }
  response.end('data: [DONE]\n\n');
}

/** Deterministic unit vectors of float32-exact values (so float and base64 agree), `dimensions` honoured. */
function embeddings(body: Json, deployment: string | undefined, options: FakeOpenAIOptions): Json {
  checkUnknownFields(body, EMBEDDING_FIELDS, options);
  const model = deployment ?? body.model;
  if (options.azure === undefined && typeof model !== 'string') throw invalid('you must provide a model parameter');
  if (body.input === undefined) throw invalid("Missing required parameter: 'input'.", 'input', 'missing_required_parameter');
  const raw = Array.isArray(body.input) && body.input.length > 0 && typeof body.input[0] !== 'number' ? body.input : [body.input];
  const inputs = raw.map((item) => (Array.isArray(item) ? item.join(' ') : String(item)));
  if (inputs.some((input) => input.length === 0)) throw invalid("'$.input' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference.");
  const format = body.encoding_format ?? 'float';
  if (format !== 'float' && format !== 'base64') {
    throw invalid(`Invalid value: '${String(format)}'. Supported values are: 'float' and 'base64'.`, 'encoding_format', 'invalid_value');
  }
  if (body.dimensions !== undefined && String(model).includes('ada-002')) throw invalid('This model does not support specifying dimensions.');
  const size = typeof body.dimensions === 'number' ? body.dimensions : String(model).includes('large') ? 3072 : 1536;
  const data = inputs.map((input, index) => {
    const vector = vectorFor(input, size);
    const bytes = Buffer.alloc(size * 4);
    vector.forEach((value, position) => bytes.writeFloatLE(value, position * 4));
    return { object: 'embedding', index, embedding: format === 'base64' ? bytes.toString('base64') : vector };
  });
  const tokens = inputs.reduce((sum, input) => sum + words(input), 0);
  return { object: 'list', data, model, usage: { prompt_tokens: tokens, total_tokens: tokens } };
}

function vectorFor(text: string, size: number): number[] {
  let state = 2166136261;
  for (const character of text) state = Math.imul(state ^ character.codePointAt(0)!, 16777619) >>> 0;
  const values: number[] = [];
  for (let index = 0; index < size; index += 1) {
    state ^= state << 13; state ^= state >>> 17; state ^= state << 5; state >>>= 0;
    values.push(state / 2 ** 31 - 1);
  }
  const norm = Math.sqrt(values.reduce((sum, value) => sum + value * value, 0)) || 1;
  return values.map((value) => Math.fround(value / norm));
}

function modelList(): Json {
  return { object: 'list', data: MODELS.map((id) => ({ id, object: 'model', created: 1_700_000_000, owned_by: 'system' })) };
}

function messageText(message: Message): string {
  if (typeof message.content === 'string') return message.content;
  if (!Array.isArray(message.content)) return '';
  return (message.content as Json[]).filter((part) => part.type === 'text').map((part) => String(part.text)).join(' ');
}

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function pieces(text: string, size: number): string[] {
  const result: string[] = [];
  for (let start = 0; start < text.length; start += size) result.push(text.slice(start, start + size));
  return result;
}

function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (response.headersSent) return void response.end();
  response.writeHead(status, { 'content-type': 'application/json', 'openai-version': '2020-10-01', ...headers });
  response.end(JSON.stringify(body));
}
