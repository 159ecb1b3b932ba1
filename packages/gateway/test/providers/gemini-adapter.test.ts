/**
 * The Gemini adapter against the fake Gemini upstream: OpenAI-shaped canonical requests in,
 * Gemini wire format out (only user/model roles, function calls paired by name), canonical
 * responses, streams, usage, embeddings and error mapping back.
 */

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ChatRequest, Deployment, GatewayError, ProviderSettings, StreamEvent } from '../../src/core/index.js';
import { createGeminiAdapter } from '../../src/providers/gemini/index.js';
import { UpstreamHttp } from '../../src/providers/shared/http.js';
import type { CallContext } from '../../src/providers/types.js';
import { startFakeGemini } from '../support/fake-gemini.js';
import type { FakeUpstream } from '../support/fake-types.js';

const weatherTool = {
  name: 'get_weather',
  description: 'Weather in a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};

function chatRequest(overrides: Partial<ChatRequest>): ChatRequest {
  return { model: 'gemini', messages: [], stream: false, includeUsage: false, ...overrides };
}

async function collect(events: AsyncIterable<StreamEvent>): Promise<StreamEvent[]> {
  const list: StreamEvent[] = [];
  for await (const event of events) list.push(event);
  return list;
}

describe('gemini adapter against the fake Gemini upstream', () => {
  const adapter = createGeminiAdapter();
  const http = new UpstreamHttp();
  let fake: FakeUpstream;
  let context: (overrides?: { apiKey?: string; model?: string }) => CallContext;

  before(async () => {
    fake = await startFakeGemini();
    context = (overrides = {}) => {
      const provider: ProviderSettings = {
        id: 'gemini-main',
        type: 'gemini',
        preset: 'gemini',
        baseUrl: fake.baseUrl,
        apiKey: overrides.apiKey ?? fake.apiKey,
        authHeader: 'x-goog-api-key',
        headers: { 'x-extra': 'yes' },
        query: {},
        azureDeployments: false,
        supportsStreamUsage: false,
        timeouts: { connectMs: 5_000, firstByteMs: 10_000, totalMs: 30_000, streamIdleMs: 10_000 },
      };
      const model = overrides.model ?? 'gemini-2.5-flash';
      const deployment: Deployment = { id: `gemini-main/${model}`, provider, model, weight: 1, defaultMaxTokens: 4096 };
      return { deployment, signal: new AbortController().signal, http, requestId: 'req-1' };
    };
  });
  after(async () => {
    await http.close();
    await fake.close();
  });

  it('answers a plain chat with text, usage, id and model', async () => {
    const response = await adapter.chat(
      chatRequest({
        messages: [
          { role: 'system', content: [{ type: 'text', text: 'Be brief.' }] },
          { role: 'user', content: [{ type: 'text', text: 'hello cached world' }] },
        ],
        maxTokens: 100,
        temperature: 0.2,
        stop: ['END'],
      }),
      context(),
    );
    assert.equal(response.choices[0]?.content, 'Echo: hello cached world');
    assert.deepEqual(response.choices[0]?.finishReason, { unified: 'stop', raw: 'STOP' });
    assert.equal(response.model, 'gemini-2.5-flash');
    assert.ok(response.id.length > 0);
    assert.deepEqual(response.usage, { promptTokens: 5, completionTokens: 4, cachedTokens: 4, cacheWriteTokens: 0, estimated: false });
    const sent = fake.requests.at(-1);
    assert.equal(sent?.url, '/v1beta/models/gemini-2.5-flash:generateContent');
    assert.equal(sent?.headers['x-goog-api-key'], fake.apiKey);
    assert.equal(sent?.headers['x-extra'], 'yes');
    assert.deepEqual(sent?.body, {
      contents: [{ role: 'user', parts: [{ text: 'hello cached world' }] }],
      systemInstruction: { parts: [{ text: 'Be brief.' }] },
      generationConfig: { maxOutputTokens: 100, temperature: 0.2, stopSequences: ['END'] },
    });
  });

  it('calls tools with synthesised ids and finish tool_calls, then pairs results by name', async () => {
    const first = await adapter.chat(
      chatRequest({
        messages: [{ role: 'user', content: [{ type: 'text', text: 'weather in Paris and Tokyo, parallel' }] }],
        tools: [weatherTool],
        toolChoice: { type: 'auto' },
      }),
      context(),
    );
    const choice = first.choices[0];
    assert.deepEqual(choice?.finishReason, { unified: 'tool_calls', raw: 'STOP' });
    assert.equal(choice?.content, null);
    assert.deepEqual(choice?.toolCalls.map((call) => [call.name, JSON.parse(call.arguments)]), [
      ['get_weather', { city: 'Paris' }],
      ['get_weather', { city: 'Tokyo' }],
    ]);
    const ids = choice?.toolCalls.map((call) => call.id) ?? [];
    assert.ok(ids.every((id) => /^call_[A-Za-z0-9_-]+$/.test(id)));
    assert.equal(new Set(ids).size, 2);
    assert.deepEqual((fake.requests.at(-1)?.body as { tools: unknown; toolConfig: unknown }).tools, [
      { functionDeclarations: [{ name: 'get_weather', description: 'Weather in a city', parametersJsonSchema: weatherTool.parameters }] },
    ]);

    const second = await adapter.chat(
      chatRequest({
        messages: [
          { role: 'system', content: [{ type: 'text', text: 'You are a weather bot.' }] },
          { role: 'user', content: [{ type: 'text', text: 'weather in Paris and Tokyo, parallel' }] },
          { role: 'assistant', content: [], toolCalls: choice?.toolCalls ?? [] },
          { role: 'tool', toolCallId: ids[0] ?? '', content: [{ type: 'text', text: 'sunny' }] },
          { role: 'tool', toolCallId: ids[1] ?? '', content: [{ type: 'text', text: '{"sky":"rain"}' }] },
        ],
        tools: [weatherTool],
      }),
      context(),
    );
    assert.equal(second.choices[0]?.content, 'Tool said: sunny, {"sky":"rain"}');
    assert.deepEqual(second.choices[0]?.finishReason, { unified: 'stop', raw: 'STOP' });
    const body = fake.requests.at(-1)?.body as { contents: Array<{ role: string; parts: unknown[] }> };
    assert.deepEqual(body.contents.map((content) => content.role), ['user', 'model', 'user']);
    assert.deepEqual(body.contents[2]?.parts, [
      { functionResponse: { name: 'get_weather', response: { result: 'sunny' } } },
      { functionResponse: { name: 'get_weather', response: { sky: 'rain' } } },
    ]);
  });

  it('carries a Gemini 3 thought signature through the tool call id, and stands in for a lost one', async () => {
    const gemini3 = context({ model: 'gemini-3-flash-preview' });
    const question = { role: 'user' as const, content: [{ type: 'text' as const, text: 'weather in Paris' }] };
    const first = await adapter.chat(chatRequest({ messages: [question], tools: [weatherTool] }), gemini3);
    const call = first.choices[0]?.toolCalls[0];
    assert.ok(call && /^[A-Za-z0-9_-]+$/.test(call.id), 'the id stays within the characters every client accepts');
    const replay = (toolCalls: Array<{ id: string; name: string; arguments: string }>) =>
      adapter.chat(
        chatRequest({
          messages: [question, { role: 'assistant', content: [], toolCalls }, { role: 'tool', toolCallId: toolCalls[0]?.id ?? '', content: [{ type: 'text', text: 'sunny' }] }],
          tools: [weatherTool],
        }),
        gemini3,
      );
    assert.equal((await replay([call])).choices[0]?.content, 'Tool said: sunny');
    const sent = fake.requests.at(-1)?.body as { contents: Array<{ parts: Array<{ thoughtSignature?: string }> }> };
    assert.match(sent.contents[1]?.parts[0]?.thoughtSignature ?? '', /^\+\+\/\/[A-Za-z0-9+/]+=*$/);
    // History written by another model has no signature: the documented sentinel replaces it.
    assert.equal((await replay([{ id: 'call_from_openai', name: 'get_weather', arguments: '{"city":"Paris"}' }])).choices[0]?.content, 'Tool said: sunny');
    const sentinel = fake.requests.at(-1)?.body as { contents: Array<{ parts: Array<{ thoughtSignature?: string }> }> };
    assert.equal(sentinel.contents[1]?.parts[0]?.thoughtSignature, 'skip_thought_signature_validator');
  });

  it('sends a named tool choice as ANY with allowedFunctionNames, and JSON mode as responseMimeType', async () => {
    await adapter.chat(
      chatRequest({
        messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }],
        tools: [weatherTool],
        toolChoice: { type: 'tool', name: 'get_weather' },
        responseFormat: { type: 'json_schema', name: 'echo', schema: { type: 'object' } },
      }),
      context(),
    );
    const body = fake.requests.at(-1)?.body as Record<string, unknown>;
    assert.deepEqual(body['toolConfig'], { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['get_weather'] } });
    assert.deepEqual(body['generationConfig'], { responseMimeType: 'application/json', responseJsonSchema: { type: 'object' } });
  });

  it('maps MAX_TOKENS to length', async () => {
    const response = await adapter.chat(
      chatRequest({ messages: [{ role: 'user', content: [{ type: 'text', text: 'a long answer' }] }], maxTokens: 3 }),
      context(),
    );
    assert.deepEqual(response.choices[0]?.finishReason, { unified: 'length', raw: 'MAX_TOKENS' });
    assert.equal(response.usage.completionTokens, 3);
  });

  it('streams text deltas, finish and one usage event', async () => {
    const events = await collect(
      await adapter.chatStream(chatRequest({ messages: [{ role: 'user', content: [{ type: 'text', text: 'stream this text' }] }], stream: true }), context()),
    );
    assert.equal(events[0]?.type, 'start');
    const text = events.flatMap((event) => (event.type === 'text-delta' ? [event.text] : [])).join('');
    assert.equal(text, 'Echo: stream this text');
    assert.ok(events.filter((event) => event.type === 'text-delta').length > 2);
    assert.deepEqual(events.filter((event) => event.type === 'finish'), [{ type: 'finish', choice: 0, finishReason: { unified: 'stop', raw: 'STOP' } }]);
    const usage = events.filter((event) => event.type === 'usage');
    assert.equal(usage.length, 1);
    assert.deepEqual(events.at(-1), { type: 'usage', usage: { promptTokens: 3, completionTokens: 4, cachedTokens: 0, cacheWriteTokens: 0, estimated: false } });
    assert.equal(fake.requests.at(-1)?.url, '/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse');
  });

  it('streams function calls as start plus one whole-arguments delta, finishing with tool_calls', async () => {
    const events = await collect(
      await adapter.chatStream(
        chatRequest({ messages: [{ role: 'user', content: [{ type: 'text', text: 'weather, parallel' }] }], tools: [weatherTool], stream: true }),
        context(),
      ),
    );
    const calls = events.filter((event) => event.type === 'tool-call-start' || event.type === 'tool-call-delta');
    assert.equal(calls.length, 4);
    assert.deepEqual(
      calls.map((event) => (event.type === 'tool-call-start' ? [event.index, event.name] : [event.index, (event as { argumentsDelta: string }).argumentsDelta])),
      [[0, 'get_weather'], [0, '{"city":"Paris"}'], [1, 'get_weather'], [1, '{"city":"Tokyo"}']],
    );
    assert.deepEqual(events.find((event) => event.type === 'finish'), { type: 'finish', choice: 0, finishReason: { unified: 'tool_calls', raw: 'STOP' } });
  });

  it('ends a stream with an error event on an in-band error or a cut socket', async () => {
    fake.failNext({ kind: 'mid-stream', afterEvents: 2, message: 'The model is overloaded.' });
    const inBand = await collect(await adapter.chatStream(chatRequest({ messages: [{ role: 'user', content: [{ type: 'text', text: 'stream this text' }] }], stream: true }), context()));
    const last = inBand.at(-1);
    assert.equal(last?.type, 'error');
    assert.equal((last as { error: GatewayError }).error.code, 'SY_ERR_UPSTREAM_SERVER');
    assert.match((last as { error: GatewayError }).error.message, /overloaded/);
    assert.equal(inBand.filter((event) => event.type === 'text-delta').length, 2);

    fake.failNext({ kind: 'mid-stream', afterEvents: 1, cut: true });
    const cut = await collect(await adapter.chatStream(chatRequest({ messages: [{ role: 'user', content: [{ type: 'text', text: 'stream this text' }] }], stream: true }), context()));
    assert.equal(cut.at(-1)?.type, 'error');
  });

  it('embeds one input with embedContent and several with batchEmbedContents', async () => {
    const one = await adapter.embed!({ model: 'emb', input: ['hello'], dimensions: 16, encodingFormat: 'float' }, context({ model: 'gemini-embedding-001' }));
    assert.equal(one.embeddings.length, 1);
    assert.equal(one.embeddings[0]?.length, 16);
    assert.deepEqual(one.usage, { promptTokens: 0, estimated: true });
    assert.deepEqual(fake.requests.at(-1)?.body, { content: { parts: [{ text: 'hello' }] }, outputDimensionality: 16 });
    assert.equal(fake.requests.at(-1)?.url, '/v1beta/models/gemini-embedding-001:embedContent');

    const several = await adapter.embed!({ model: 'emb', input: ['a', 'b'], encodingFormat: 'float' }, context({ model: 'models/gemini-embedding-001' }));
    assert.equal(several.embeddings.length, 2);
    assert.equal(several.embeddings[0]?.length, 3072);
    assert.equal(fake.requests.at(-1)?.url, '/v1beta/models/gemini-embedding-001:batchEmbedContents');
  });

  it('maps a rejected key to SY_ERR_UPSTREAM_AUTH (502) naming the provider', async () => {
    await assert.rejects(adapter.chat(chatRequest({ messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }] }), context({ apiKey: 'wrong' })), (error: GatewayError) => {
      assert.equal(error.code, 'SY_ERR_UPSTREAM_AUTH');
      assert.equal(error.status, 502);
      assert.equal(error.upstreamStatus, 400);
      assert.match(error.message, /"gemini-main"/);
      assert.match(error.message, /API key not valid/);
      return true;
    });
  });

  it('maps 429 to rate limited with RetryInfo delay, and 503 to overloaded, before a stream starts', async () => {
    fake.failNext({
      kind: 'http',
      status: 429,
      body: { error: { code: 429, message: 'Quota exceeded.', status: 'RESOURCE_EXHAUSTED', details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '22s' }] } },
    });
    await assert.rejects(adapter.chat(chatRequest({ messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }] }), context()), (error: GatewayError) => {
      assert.equal(error.code, 'SY_ERR_UPSTREAM_RATE_LIMITED');
      assert.equal(error.retryAfterMs, 22_000);
      return true;
    });
    fake.failNext({ kind: 'http', status: 503 });
    await assert.rejects(
      adapter.chatStream(chatRequest({ messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }], stream: true }), context()),
      (error: GatewayError) => error.code === 'SY_ERR_UPSTREAM_OVERLOADED' && error.status === 503 && error.retryable,
    );
  });

  it('refuses an http image URL that Gemini cannot fetch, before calling upstream', async () => {
    const before = fake.requests.length;
    await assert.rejects(
      adapter.chat(
        chatRequest({ messages: [{ role: 'user', content: [{ type: 'image', source: { kind: 'url', url: 'http://example.com/cat.png' } }] }] }),
        context(),
      ),
      (error: GatewayError) => error.code === 'SY_ERR_UNSUPPORTED_OPERATION' && error.status === 400,
    );
    assert.equal(fake.requests.length, before);
  });
});
