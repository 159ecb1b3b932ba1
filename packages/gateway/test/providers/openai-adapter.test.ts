/**
 * The openai adapter against the fake OpenAI upstream: translation both ways, streaming events,
 * embeddings, pass-through fidelity, error mapping and the Azure layout.
 */

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { GatewayError } from '../../src/core/index.js';
import type { ChatRequest, Deployment, ProviderSettings, StreamEvent } from '../../src/core/index.js';
import { createOpenAIAdapter } from '../../src/providers/openai/index.js';
import { UpstreamHttp } from '../../src/providers/shared/http.js';
import type { CallContext, PassthroughResult } from '../../src/providers/types.js';
import { startFakeOpenAI } from '../support/fake-openai.js';
import type { FakeUpstream } from '../support/fake-types.js';
import { passThroughFrames } from '../support/pass-through-frames.js';

const adapter = createOpenAIAdapter();

function settingsFor(fake: FakeUpstream, overrides: Partial<ProviderSettings> = {}): ProviderSettings {
  return {
    id: 'openai-test',
    type: 'openai',
    preset: 'openai',
    baseUrl: fake.baseUrl,
    apiKey: fake.apiKey,
    authHeader: 'bearer',
    headers: { 'x-operator': 'yes' },
    query: {},
    azureDeployments: false,
    supportsStreamUsage: true,
    timeouts: { connectMs: 2_000, firstByteMs: 10_000, totalMs: 20_000, streamIdleMs: 10_000 },
    ...overrides,
  };
}

function deploymentFor(provider: ProviderSettings, model = 'gpt-4o'): Deployment {
  return { id: `${provider.id}/${model}`, provider, model, weight: 1, defaultMaxTokens: 4096 };
}

