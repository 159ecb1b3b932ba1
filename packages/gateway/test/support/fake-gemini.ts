/**
 * A fake Gemini API (Generative Language API, v1beta) on 127.0.0.1: generateContent,
 * streamGenerateContent (?alt=sse), embedContent and batchEmbedContents, answering with the
 * deterministic behaviour of fake-types.ts in Gemini's exact wire format, and rejecting what the
 * real API rejects (bad key, unknown fields, roles other than user/model, orphan function
 * responses, empty contents) with Google's `{error:{code, message, status}}` shape.
 * References: https://ai.google.dev/api/generate-content, https://ai.google.dev/api/embeddings.
 */

import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash, randomBytes } from 'node:crypto';
import type { FakeUpstream, RecordedRequest, ScriptedFailure } from './fake-types.js';

type Json = Record<string, unknown>;
/** A message's known fields: a nested message, a repeated message (`[shape]`), or 'any' (scalars, Struct, Schema). */
type Shape = { [field: string]: Shape | [Shape] | 'any' };

const ANY = 'any' as const;
const PART: Shape = {
  text: ANY, thought: ANY, thoughtSignature: ANY, partMetadata: ANY, videoMetadata: ANY, mediaResolution: ANY,
  inlineData: { mimeType: ANY, data: ANY, displayName: ANY },
  fileData: { mimeType: ANY, fileUri: ANY, displayName: ANY },
  functionCall: { id: ANY, name: ANY, args: ANY },
  functionResponse: { id: ANY, name: ANY, response: ANY, parts: ANY, willContinue: ANY, scheduling: ANY },
  executableCode: ANY, codeExecutionResult: ANY, toolCall: ANY, toolResponse: ANY,
};
const CONTENT: Shape = { role: ANY, parts: [PART] };
const DECLARATION: Shape = {
  name: ANY, description: ANY, behavior: ANY, parameters: ANY, parametersJsonSchema: ANY, response: ANY, responseJsonSchema: ANY,
};
const GENERATE: Shape = {
  model: ANY, contents: [CONTENT], systemInstruction: CONTENT, safetySettings: ANY, cachedContent: ANY, serviceTier: ANY, store: ANY,
  tools: [{
    functionDeclarations: [DECLARATION], googleSearchRetrieval: ANY, codeExecution: ANY, googleSearch: ANY, computerUse: ANY,
    urlContext: ANY, fileSearch: ANY, googleMaps: ANY, mcpServers: ANY,
  }],
  toolConfig: { functionCallingConfig: { mode: ANY, allowedFunctionNames: ANY }, retrievalConfig: ANY, includeServerSideToolInvocations: ANY },
  generationConfig: {
    stopSequences: ANY, responseMimeType: ANY, responseSchema: ANY, responseJsonSchema: ANY, _responseJsonSchema: ANY,
    responseModalities: ANY, candidateCount: ANY, maxOutputTokens: ANY, temperature: ANY, topP: ANY, topK: ANY, seed: ANY,
    presencePenalty: ANY, frequencyPenalty: ANY, responseLogprobs: ANY, logprobs: ANY, enableEnhancedCivicAnswers: ANY,
    speechConfig: ANY, thinkingConfig: ANY, imageConfig: ANY, mediaResolution: ANY,
  },
};
const EMBED: Shape = { model: ANY, content: CONTENT, taskType: ANY, title: ANY, outputDimensionality: ANY };
const BATCH_EMBED: Shape = { requests: [EMBED] };
const METHODS: Record<string, Shape> = {
  generateContent: GENERATE, streamGenerateContent: GENERATE, embedContent: EMBED, batchEmbedContents: BATCH_EMBED,
};
const STATUS_NAMES: Record<number, [string, string]> = {
  400: ['INVALID_ARGUMENT', 'Request contains an invalid argument.'],
  401: ['UNAUTHENTICATED', 'Request had invalid authentication credentials.'],
  403: ['PERMISSION_DENIED', 'The caller does not have permission.'],
  404: ['NOT_FOUND', 'Requested entity was not found.'],
  429: ['RESOURCE_EXHAUSTED', 'Resource has been exhausted (e.g. check quota).'],
  500: ['INTERNAL', 'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting'],
  503: ['UNAVAILABLE', 'The model is overloaded. Please try again later.'],
  504: ['DEADLINE_EXCEEDED', 'The request timed out. Please try again.'],
};

