/**
 * The anthropic adapter against the fake Anthropic upstream: translation of canonical requests
 * (system, tools, tool results with paired ids, max_tokens), streaming into canonical events,
 * the same-protocol pass-through, and the mapping of upstream errors.
 */

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { GatewayError } from '../../src/core/index.js';
import type { ChatMessage, ChatRequest, Deployment, ProviderSettings, StreamEvent } from '../../src/core/index.js';
import { createAnthropicAdapter } from '../../src/providers/anthropic/index.js';
import { UpstreamHttp } from '../../src/providers/shared/http.js';
import type { CallContext, PassthroughResult } from '../../src/providers/types.js';
import { startFakeAnthropic } from '../support/fake-anthropic.js';
import type { FakeUpstream } from '../support/fake-types.js';
import { passThroughFrames } from '../support/pass-through-frames.js';

const MODEL = 'claude-sonnet-4-6';
const weatherTool = {
  name: 'get_weather',
  description: 'Weather in a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};

const user = (text: string): ChatMessage => ({ role: 'user', content: [{ type: 'text', text }] });
const system = (text: string): ChatMessage => ({ role: 'system', content: [{ type: 'text', text }] });
const chatRequest = (messages: ChatMessage[], extra: Partial<ChatRequest> = {}): ChatRequest => ({ model: 'claude', messages, stream: false, includeUsage: false, ...extra });

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

function assertGatewayError(expected: { code: string; status?: number; retryAfterMs?: number; message?: RegExp }) {
  return (error: unknown): boolean => {
    assert.ok(error instanceof GatewayError, `expected a GatewayError, got ${String(error)}`);
    assert.equal(error.code, expected.code);
    if (expected.status !== undefined) assert.equal(error.status, expected.status);
    if (expected.retryAfterMs !== undefined) assert.equal(error.retryAfterMs, expected.retryAfterMs);
    if (expected.message !== undefined) assert.match(error.message, expected.message);
    return true;
  };
}

describe('anthropic adapter against the fake Anthropic upstream', () => {
  const adapter = createAnthropicAdapter();
  const http = new UpstreamHttp();
  let fake: FakeUpstream;

  const settings = (overrides: Partial<ProviderSettings> = {}): ProviderSettings => ({
    id: 'anthropic-test',
    type: 'anthropic',
    preset: 'anthropic',
    baseUrl: fake.baseUrl,
    apiKey: fake.apiKey,
    authHeader: 'x-api-key',
    headers: {},
    query: {},
    azureDeployments: false,
    supportsStreamUsage: false,
    timeouts: { connectMs: 5_000, firstByteMs: 10_000, totalMs: 30_000, streamIdleMs: 10_000 },
    ...overrides,
  });
  const context = (overrides: Partial<ProviderSettings> = {}): CallContext => {
    const deployment: Deployment = { id: `anthropic-test/${MODEL}`, provider: settings(overrides), model: MODEL, weight: 1, defaultMaxTokens: 1024 };
    return { deployment, signal: new AbortController().signal, http, requestId: 'req_test' };
  };
  const passthrough = (options: { body: Record<string, unknown>; stream?: boolean; headers?: Record<string, string>; settings?: Partial<ProviderSettings> }) => {
    assert.ok(adapter.passthrough, 'the anthropic adapter relays /v1/messages');
    const request = { endpoint: 'messages' as const, body: options.body, stream: options.stream ?? false, clientWantsUsage: false, headers: options.headers ?? {} };
    return adapter.passthrough(request, context(options.settings));
  };
  const lastBody = (): Record<string, unknown> => fake.requests.at(-1)?.body as Record<string, unknown>;

  before(async () => {
    fake = await startFakeAnthropic();
  });
  after(async () => {
    await http.close();
    await fake.close();
  });

  it('round-trips an OpenAI-style conversation with system, tools and parallel tool results', async () => {
    const question = user('What is the weather in Paris and Tokyo, in parallel?');
    const first = await adapter.chat(
      chatRequest([system('Be brief.'), question], { tools: [weatherTool], toolChoice: { type: 'auto' } }),
      context(),
    );
    const choice = first.choices[0];
    assert.equal(choice?.content, null);
    assert.deepEqual(choice?.finishReason, { unified: 'tool_calls', raw: 'tool_use' });
    const calls = choice?.toolCalls.map((call) => [call.name, call.arguments]);
    assert.deepEqual(calls, [['get_weather', '{"city":"Paris"}'], ['get_weather', '{"city":"Tokyo"}']]);
    assert.equal(first.model, MODEL);
    assert.match(first.id, /^msg_/);
    const sent = lastBody();
    assert.equal(sent.system, 'Be brief.');
    assert.equal(sent.max_tokens, 1024);
    assert.equal(sent.model, MODEL);
    assert.deepEqual(sent.tools, [{ name: 'get_weather', description: 'Weather in a city', input_schema: weatherTool.parameters }]);
    assert.deepEqual(sent.tool_choice, { type: 'auto' });
    const headers = fake.requests.at(-1)?.headers ?? {};
    assert.equal(headers['anthropic-version'], '2023-06-01');
    assert.equal(headers['x-api-key'], fake.apiKey);

    const [paris, tokyo] = choice?.toolCalls ?? [];
    assert.ok(paris && tokyo);
    const second = await adapter.chat(
      chatRequest(
        [
          system('Be brief.'),
          question,
          { role: 'assistant', content: [], toolCalls: [paris, tokyo] },
          { role: 'tool', toolCallId: paris.id, content: [{ type: 'text', text: 'sunny' }] },
          { role: 'tool', toolCallId: tokyo.id, content: [{ type: 'text', text: 'rainy' }] },
          system('Answer in English.'),
        ],
        { tools: [weatherTool] },
      ),
      context(),
    );
    assert.equal(second.choices[0]?.content, 'Tool said: sunny, rainy');
    assert.deepEqual(second.choices[0]?.finishReason, { unified: 'stop', raw: 'end_turn' });
    const body = lastBody();
    assert.deepEqual(body.system, [{ type: 'text', text: 'Be brief.' }, { type: 'text', text: 'Answer in English.' }]);
    const toolUse = (id: string, city: string) => ({ type: 'tool_use', id, name: 'get_weather', input: { city } });
    const toolResult = (id: string, content: string) => ({ type: 'tool_result', tool_use_id: id, content });
    assert.deepEqual(body.messages, [
      { role: 'user', content: [{ type: 'text', text: 'What is the weather in Paris and Tokyo, in parallel?' }] },
      { role: 'assistant', content: [toolUse(paris.id, 'Paris'), toolUse(tokyo.id, 'Tokyo')] },
      { role: 'user', content: [toolResult(paris.id, 'sunny'), toolResult(tokyo.id, 'rainy')] },
    ]);
  });

  it('pairs OpenAI tool call ids that Anthropic would reject, on both sides', async () => {
    const response = await adapter.chat(
      chatRequest(
        [
          user('weather?'),
          { role: 'assistant', content: [{ type: 'text', text: 'Let me look.' }], toolCalls: [{ id: 'call:1/a', name: 'get_weather', arguments: 'not json' }] },
          { role: 'tool', toolCallId: 'call:1/a', content: [{ type: 'text', text: 'cloudy' }], isError: true },
          user('and tomorrow?'),
        ],
        { tools: [weatherTool] },
      ),
      context(),
    );
    assert.equal(response.choices[0]?.content, 'Echo: and tomorrow?');
    const messages = lastBody().messages as Array<{ content: unknown[] }>;
    assert.deepEqual(messages[1]?.content[1], { type: 'tool_use', id: 'call_1_a', name: 'get_weather', input: {} });
    assert.deepEqual(messages[2]?.content, [
      { type: 'tool_result', tool_use_id: 'call_1_a', content: 'cloudy', is_error: true },
      { type: 'text', text: 'and tomorrow?' },
    ]);
  });

  it('maps sampling fields, stop sequences, user and parallel tool use; drops seed and penalties', async () => {
    const response = await adapter.chat(
      chatRequest([user('say STOP now')], {
        maxTokens: 40,
        temperature: 1.5,
        topP: 0.9,
        topK: 20,
        stop: ['STOP'],
        user: 'end-user-1',
        seed: 7,
        presencePenalty: 0.5,
        frequencyPenalty: 0.5,
        n: 1,
        tools: [weatherTool],
        toolChoice: { type: 'required' },
        parallelToolCalls: false,
      }),
      context(),
    );
    assert.equal(response.choices[0]?.content, 'Echo: say ');
    assert.deepEqual(response.choices[0]?.finishReason, { unified: 'stop', raw: 'stop_sequence' });
    const body = lastBody();
    assert.equal(body.max_tokens, 40);
    assert.equal(body.temperature, 1);
    assert.equal(body.top_p, 0.9);
    assert.equal(body.top_k, 20);
    assert.deepEqual(body.stop_sequences, ['STOP']);
    assert.deepEqual(body.metadata, { user_id: 'end-user-1' });
    assert.deepEqual(body.tool_choice, { type: 'any', disable_parallel_tool_use: true });
    for (const dropped of ['seed', 'presence_penalty', 'frequency_penalty', 'n', 'stream']) assert.equal(dropped in body, false);
  });

  it('asks for JSON through the system prompt, schema included', async () => {
    const schema = { type: 'object', properties: { echo: { type: 'string' } } };
    const response = await adapter.chat(
      chatRequest([system('Be exact.'), user('json please')], { responseFormat: { type: 'json_schema', name: 'answer', schema } }),
      context(),
    );
    // The fake, like a model, follows the instruction.
    assert.deepEqual(JSON.parse(response.choices[0]?.content ?? ''), { echo: 'json please' });
    const [base, instruction] = lastBody().system as Array<{ text: string }>;
    assert.equal(base?.text, 'Be exact.');
    assert.match(instruction?.text ?? '', /only a valid JSON/);
    assert.ok(instruction?.text.includes(JSON.stringify(schema)));
  });

  it('refuses n > 1 before calling upstream', async () => {
    const before = fake.requests.length;
    await assert.rejects(adapter.chat(chatRequest([user('hi')], { n: 2 }), context()), (error: unknown) => {
      assert.ok(error instanceof GatewayError);
      assert.equal(error.code, 'SY_ERR_UNSUPPORTED_OPERATION');
      assert.equal(error.param, 'n');
      return true;
    });
    assert.equal(fake.requests.length, before);
  });

  it('reports length for a long answer, with usage', async () => {
    const response = await adapter.chat(chatRequest([user('a long answer please')], { maxTokens: 6 }), context());
    assert.deepEqual(response.choices[0]?.finishReason, { unified: 'length', raw: 'max_tokens' });
    assert.deepEqual(response.usage, { promptTokens: 4, completionTokens: 6, cachedTokens: 0, cacheWriteTokens: 0, estimated: false });
  });

  it('streams text deltas, the finish reason and usage with cached tokens', async () => {
    const text = 'please stream this answer from the cached prompt';
    const events = await collect(await adapter.chatStream(chatRequest([user(text)], { stream: true }), context()));
    assert.equal(events[0]?.type, 'start');
    const deltas = events.flatMap((event) => (event.type === 'text-delta' ? [event.text] : []));
    assert.ok(deltas.length > 3);
    assert.equal(deltas.join(''), `Echo: ${text}`);
    const finish = events.find((event) => event.type === 'finish');
    assert.deepEqual(finish, { type: 'finish', choice: 0, finishReason: { unified: 'stop', raw: 'end_turn' } });
    const usage = { promptTokens: 8, completionTokens: 9, cachedTokens: 4, cacheWriteTokens: 0, estimated: false };
    assert.deepEqual(events.at(-1), { type: 'usage', usage });
    assert.equal(lastBody().stream, true);
    assert.equal(lastBody().max_tokens, 1024);
  });

  it('streams parallel tool calls as tool-call-start and argument deltas per tool index', async () => {
    const stream = await adapter.chatStream(
      chatRequest([user('weather in Paris and Tokyo, in parallel')], { stream: true, tools: [weatherTool] }),
      context(),
    );
    const events = await collect(stream);
    const starts = events.filter((event): event is Extract<StreamEvent, { type: 'tool-call-start' }> => event.type === 'tool-call-start');
    assert.deepEqual(starts.map((event) => [event.index, event.name]), [[0, 'get_weather'], [1, 'get_weather']]);
    assert.ok(starts.every((event) => event.id.startsWith('toolu_')));
    const argumentsOf = (index: number): string[] =>
      events.flatMap((event) => (event.type === 'tool-call-delta' && event.index === index ? [event.argumentsDelta] : []));
    assert.ok(argumentsOf(0).length > 1, 'arguments arrive in pieces');
    assert.equal(argumentsOf(0).join(''), '{"city":"Paris"}');
    assert.equal(argumentsOf(1).join(''), '{"city":"Tokyo"}');
    assert.deepEqual(events.find((event) => event.type === 'finish'), { type: 'finish', choice: 0, finishReason: { unified: 'tool_calls', raw: 'tool_use' } });
  });

  it('ends a stream with one error event on an in-band overloaded_error or a cut socket', async () => {
    fake.failNext({ kind: 'mid-stream', afterEvents: 4 });
    const events = await collect(await adapter.chatStream(chatRequest([user('break it please')], { stream: true }), context()));
    const last = events.at(-1);
    assert.ok(last?.type === 'error');
    assert.equal(last.error.code, 'SY_ERR_UPSTREAM_OVERLOADED');
    assert.equal(events.filter((event) => event.type === 'error').length, 1);

    fake.failNext({ kind: 'mid-stream', afterEvents: 4, cut: true });
    const cut = await collect(await adapter.chatStream(chatRequest([user('cut it please')], { stream: true }), context()));
    const end = cut.at(-1);
    assert.ok(end?.type === 'error');
    assert.ok(['SY_ERR_UPSTREAM_UNREACHABLE', 'SY_ERR_UPSTREAM_PROTOCOL'].includes(end.error.code), end.error.code);
  });

  it('sends the key as a bearer token when configured, with the operator headers', async () => {
    const response = await adapter.chat(chatRequest([user('hi')]), context({ authHeader: 'bearer', headers: { 'X-Team': 'blue' } }));
    assert.equal(response.choices[0]?.content, 'Echo: hi');
    const headers = fake.requests.at(-1)?.headers ?? {};
    assert.equal(headers.authorization, `Bearer ${fake.apiKey}`);
    assert.equal(headers['x-api-key'], undefined);
    assert.equal(headers['x-team'], 'blue');
  });

  describe('pass-through', () => {
    const clientBody = {
      model: 'claude-latest',
      max_tokens: 50,
      system: [{ type: 'text', text: 'You are terse.', cache_control: { type: 'ephemeral' } }],
      messages: [{ role: 'user', content: [{ type: 'text', text: 'hello pass-through' }] }],
      metadata: { user_id: 'u-42' },
      stop_sequences: ['zzz'],
      top_k: 5,
      thinking: { type: 'disabled' },
    };
    const clientHeaders = { 'anthropic-version': '2023-06-01', 'anthropic-beta': 'context-1m-2025-08-07' };

    it('relays a JSON answer byte for byte, with only the model replaced', async () => {
      const result = await passthrough({ body: clientBody, headers: { ...clientHeaders, authorization: 'Bearer client-key' } });
      assert.equal(result.kind, 'json');
      assert.ok(result.kind === 'json');
      assert.equal(result.status, 200);
      const answer = JSON.parse(result.body.toString()) as { content: unknown; type: string };
      assert.deepEqual(answer.content, [{ type: 'text', text: 'Echo: hello pass-through' }]);
      assert.deepEqual(result.usage, { promptTokens: 5, completionTokens: 3, cachedTokens: 0, cacheWriteTokens: 0, estimated: false });
      assert.deepEqual(result.finishReason, { unified: 'stop', raw: 'end_turn' });
      assert.equal(result.model, MODEL);
      const recorded = fake.requests.at(-1);
      assert.deepEqual(recorded?.body, { ...clientBody, model: MODEL });
      assert.deepEqual(Object.keys(recorded?.body as object), Object.keys(clientBody));
      assert.equal(recorded?.headers['anthropic-version'], '2023-06-01');
      assert.equal(recorded?.headers['anthropic-beta'], 'context-1m-2025-08-07');
      assert.equal(recorded?.headers['x-api-key'], fake.apiKey);
      assert.equal(recorded?.headers.authorization, undefined);
    });

    it('relays stream frames unchanged and summarises usage and stop reason', async () => {
      const result = await passthrough({ body: { ...clientBody, stream: true }, stream: true, headers: clientHeaders });
      assert.ok(result.kind === 'stream');
      const frames = await passThroughFrames(result);
      assert.ok(frames.every((frame) => frame.endsWith('\n\n')));
      assert.ok(frames[0]?.startsWith('event: message_start\ndata: {'));
      assert.equal(frames.at(-1), 'event: message_stop\ndata: {"type":"message_stop"}\n\n');
      const text = frames
        .filter((frame) => frame.includes('text_delta'))
        .map((frame) => (JSON.parse(frame.split('data: ')[1] ?? '') as { delta: { text: string } }).delta.text)
        .join('');
      assert.equal(text, 'Echo: hello pass-through');
      assert.deepEqual(result.summary(), {
        usage: { promptTokens: 5, completionTokens: 3, cachedTokens: 0, cacheWriteTokens: 0, estimated: false },
        finishReason: { unified: 'stop', raw: 'end_turn' },
        model: MODEL,
      });
      assert.equal(result.failure(), null);
    });

    it('defaults anthropic-version when the client sent none, and keeps the client version when it did', async () => {
      const body = { model: 'x', max_tokens: 10, temperature: 0.5, messages: [{ role: 'user', content: 'hi' }] };
      await passthrough({ body });
      assert.equal(fake.requests.at(-1)?.headers['anthropic-version'], '2023-06-01');
      // The client chose 2026-10-21, which removed temperature: the upstream's 400 comes back as a GatewayError.
      const call = passthrough({ body, headers: { 'anthropic-version': '2026-10-21' } });
      await assert.rejects(call, assertGatewayError({ code: 'SY_ERR_UPSTREAM_BAD_REQUEST', status: 400, message: /temperature: Extra inputs/ }));
    });

    it('ends the relay at a mid-stream failure and records it (the server renders the error frame)', async () => {
      const run = async (failure: { cut?: boolean }): Promise<{ frames: string[]; result: PassthroughResult }> => {
        fake.failNext({ kind: 'mid-stream', afterEvents: 3, ...failure });
        const result = await passthrough({ body: { ...clientBody, stream: true }, stream: true, headers: clientHeaders });
        assert.ok(result.kind === 'stream');
        return { frames: await passThroughFrames(result), result };
      };
      const overloaded = await run({});
      assert.equal(overloaded.frames.length, 3);
      assert.ok(overloaded.frames.every((frame) => !frame.startsWith('event: error')));
      assert.ok(overloaded.result.kind === 'stream');
      assert.equal(overloaded.result.failure()?.code, 'SY_ERR_UPSTREAM_OVERLOADED');
      assert.equal(overloaded.result.summary().usage?.promptTokens, 5);

      const cut = await run({ cut: true });
      assert.ok(cut.frames.every((frame) => !frame.startsWith('event: error')));
      assert.ok(cut.result.kind === 'stream');
      assert.ok(cut.result.failure() instanceof GatewayError);
    });
  });

  describe('upstream errors', () => {
    it('a rejected key becomes SY_ERR_UPSTREAM_AUTH (502) naming the provider', async () => {
      const call = adapter.chat(chatRequest([user('hi')]), context({ apiKey: 'sk-ant-wrong' }));
      await assert.rejects(call, assertGatewayError({ code: 'SY_ERR_UPSTREAM_AUTH', status: 502, message: /Provider "anthropic-test".*401.*invalid x-api-key/ }));
      const pass = passthrough({ body: { model: 'x', max_tokens: 5, messages: [] }, settings: { apiKey: 'sk-ant-wrong' } });
      await assert.rejects(pass, assertGatewayError({ code: 'SY_ERR_UPSTREAM_AUTH', status: 502 }));
    });

    it('529 overloaded_error becomes SY_ERR_UPSTREAM_OVERLOADED (503), before a stream starts', async () => {
      fake.failNext({ kind: 'http', status: 529 });
      await assert.rejects(
        adapter.chatStream(chatRequest([user('hi')], { stream: true }), context()),
        assertGatewayError({ code: 'SY_ERR_UPSTREAM_OVERLOADED', status: 503, message: /Overloaded/ }),
      );
    });

    it('429 keeps retry-after', async () => {
      fake.failNext({ kind: 'http', status: 429, headers: { 'retry-after': '7' } });
      await assert.rejects(
        adapter.chat(chatRequest([user('hi')]), context()),
        assertGatewayError({ code: 'SY_ERR_UPSTREAM_RATE_LIMITED', status: 429, retryAfterMs: 7000 }),
      );
    });

    it('"prompt is too long" becomes SY_ERR_CONTEXT_WINDOW_EXCEEDED; a 500 api_error a server error', async () => {
      fake.failNext({ kind: 'http', status: 400, message: 'prompt is too long: 210000 tokens > 200000 maximum' });
      await assert.rejects(adapter.chat(chatRequest([user('hi')]), context()), assertGatewayError({ code: 'SY_ERR_CONTEXT_WINDOW_EXCEEDED', status: 400 }));
      fake.failNext({ kind: 'http', status: 500 });
      await assert.rejects(adapter.chat(chatRequest([user('hi')]), context()), assertGatewayError({ code: 'SY_ERR_UPSTREAM_SERVER', status: 502 }));
    });

    it('an upstream validation error keeps its message', async () => {
      // An empty conversation is invalid upstream.
      await assert.rejects(adapter.chat(chatRequest([system('only a system prompt')]), context()), assertGatewayError({ code: 'SY_ERR_UPSTREAM_BAD_REQUEST', status: 400 }));
    });
  });
});
