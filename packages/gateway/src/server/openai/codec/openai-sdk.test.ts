/**
 * Proves the official `openai` SDK accepts what this codec renders: a tiny HTTP server on
 * 127.0.0.1 answers with the renderers' output, and the SDK's own parsers, stream accumulators
 * and retry logic consume it. The server also runs the request parser on what the SDK sends.
 */

import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import OpenAI from 'openai';
import { GatewayError } from '../../../core/index.js';
import type { ChatRequest, StreamEvent, Usage } from '../../../core/index.js';
import {
  createChatStreamRenderer,
  parseChatCompletionRequest,
  parseEmbeddingRequest,
  renderChatCompletion,
  renderEmbeddings,
  renderModelList,
  renderOpenAIError,
} from './index.js';

const usage: Usage = { promptTokens: 20, completionTokens: 8, cachedTokens: 5, cacheWriteTokens: 0, reasoningTokens: 1, estimated: false };

/** The canonical events each test model streams. */
const STREAMS: Record<string, StreamEvent[]> = {
  'text-model': [
    { type: 'start', id: 'chatcmpl-text', model: 'upstream', created: 1_700_000_000 },
    { type: 'text-delta', choice: 0, text: 'Hello' },
    { type: 'text-delta', choice: 0, text: ', world' },
    { type: 'finish', choice: 0, finishReason: { unified: 'stop', raw: 'end_turn' } },
    { type: 'usage', usage },
  ],
  'tool-model': [
    { type: 'start', id: 'chatcmpl-tools', model: 'upstream', created: 1_700_000_000 },
    { type: 'text-delta', choice: 0, text: 'Checking.' },
    { type: 'tool-call-start', choice: 0, index: 0, id: 'call_weather', name: 'get_weather' },
    { type: 'tool-call-delta', choice: 0, index: 0, argumentsDelta: '{"city":' },
    { type: 'tool-call-delta', choice: 0, index: 0, argumentsDelta: '"Paris"}' },
    { type: 'tool-call-start', choice: 0, index: 1, id: 'call_time', name: 'get_time' },
    { type: 'tool-call-delta', choice: 0, index: 1, argumentsDelta: '{}' },
    { type: 'finish', choice: 0, finishReason: { unified: 'tool_calls', raw: 'tool_use' } },
    { type: 'usage', usage },
  ],
  'failing-model': [
    { type: 'start', id: 'chatcmpl-fail', model: 'upstream', created: 1_700_000_000 },
    { type: 'text-delta', choice: 0, text: 'Partial' },
    {
      type: 'error',
      error: new GatewayError('SY_ERR_UPSTREAM_SERVER', 'Provider "p" failed (upstream 500): boom', { provider: 'p' }),
    },
  ],
};

let server: Server;
let client: OpenAI;
let requestsSeen = 0;
const parsedRequests: ChatRequest[] = [];

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
}