class ApiFailure extends Error {
  constructor(readonly status: number, message: string, readonly details?: unknown[]) {
    super(message);
  }
}

function errorBody(status: number, message?: string, details?: unknown[]): Json {
  const [name, text] = STATUS_NAMES[status] ?? (status >= 500 ? STATUS_NAMES[500]! : STATUS_NAMES[400]!);
  return { error: { code: status, message: message ?? text, status: name, ...(details ? { details } : {}) } };
}

const isJson = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const snake = (name: string): string => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
const camel = (name: string): string => name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** Checks field names like Google's JSON parser (camelCase or snake_case) and returns a camelCase copy. */
function normalise(value: unknown, shape: Shape, path: string): Json {
  if (!isJson(value)) throw new ApiFailure(400, `Invalid JSON payload received. Expected an object${path ? ` at '${path}'` : ''}.`);
  const result: Json = {};
  for (const [rawName, field] of Object.entries(value)) {
    const name = camel(rawName);
    const known = shape[name];
    if (known === undefined) {
      throw new ApiFailure(400, `Invalid JSON payload received. Unknown name "${rawName}"${path ? ` at '${path}'` : ''}: Cannot find field.`);
    }
    const fieldPath = path ? `${path}.${snake(name)}` : snake(name);
    if (known === ANY) result[name] = field;
    else if (Array.isArray(known)) {
      if (!Array.isArray(field)) throw new ApiFailure(400, `Invalid value at '${fieldPath}': Proto field is not repeating, cannot start list.`);
      result[name] = field.map((item, index) => normalise(item, known[0], `${fieldPath}[${index}]`));
    } else result[name] = normalise(field, known, fieldPath);
  }
  return result;
}

const partsOf = (content: unknown): Json[] => (isJson(content) && Array.isArray(content['parts']) ? (content['parts'] as Json[]) : []);
const textOf = (content: unknown): string => partsOf(content).flatMap((part) => (typeof part['text'] === 'string' ? [part['text']] : [])).join(' ');
const words = (text: string): number => text.split(/\s+/).filter(Boolean).length;

/** The semantic checks of generateContent that the real API makes before generating. */
function validateContents(contents: Json[]): void {
  if (contents.length === 0) throw new ApiFailure(400, '* GenerateContentRequest.contents: contents is not specified\n');
  contents.forEach((content, index) => {
    if (content['role'] !== undefined && content['role'] !== 'user' && content['role'] !== 'model') {
      throw new ApiFailure(400, 'Please use a valid role: user, model.');
    }
    const parts = partsOf(content);
    if (parts.length === 0) throw new ApiFailure(400, `* GenerateContentRequest.contents[${index}].parts: contents.parts must not be empty.\n`);
    parts.forEach((part, partIndex) => {
      const inline = part['inlineData'];
      if (isJson(inline) && !/^[A-Za-z0-9+/_-]*={0,2}$/.test(String(inline['data']))) {
        throw new ApiFailure(400, `Invalid value at 'contents[${index}].parts[${partIndex}].inline_data.data' (TYPE_BYTES), Base64 decoding failed`);
      }
    });
    const responses = parts.flatMap((part) => (isJson(part['functionResponse']) ? [part['functionResponse']] : []));
    if (responses.length === 0) return;
    const previous = contents[index - 1];
    const calls = partsOf(previous).flatMap((part) => (isJson(part['functionCall']) ? [String(part['functionCall']['name'])] : []));
    if (previous?.['role'] !== 'model' || calls.length === 0) {
      throw new ApiFailure(400, 'Please ensure that function response turn comes immediately after a function call turn.');
    }
    if (responses.length !== calls.length) {
      throw new ApiFailure(400, 'Please ensure that the number of function response parts is equal to the number of function call parts of the function call turn.');
    }
    for (const response of responses) {
      if (!calls.includes(String(response['name']))) {
        throw new ApiFailure(400, `Please ensure that the name of function response "${String(response['name'])}" matches a function call of the function call turn.`);
      }
    }
  });
}