function chatRequest(text: string, extra: Partial<ChatRequest> = {}): ChatRequest {
  return { model: 'group', messages: [{ role: 'user', content: [{ type: 'text', text }] }], stream: false, includeUsage: false, ...extra };
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

const weatherTool = { name: 'get_weather', description: 'Weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } };

describe('openai adapter', () => {
  let fake: FakeUpstream;
  let http: UpstreamHttp;
  let context: CallContext;

  before(async () => {
    fake = await startFakeOpenAI();
    http = new UpstreamHttp();
    context = { deployment: deploymentFor(settingsFor(fake)), signal: new AbortController().signal, http, requestId: 'req-1' };
  });
  after(async () => {
    await http.close();
    await fake.close();
  });

  const lastBody = (): Record<string, unknown> => fake.requests[fake.requests.length - 1].body as Record<string, unknown>;

  test('translates a canonical request and parses the response', async () => {
    const response = await adapter.chat(
      {
        model: 'group',
        messages: [
          { role: 'system', content: [{ type: 'text', text: 'Be brief.' }] },
          {
            role: 'user',
            name: 'ann',
            content: [
              { type: 'text', text: 'describe cached' },
              { type: 'image', source: { kind: 'url', url: 'https://example.com/a.png', detail: 'low' } },
              { type: 'image', source: { kind: 'base64', mediaType: 'image/png', data: 'AAAA' } },
            ],
          },
        ],
        ...{ maxTokens: 50, temperature: 0.5, topP: 0.9, topK: 40, stop: ['END'], seed: 7, presencePenalty: 0.1 },
        ...{ frequencyPenalty: 0.2, user: 'u-1', stream: false, includeUsage: false },
      },
      context,
    );
    const recorded = fake.requests[fake.requests.length - 1];
    assert.equal(recorded.url, '/v1/chat/completions');
    assert.equal(recorded.headers.authorization, `Bearer ${fake.apiKey}`);
    assert.equal(recorded.headers['x-operator'], 'yes');
    const userContent = [
      { type: 'text', text: 'describe cached' },
      { type: 'image_url', image_url: { url: 'https://example.com/a.png', detail: 'low' } },
      { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } },
    ];
    assert.deepEqual(recorded.body, {
      model: 'gpt-4o',
      messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', name: 'ann', content: userContent }],
      ...{ max_tokens: 50, temperature: 0.5, top_p: 0.9, stop: ['END'], seed: 7, presence_penalty: 0.1, frequency_penalty: 0.2, user: 'u-1' },
    });
    assert.equal(response.model, 'gpt-4o');
    assert.match(response.id, /^chatcmpl-/);
    assert.equal(response.choices[0].content, 'Echo: describe cached');
    assert.deepEqual(response.choices[0].finishReason, { unified: 'stop', raw: 'stop' });
    const usage = { promptTokens: 4, completionTokens: 3, cachedTokens: 4, cacheWriteTokens: 0, reasoningTokens: 0, estimated: false };
    assert.deepEqual(response.usage, usage);
  });

  test('reasoning models get max_completion_tokens; length finish is mapped', async () => {
    const reasoning = { ...context, deployment: deploymentFor(context.deployment.provider, 'o3-mini') };
    const response = await adapter.chat(chatRequest('a long answer please now', { maxTokens: 2 }), reasoning);
    assert.equal(lastBody().max_completion_tokens, 2);
    assert.equal(lastBody().max_tokens, undefined);
    assert.deepEqual(response.choices[0].finishReason, { unified: 'length', raw: 'length' });
    assert.equal(response.choices[0].content, 'Echo: a');
  });

  test('tools, tool choice and a tool round trip', async () => {
    const first = await adapter.chat(
      chatRequest('weather in Paris?', { tools: [{ ...weatherTool, strict: true }], toolChoice: { type: 'tool', name: 'get_weather' }, parallelToolCalls: false }),
      context,
    );
    assert.deepEqual(lastBody().tools, [{ type: 'function', function: { ...weatherTool, strict: true } }]);
    assert.deepEqual(lastBody().tool_choice, { type: 'function', function: { name: 'get_weather' } });
    assert.equal(lastBody().parallel_tool_calls, false);
    const choice = first.choices[0];
    assert.equal(choice.content, null);
    assert.deepEqual(choice.finishReason, { unified: 'tool_calls', raw: 'tool_calls' });
    assert.equal(choice.toolCalls[0].name, 'get_weather');
    assert.equal(choice.toolCalls[0].arguments, '{"city":"Paris"}');
    const second = await adapter.chat(
      {
        ...chatRequest('weather in Paris?', { tools: [weatherTool] }),
        messages: [
          { role: 'user', content: [{ type: 'text', text: 'weather in Paris?' }] },
          { role: 'assistant', content: [], toolCalls: choice.toolCalls },
          { role: 'tool', toolCallId: choice.toolCalls[0].id, content: [{ type: 'text', text: 'sunny' }] },
        ],
      },
      context,
    );
    const messages = lastBody().messages as Array<Record<string, unknown>>;
    assert.deepEqual(messages[1], {
      role: 'assistant',
      content: null,
      tool_calls: [{ id: choice.toolCalls[0].id, type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }],
    });
    assert.deepEqual(messages[2], { role: 'tool', tool_call_id: choice.toolCalls[0].id, content: 'sunny' });
    assert.equal(second.choices[0].content, 'Tool said: sunny');
  });

  test('json_schema response format', async () => {
    const response = await adapter.chat(
      chatRequest('structured', { responseFormat: { type: 'json_schema', name: 'echo', schema: { type: 'object' }, strict: true } }),
      context,
    );
    assert.deepEqual(lastBody().response_format, { type: 'json_schema', json_schema: { name: 'echo', schema: { type: 'object' }, strict: true } });
    assert.deepEqual(JSON.parse(response.choices[0].content ?? ''), { echo: 'structured' });
  });

  test('streams text deltas, finish and usage, asking for usage upstream', async () => {
    const events = await collect(await adapter.chatStream(chatRequest('hello stream world', { stream: true }), context));
    assert.deepEqual(lastBody().stream_options, { include_usage: true });
    assert.equal(events[0].type, 'start');
    const text = events.flatMap((event) => (event.type === 'text-delta' ? [event.text] : [])).join('');
    assert.equal(text, 'Echo: hello stream world');
    assert.deepEqual(events.filter((event) => event.type === 'finish'), [
      { type: 'finish', choice: 0, finishReason: { unified: 'stop', raw: 'stop' } },
    ]);
    const usage = events.find((event): event is Extract<StreamEvent, { type: 'usage' }> => event.type === 'usage');
    assert.equal(usage?.usage.completionTokens, 4);
    assert.equal(events[events.length - 1].type, 'usage');
  });

  test('streams parallel tool calls as start and argument deltas', async () => {
    const stream = await adapter.chatStream(chatRequest('weather, parallel please', { stream: true, tools: [weatherTool] }), context);
    const events = await collect(stream);
    const starts = events.filter((event) => event.type === 'tool-call-start');
    assert.deepEqual(
      starts.map((event) => (event.type === 'tool-call-start' ? [event.choice, event.index, event.name] : [])),
      [[0, 0, 'get_weather'], [0, 1, 'get_weather']],
    );
    const argumentsOf = (index: number): string =>
      events.flatMap((event) => (event.type === 'tool-call-delta' && event.index === index ? [event.argumentsDelta] : [])).join('');
    assert.equal(argumentsOf(0), '{"city":"Paris"}');
    assert.equal(argumentsOf(1), '{"city":"Tokyo"}');
    assert.ok(events.filter((event) => event.type === 'tool-call-delta').length > 2);
    assert.ok(events.some((event) => event.type === 'finish' && event.finishReason.unified === 'tool_calls'));
  });

  test('a mid-stream failure becomes one error event that ends the stream', async () => {
    fake.failNext({ kind: 'mid-stream', afterEvents: 2, message: 'upstream exploded' });
    const inBand = await collect(await adapter.chatStream(chatRequest('hello there', { stream: true }), context));
    const last = inBand[inBand.length - 1];
    assert.equal(last.type, 'error');
    assert.ok(last.type === 'error' && last.error.code === 'SY_ERR_UPSTREAM_SERVER' && /upstream exploded/.test(last.error.message));
    fake.failNext({ kind: 'mid-stream', afterEvents: 1, cut: true });
    const cut = await collect(await adapter.chatStream(chatRequest('hello there', { stream: true }), context));
    assert.equal(cut.filter((event) => event.type === 'error').length, 1);
    assert.equal(cut[cut.length - 1].type, 'error');
  });

  test('a non-2xx before the stream rejects', async () => {
    fake.failNext({ kind: 'http', status: 503 });
    await assert.rejects(adapter.chatStream(chatRequest('hi', { stream: true }), context), (error: unknown) => {
      return error instanceof GatewayError && error.code === 'SY_ERR_UPSTREAM_OVERLOADED' && error.upstreamStatus === 503;
    });
  });

  test('embeddings ask for floats and keep input order', async () => {
    const response = await adapter.embed!({ model: 'group', input: ['one two', 'three'], dimensions: 6, encodingFormat: 'base64' }, context);
    assert.equal(lastBody().encoding_format, 'float');
    assert.equal(lastBody().dimensions, 6);
    assert.equal(response.embeddings.length, 2);
    assert.equal(response.embeddings[0].length, 6);
    assert.deepEqual(response.usage, { promptTokens: 3, estimated: false });
  });

  describe('errors', () => {
    test('a rejected credential is SY_ERR_UPSTREAM_AUTH (502) naming the provider', async () => {
      const wrong = { ...context, deployment: deploymentFor(settingsFor(fake, { apiKey: 'sk-wrong' })) };
      await assert.rejects(adapter.chat(chatRequest('hi'), wrong), (error: unknown) => {
        assert.ok(error instanceof GatewayError);
        assert.equal(error.code, 'SY_ERR_UPSTREAM_AUTH');
        assert.equal(error.status, 502);
        assert.match(error.message, /openai-test/);
        return true;
      });
    });

    test('429 carries retry-after', async () => {
      fake.failNext({ kind: 'http', status: 429, headers: { 'retry-after': '3' } });
      await assert.rejects(adapter.chat(chatRequest('hi'), context), (error: unknown) => {
        return error instanceof GatewayError && error.code === 'SY_ERR_UPSTREAM_RATE_LIMITED' && error.retryAfterMs === 3000;
      });
    });

    test('context_length_exceeded is SY_ERR_CONTEXT_WINDOW_EXCEEDED with the provider message', async () => {
      const message = "This model's maximum context length is 128000 tokens.";
      fake.failNext({
        kind: 'http',
        status: 400,
        body: { error: { message, type: 'invalid_request_error', param: 'messages', code: 'context_length_exceeded' } },
      });
      await assert.rejects(adapter.chat(chatRequest('hi'), context), (error: unknown) => {
        return error instanceof GatewayError && error.code === 'SY_ERR_CONTEXT_WINDOW_EXCEEDED' && error.message === message;
      });
    });

    test('content_filter is SY_ERR_CONTENT_FILTERED', async () => {
      fake.failNext({ kind: 'http', status: 400, body: { error: { message: 'filtered', type: null, param: 'prompt', code: 'content_filter' } } });
      await assert.rejects(adapter.chat(chatRequest('hi'), context), (error: unknown) => {
        return error instanceof GatewayError && error.code === 'SY_ERR_CONTENT_FILTERED';
      });
    });
  });

  describe('pass-through', () => {
    const passthrough = (request: Parameters<NonNullable<typeof adapter.passthrough>>[0], callContext = context): Promise<PassthroughResult> =>
      adapter.passthrough!(request, callContext);

    test('non-streaming: only model changes, bytes come back unchanged with usage read', async () => {
      const body = { model: 'group', messages: [{ role: 'user', content: 'hi' }], temperature: 0.3 };
      const result = await passthrough({ endpoint: 'chat', body, stream: false, clientWantsUsage: false, headers: {} });
      assert.deepEqual(lastBody(), { ...body, model: 'gpt-4o' });
      assert.equal(result.kind, 'json');
      if (result.kind !== 'json') return;
      assert.equal(JSON.parse(result.body.toString()).choices[0].message.content, 'Echo: hi');
      assert.equal(result.usage?.completionTokens, 2);
      assert.deepEqual(result.finishReason, { unified: 'stop', raw: 'stop' });
      assert.equal(result.model, 'gpt-4o');
    });

    test('unknown fields survive to an upstream that accepts them', async () => {
      const lenient = await startFakeOpenAI({ acceptUnknownFields: true });
      const lenientContext = { ...context, deployment: deploymentFor(settingsFor(lenient)) };
      try {
        const body = { model: 'group', messages: [{ role: 'user', content: 'hi' }], vendor_extension: { top_k: 3 } };
        await passthrough({ endpoint: 'chat', body, stream: false, clientWantsUsage: false, headers: {} }, lenientContext);
        assert.deepEqual(lenient.requests[0].body, { ...body, model: 'gpt-4o' });
      } finally {
        await lenient.close();
      }
    });

    test('a stream asks for usage but drops the usage chunk for a client that did not', async () => {
      const body = { model: 'group', messages: [{ role: 'user', content: 'relay me' }], stream: true };
      const result = await passthrough({ endpoint: 'chat', body, stream: true, clientWantsUsage: false, headers: {} });
      assert.deepEqual(lastBody().stream_options, { include_usage: true });
      assert.equal(result.kind, 'stream');
      if (result.kind !== 'stream') return;
      const frames = await passThroughFrames(result);
      assert.equal(frames[frames.length - 1], 'data: [DONE]\n\n');
      assert.ok(frames.every((frame) => !frame.includes('"choices":[]')));
      assert.ok(frames.every((frame) => frame.startsWith('data: ') && frame.endsWith('\n\n')));
      assert.deepEqual(result.summary(), {
        usage: { promptTokens: 2, completionTokens: 3, cachedTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0, estimated: false },
        finishReason: { unified: 'stop', raw: 'stop' },
        model: 'gpt-4o',
      });
      assert.equal(result.failure(), null);
    });

    test('a stream relays the usage chunk to a client that asked for it', async () => {
      const body = { model: 'group', messages: [{ role: 'user', content: 'relay me' }], stream: true, stream_options: { include_usage: true } };
      const result = await passthrough({ endpoint: 'chat', body, stream: true, clientWantsUsage: true, headers: {} });
      assert.ok(result.kind === 'stream');
      const frames = await passThroughFrames(result);
      assert.ok(frames[frames.length - 2].includes('"choices":[]'));
      assert.equal(result.summary().usage?.completionTokens, 3);
    });

    test('a mid-stream cut ends the relay without an error frame (the server renders it) and records the failure', async () => {
      fake.failNext({ kind: 'mid-stream', afterEvents: 1, cut: true });
      const body = { model: 'group', messages: [{ role: 'user', content: 'relay me' }], stream: true };
      const result = await passthrough({ endpoint: 'chat', body, stream: true, clientWantsUsage: false, headers: {} });
      assert.ok(result.kind === 'stream');
      const frames = await passThroughFrames(result);
      assert.ok(frames.every((frame) => !frame.includes('"error"')));
      assert.ok(result.failure() instanceof GatewayError);
    });

    test('an upstream error is a GatewayError, its body never relayed', async () => {
      fake.failNext({ kind: 'http', status: 500, message: 'secret upstream detail' });
      const body = { model: 'group', messages: [{ role: 'user', content: 'hi' }] };
      await assert.rejects(passthrough({ endpoint: 'chat', body, stream: false, clientWantsUsage: false, headers: {} }), (error: unknown) => {
        return error instanceof GatewayError && error.code === 'SY_ERR_UPSTREAM_SERVER';
      });
    });

    test('embeddings pass through with usage read from the tail', async () => {
      const body = { model: 'group', input: 'embed these three', encoding_format: 'base64', dimensions: 4 };
      const result = await passthrough({ endpoint: 'embeddings', body, stream: false, clientWantsUsage: false, headers: {} });
      assert.ok(result.kind === 'json');
      assert.equal(typeof JSON.parse(result.body.toString()).data[0].embedding, 'string');
      assert.equal(result.usage?.promptTokens, 3);
      assert.equal(result.model, 'gpt-4o');
    });
  });
});

describe('openai adapter against Azure OpenAI', () => {
  const apiVersion = '2024-10-21';
  let fake: FakeUpstream;
  let http: UpstreamHttp;
  let context: CallContext;

  before(async () => {
    fake = await startFakeOpenAI({ apiKey: 'azure-secret', azure: { apiVersion } });
    http = new UpstreamHttp();
    const provider = settingsFor(fake, { authHeader: 'api-key', azureDeployments: true, query: { 'api-version': apiVersion }, headers: {} });
    context = { deployment: deploymentFor(provider, 'my-deployment'), signal: new AbortController().signal, http, requestId: 'req-az' };
  });
  after(async () => {
    await http.close();
    await fake.close();
  });

  test('chat uses the deployment path, api-version and the api-key header', async () => {
    const response = await adapter.chat(chatRequest('hi azure'), context);
    const recorded = fake.requests[fake.requests.length - 1];
    assert.equal(recorded.url, `/openai/deployments/my-deployment/chat/completions?api-version=${apiVersion}`);
    assert.equal(recorded.headers['api-key'], 'azure-secret');
    assert.equal(recorded.headers.authorization, undefined);
    assert.equal(response.choices[0].content, 'Echo: hi azure');
  });

  test('a stream skips the prompt-filter chunk for start', async () => {
    const events = await collect(await adapter.chatStream(chatRequest('hi azure', { stream: true }), context));
    const start = events[0];
    assert.ok(start.type === 'start' && start.id.startsWith('chatcmpl-fake') && start.model === 'my-deployment');
  });

  test('a pass-through stream keeps the prompt-filter chunk but drops the usage chunk', async () => {
    const body = { model: 'group', messages: [{ role: 'user', content: 'hi' }], stream: true };
    const result = await createOpenAIAdapter().passthrough!({ endpoint: 'chat', body, stream: true, clientWantsUsage: false, headers: {} }, context);
    assert.ok(result.kind === 'stream');
    const frames = await passThroughFrames(result);
    assert.equal(frames.filter((frame) => frame.includes('"choices":[]')).length, 1);
    assert.ok(frames[0].includes('prompt_filter_results'));
    assert.equal(result.summary().model, 'my-deployment');
    assert.equal(result.summary().usage?.completionTokens, 2);
  });

  test('embeddings use the deployment path', async () => {
    const response = await adapter.embed!({ model: 'group', input: ['x'], encodingFormat: 'float' }, context);
    assert.equal(fake.requests[fake.requests.length - 1].url, `/openai/deployments/my-deployment/embeddings?api-version=${apiVersion}`);
    assert.equal(response.embeddings[0].length, 1536);
  });
});