function sendError(response: ServerResponse, error: GatewayError): void {
  const rendered = renderOpenAIError(error);
  response.writeHead(rendered.status, { 'content-type': 'application/json', ...rendered.headers });
  response.end(JSON.stringify(rendered.body));
}

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  requestsSeen += 1;
  if (request.method === 'GET' && request.url === '/v1/models') {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(renderModelList([{ id: 'text-model', ownedBy: 'switchyard', created: 1 }])));
    return;
  }
  const body = await readJson(request);
  if (request.url === '/v1/embeddings') {
    const { request: embedding } = parseEmbeddingRequest(body);
    assert.ok(embedding);
    const embeddingResponse = { model: 'up', embeddings: embedding.input.map((_, index) => [index + 0.5, -0.25]), usage: { promptTokens: 3, estimated: false } };
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(renderEmbeddings(embeddingResponse, { model: embedding.model, encodingFormat: embedding.encodingFormat })));
    return;
  }
  let chat: ChatRequest;
  try {
    chat = parseChatCompletionRequest(body);
  } catch (error) {
    sendError(response, error as GatewayError);
    return;
  }
  parsedRequests.push(chat);
  if (chat.model === 'budget-model') {
    sendError(response, new GatewayError('SY_ERR_UPSTREAM_RATE_LIMITED', 'Budget "team" exhausted.', { retryable: false, retryAfterMs: 60_000 }));
    return;
  }
  if (!chat.stream) {
    const completion = renderChatCompletion(
      {
        id: 'chatcmpl-json',
        model: 'upstream',
        created: 1_700_000_000,
        choices: [{ index: 0, content: null, toolCalls: [{ id: 'call_1', name: 'f', arguments: '{"a":1}' }], finishReason: { unified: 'tool_calls', raw: null } }],
        usage,
      },
      { model: chat.model },
    );
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(completion));
    return;
  }
  const renderer = createChatStreamRenderer({ model: chat.model, includeUsage: chat.includeUsage, requestId: 'req-1' });
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  for (const event of STREAMS[chat.model] ?? []) response.write(renderer.render(event));
  response.end(renderer.end());
}

before(async () => {
  server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500);
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  client = new OpenAI({ apiKey: 'sk-test', baseURL: `http://127.0.0.1:${port}/v1`, maxRetries: 0 });
});

after(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const weatherTool = {
  type: 'function' as const,
  function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } },
};