/** Google's documented stand-ins for a lost signature (https://ai.google.dev/gemini-api/docs/thought-signatures#faqs). */
const SIGNATURE_SENTINELS = new Set(['skip_thought_signature_validator', 'context_engineering_is_the_way_to_go']);

/**
 * Gemini 3 signs the first function call of each step and, within the current turn (since the last
 * user text), rejects a replayed step whose first call lost its signature or carries a forged one.
 */
function validateSignatures(contents: Json[], issued: Set<string>): void {
  let turnStart = contents.length - 1;
  while (turnStart >= 0 && !(contents[turnStart]!['role'] !== 'model' && partsOf(contents[turnStart]).some((part) => typeof part['text'] === 'string'))) {
    turnStart -= 1;
  }
  contents.slice(turnStart + 1).forEach((content, offset) => {
    const first = partsOf(content).find((part) => isJson(part['functionCall']));
    if (content['role'] !== 'model' || !first) return;
    const signature = first['thoughtSignature'];
    if (typeof signature !== 'string') {
      const name = String((first['functionCall'] as Json)['name']);
      throw new ApiFailure(400, `Function call is missing a thought_signature in functionCall parts. This is required for tools to work correctly, and missing thought_signature may lead to degraded model performance. Additional data, function call \`default_api:${name}\` , position ${turnStart + 2 + offset}. Please refer to https://ai.google.dev/gemini-api/docs/thought-signatures for more details.`);
    }
    if (!issued.has(signature) && !SIGNATURE_SENTINELS.has(signature)) throw new ApiFailure(400, 'Corrupted thought signature.');
  });
}

interface Answer {
  parts: Json[];
  finishReason: 'STOP' | 'MAX_TOKENS';
  usageMetadata: Json;
}

/** The deterministic behaviour of fake-types.ts, for one validated generateContent body. */
function answer(body: Json): Answer {
  const contents = body['contents'] as Json[];
  const last = contents[contents.length - 1];
  const text = textOf(last);
  const declarations = ((body['tools'] as Json[] | undefined) ?? []).flatMap((tool) => (tool['functionDeclarations'] as Json[] | undefined) ?? []);
  const config = isJson(body['generationConfig']) ? body['generationConfig'] : {};
  const callingConfig = isJson(body['toolConfig']) && isJson(body['toolConfig']['functionCallingConfig']) ? body['toolConfig']['functionCallingConfig'] : {};
  const allowed = Array.isArray(callingConfig['allowedFunctionNames']) ? (callingConfig['allowedFunctionNames'] as string[]) : [];
  const toolResults = partsOf(last).flatMap((part) => (isJson(part['functionResponse']) ? [part['functionResponse']] : []));
  let parts: Json[];
  let finishReason: Answer['finishReason'] = 'STOP';
  if (toolResults.length > 0) {
    const results = toolResults.map((result) => {
      const response = isJson(result['response']) ? result['response'] : {};
      const value = response['result'] ?? response['output'] ?? response;
      return typeof value === 'string' ? value : JSON.stringify(value);
    });
    parts = [{ text: `Tool said: ${results.join(', ')}` }];
  } else if (declarations.length > 0 && callingConfig['mode'] !== 'NONE' && /weather/i.test(text)) {
    const name = allowed[0] ?? String(declarations[0]!['name']);
    const cities = /parallel/i.test(text) ? ['Paris', 'Tokyo'] : ['Paris'];
    parts = cities.map((city) => ({ functionCall: { name, args: { city } } }));
  } else if (config['responseMimeType'] === 'application/json') {
    parts = [{ text: JSON.stringify({ echo: text }) }];
  } else if (/long answer/i.test(text)) {
    const limit = typeof config['maxOutputTokens'] === 'number' ? config['maxOutputTokens'] : 8;
    parts = [{ text: Array.from({ length: limit }, (_, index) => `word${index + 1}`).join(' ') }];
    finishReason = 'MAX_TOKENS';
  } else {
    parts = [{ text: `Echo: ${text}` }];
  }
  const promptTokenCount =
    [body['systemInstruction'], ...contents].reduce<number>((sum, content) => sum + words(textOf(content)), 0) +
    contents.flatMap(partsOf).filter((part) => part['functionCall'] || part['functionResponse']).reduce((sum, part) => sum + words(JSON.stringify(part)), 0) +
    10 * declarations.length;
  const answerWords = parts.reduce((sum, part) => sum + words(typeof part['text'] === 'string' ? part['text'] : JSON.stringify(part)), 0);
  const candidatesTokenCount = Math.max(1, answerWords);
  const usageMetadata: Json = {
    promptTokenCount,
    candidatesTokenCount,
    totalTokenCount: promptTokenCount + candidatesTokenCount,
    ...(/cached/i.test(text) ? { cachedContentTokenCount: 4 } : {}),
    promptTokensDetails: [{ modality: 'TEXT', tokenCount: promptTokenCount }],
  };
  return { parts, finishReason, usageMetadata };
}

/** A deterministic vector for a text: `dimensions` values in [-1, 1). */
function embedding(text: string, dimensions: number): number[] {
  const seed = createHash('sha256').update(text).digest();
  return Array.from({ length: dimensions }, (_, index) => (seed[index % 32]! ^ (index * 31)) % 256 / 128 - 1);
}

function embedValues(request: Json, model: string): { values: number[] } {
  const text = textOf(request['content']);
  if (partsOf(request['content']).length === 0) throw new ApiFailure(400, '* EmbedContentRequest.content.parts: contents.parts must not be empty.\n');
  const requested = request['outputDimensionality'];
  const dimensions = typeof requested === 'number' ? requested : model.includes('gemini-embedding') ? 3072 : 768;
  return { values: embedding(text, dimensions) };
}

export async function startFakeGemini(options: { apiKey?: string } = {}): Promise<FakeUpstream> {
  const apiKey = options.apiKey ?? 'fake-gemini-key';
  const requests: RecordedRequest[] = [];
  const failures: ScriptedFailure[] = [];
  const signatures = new Set<string>();

  const sendJson = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
    response.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers });
    response.end(JSON.stringify(body));
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    let body: unknown;
    try {
      body = text.length > 0 ? (JSON.parse(text) as unknown) : undefined;
    } catch {
      body = undefined;
    }
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    requests.push({ method: request.method ?? 'GET', url: request.url ?? '/', headers: request.headers, body });

    const failure = failures.shift();
    if (failure?.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, failure.ms));
    if (failure?.kind === 'http') {
      sendJson(response, failure.status, failure.body ?? errorBody(failure.status, failure.message), failure.headers);
      return;
    }
    const key = request.headers['x-goog-api-key'] ?? url.searchParams.get('key');
    if (key === undefined || key === null) {
      throw new ApiFailure(403, "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.");
    }
    if (key !== apiKey) {
      throw new ApiFailure(400, 'API key not valid. Please pass a valid API key.', [
        { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com', metadata: { service: 'generativelanguage.googleapis.com' } },
        { '@type': 'type.googleapis.com/google.rpc.LocalizedMessage', locale: 'en-US', message: 'API key not valid. Please pass a valid API key.' },
      ]);
    }
    const route = /^\/v1beta\/models\/([^/:]+):([A-Za-z]+)$/.exec(url.pathname);
    const shape = route ? METHODS[route[2]!] : undefined;
    if (!route || !shape || request.method !== 'POST') throw new ApiFailure(404, `Method not found: ${request.method} ${url.pathname}.`);
    const model = route[1]!;
    const method = route[2]!;
    if (body === undefined) throw new ApiFailure(400, `Invalid JSON payload received. Unexpected token.\n${text.slice(0, 40)}\n^`);
    const normalised = normalise(body, shape, '');

    if (method === 'embedContent') return sendJson(response, 200, { embedding: embedValues(normalised, model) });
    if (method === 'batchEmbedContents') {
      const batch = (normalised['requests'] as Json[] | undefined) ?? [];
      batch.forEach((item, index) => {
        if (item['model'] !== `models/${model}`) {
          throw new ApiFailure(400, `* BatchEmbedContentsRequest.requests[${index}].model: the model of each request must match the model in the URL (models/${model}).\n`);
        }
      });
      return sendJson(response, 200, { embeddings: batch.map((item) => embedValues(item, model)) });
    }

    const contents = (normalised['contents'] as Json[] | undefined) ?? [];
    validateContents(contents);
    const signs = /^gemini-3/.test(model);
    if (signs) validateSignatures(contents, signatures);
    const result = answer(normalised);
    const firstCall = result.parts.find((part) => isJson(part['functionCall']));
    if (signs && firstCall) {
      // Real signatures are opaque base64 bytes; these start with "++//" so the characters base64url replaces are exercised.
      const signature = Buffer.concat([Buffer.from([0xfb, 0xef, 0xff]), randomBytes(45)]).toString('base64');
      signatures.add(signature);
      firstCall['thoughtSignature'] = signature;
    }
    const config = isJson(normalised['generationConfig']) ? normalised['generationConfig'] : {};
    const candidateCount = typeof config['candidateCount'] === 'number' ? config['candidateCount'] : 1;
    const envelope = { modelVersion: model, responseId: randomBytes(16).toString('base64url').slice(0, 22) };
    const candidates = (parts: Json[], finishReason?: string): Json[] =>
      Array.from({ length: candidateCount }, (_, index) => ({ content: { parts, role: 'model' }, ...(finishReason ? { finishReason } : {}), index }));

    if (method === 'generateContent') {
      if (failure?.kind === 'mid-stream') {
        if (failure.cut) return void response.socket?.destroy();
        return sendJson(response, 500, errorBody(500, failure.message));
      }
      return sendJson(response, 200, { candidates: candidates(result.parts, result.finishReason), usageMetadata: result.usageMetadata, ...envelope });
    }
    // Streaming: text in pieces of a few characters; function calls whole, in one chunk.
    const texts = result.parts.flatMap((part) => (typeof part['text'] === 'string' ? [part['text']] : []));
    const pieces: Json[][] = texts.length > 0 ? (texts.join('').match(/[\s\S]{1,6}/g) ?? ['']).map((piece) => [{ text: piece }]) : [result.parts];
    const { promptTokenCount, promptTokensDetails } = result.usageMetadata;
    const failAt = failure?.kind === 'mid-stream' ? Math.min(failure.afterEvents, pieces.length) : -1;
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    response.flushHeaders();
    for (let index = 0; index <= pieces.length; index += 1) {
      if (failure?.kind === 'mid-stream' && index === failAt) {
        if (failure.cut) return void response.socket?.destroy();
        response.end(`data: ${JSON.stringify(errorBody(500, failure.message))}\r\n\r\n`);
        return;
      }
      const parts = pieces[index];
      if (parts === undefined) break;
      const isLast = index === pieces.length - 1;
      const usageMetadata = isLast ? result.usageMetadata : { promptTokenCount, totalTokenCount: promptTokenCount, promptTokensDetails };
      response.write(`data: ${JSON.stringify({ candidates: candidates(parts, isLast ? result.finishReason : undefined), usageMetadata, ...envelope })}\r\n\r\n`);
      await new Promise((resolve) => setImmediate(resolve));
    }
    response.end();
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (response.headersSent) return void response.destroy();
      if (error instanceof ApiFailure) return sendJson(response, error.status, errorBody(error.status, error.message, error.details));
      sendJson(response, 500, errorBody(500, error instanceof Error ? error.message : String(error)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    apiKey,
    failNext: (failure) => void failures.push(failure),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