describe('the official openai SDK against the rendered wire format', () => {
  it('accumulates a streamed tool-call answer with chat.completions.stream() and finalChatCompletion()', async () => {
    const stream = client.chat.completions.stream({
      model: 'tool-model',
      messages: [{ role: 'user', content: 'Weather in Paris, and the time?' }],
      tools: [weatherTool, { type: 'function', function: { name: 'get_time' } }],
      stream_options: { include_usage: true },
    });
    const completion = await stream.finalChatCompletion();
    assert.equal(completion.id, 'chatcmpl-tools');
    assert.equal(completion.model, 'tool-model');
    const choice = completion.choices[0];
    assert.ok(choice);
    assert.equal(choice.finish_reason, 'tool_calls');
    assert.equal(choice.message.role, 'assistant');
    assert.equal(choice.message.content, 'Checking.');
    assert.deepEqual(
      choice.message.tool_calls?.map((call) => (call.type === 'function' ? [call.id, call.function.name, call.function.arguments] : [])),
      [
        ['call_weather', 'get_weather', '{"city":"Paris"}'],
        ['call_time', 'get_time', '{}'],
      ],
    );
    assert.equal(completion.usage?.total_tokens, 28);
    assert.equal(completion.usage?.prompt_tokens_details?.cached_tokens, 5);
  });

  it('sends the accumulated tool calls back in a form the parser accepts', async () => {
    const stream = client.chat.completions.stream({
      model: 'tool-model',
      messages: [{ role: 'user', content: 'Weather?' }],
      tools: [weatherTool, { type: 'function', function: { name: 'get_time' } }],
    });
    const message = await stream.finalMessage();
    await client.chat.completions.create({
      model: 'text-model',
      messages: [
        { role: 'user', content: 'Weather?' },
        message,
        { role: 'tool', tool_call_id: 'call_weather', content: 'Sunny' },
        { role: 'tool', tool_call_id: 'call_time', content: '12:00' },
      ],
    });
    const parsed = parsedRequests.at(-1);
    assert.deepEqual(parsed?.messages[1], {
      role: 'assistant',
      content: [{ type: 'text', text: 'Checking.' }],
      toolCalls: [
        { id: 'call_weather', name: 'get_weather', arguments: '{"city":"Paris"}' },
        { id: 'call_time', name: 'get_time', arguments: '{}' },
      ],
    });
  });

  it('streams text with create({stream: true}); usage arrives once, in the last chunk, only when asked', async () => {
    for (const includeUsage of [true, false]) {
      const chunks = [];
      const stream = await client.chat.completions.create({
        model: 'text-model',
        messages: [{ role: 'user', content: 'Hi' }],
        stream: true,
        ...(includeUsage ? { stream_options: { include_usage: true } } : {}),
      });
      for await (const chunk of stream) chunks.push(chunk);
      const text = chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');
      assert.equal(text, 'Hello, world');
      const withUsage = chunks.filter((chunk) => chunk.usage);
      if (includeUsage) {
        assert.equal(withUsage.length, 1);
        assert.equal(withUsage[0], chunks.at(-1));
        assert.deepEqual(withUsage[0]?.choices, []);
        assert.equal(withUsage[0]?.usage?.completion_tokens, 8);
      } else {
        assert.equal(withUsage.length, 0);
      }
    }
  });

  it('throws an APIError on the in-band error frame of a failing stream', async () => {
    const stream = await client.chat.completions.create({ model: 'failing-model', messages: [{ role: 'user', content: 'Hi' }], stream: true });
    let text = '';
    await assert.rejects(
      async () => {
        for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
      },
      (error: unknown) => {
        assert.ok(error instanceof OpenAI.APIError);
        assert.equal(error.message, 'Provider "p" failed (upstream 500): boom');
        assert.equal(error.code, 'upstream_error');
        assert.equal(error.type, 'api_error');
        return true;
      },
    );
    assert.equal(text, 'Partial');
  });

  it('reads a non-streamed completion with tool calls', async () => {
    const completion = await client.chat.completions.create({
      model: 'json-model',
      messages: [{ role: 'user', content: [{ type: 'text', text: 'look' }, { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } }] }],
    });
    assert.equal(completion.object, 'chat.completion');
    assert.equal(completion.model, 'json-model');
    const call = completion.choices[0]?.message.tool_calls?.[0];
    assert.ok(call && call.type === 'function');
    assert.equal(call.function.arguments, '{"a":1}');
    const userContent = parsedRequests.at(-1)?.messages[0]?.content;
    assert.deepEqual(userContent?.[1], { type: 'image', source: { kind: 'base64', mediaType: 'image/png', data: 'iVBORw0KGgo=' } });
  });

  it('surfaces a validation error as BadRequestError with its param and message', async () => {
    await assert.rejects(
      client.chat.completions.create({ model: 'text-model', messages: [{ role: 'user', content: 'x' }], temperature: 5 }),
      (error: unknown) => {
        assert.ok(error instanceof OpenAI.BadRequestError);
        assert.equal(error.status, 400);
        assert.equal(error.param, 'temperature');
        assert.equal(error.type, 'invalid_request_error');
        assert.match(error.message, /temperature: expected a number between 0 and 2/);
        return true;
      },
    );
  });

  it('does not retry a non-retryable 429, even with retries enabled', async () => {
    const retrying = client.withOptions({ maxRetries: 2 });
    const countBefore = requestsSeen;
    await assert.rejects(
      retrying.chat.completions.create({ model: 'budget-model', messages: [{ role: 'user', content: 'x' }] }),
      (error: unknown) => {
        assert.ok(error instanceof OpenAI.RateLimitError);
        assert.equal(error.headers.get('retry-after'), '60');
        return true;
      },
    );
    assert.equal(requestsSeen - countBefore, 1);
  });

  it('decodes base64 embeddings (the SDK default) back to the float32 values', async () => {
    const result = await client.embeddings.create({ model: 'emb', input: ['a', 'b'] });
    assert.deepEqual(
      result.data.map((item) => item.embedding),
      [
        [0.5, -0.25],
        [1.5, -0.25],
      ],
    );
    assert.equal(result.usage.prompt_tokens, 3);
  });

  it('lists models', async () => {
    const page = await client.models.list();
    assert.deepEqual(
      page.data.map((model) => [model.id, model.owned_by]),
      [['text-model', 'switchyard']],
    );
  });
});
