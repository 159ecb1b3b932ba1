import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GatewayError } from '../../core/index.js';
import type { ChatRequest, Deployment, SimulatorSettings, StreamEvent } from '../../core/index.js';
import { UpstreamHttp } from '../shared/http.js';
import type { CallContext } from '../types.js';
import { createSimulatorAdapter } from './index.js';

const INSTANT: SimulatorSettings = { latencyMeanMs: 0, latencyStdDevMs: 0, chunkIntervalMs: 0, answerWords: 30, errorRate: 0, seed: 42 };

function contextFor(settings: Partial<SimulatorSettings> = {}, options: { signal?: AbortSignal; firstByteMs?: number } = {}): CallContext {
  const deployment: Deployment = {
    id: 'sim/sim-chat',
    model: 'sim-chat',
    weight: 1,
    defaultMaxTokens: 4096,
    provider: {
      id: 'sim',
      type: 'simulator',
      preset: 'simulator',
      baseUrl: 'simulator://local',
      authHeader: 'none',
      headers: {},
      query: {},
      azureDeployments: false,
      supportsStreamUsage: true,
      timeouts: { connectMs: 10_000, firstByteMs: options.firstByteMs ?? 60_000, totalMs: 600_000, streamIdleMs: 120_000 },
      simulator: { ...INSTANT, ...settings },
    },
  };
  return { deployment, signal: options.signal ?? new AbortController().signal, http: new UpstreamHttp(), requestId: 'req-1' };
}

function chatRequest(text: string, extra: Partial<ChatRequest> = {}): ChatRequest {
  return { model: 'sim-chat', messages: [{ role: 'user', content: [{ type: 'text', text }] }], stream: false, includeUsage: false, ...extra };
}

const WEATHER_TOOL = {
  name: 'get_weather',
  description: 'Current weather',
  parameters: {
    type: 'object',
    properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] }, days: { type: 'integer' } },
    required: ['city', 'unit'],
  },
};

async function collect(events: AsyncIterable<StreamEvent>): Promise<StreamEvent[]> {
  const output: StreamEvent[] = [];
  for await (const event of events) output.push(event);
  return output;
}

function words(text: string | null): number {
  return (text ?? '').split(/\s+/).filter(Boolean).length;
}

describe('simulator adapter', () => {
  const adapter = createSimulatorAdapter();

  it('speaks the simulator protocol and has no pass-through', () => {
    assert.equal(adapter.protocol, 'simulator');
    assert.equal(adapter.passthrough, undefined);
  });

  it('answers the same request the same way, and different requests differently', async () => {
    const first = await adapter.chat(chatRequest('Hello there'), contextFor());
    const second = await adapter.chat(chatRequest('Hello there'), contextFor());
    const other = await adapter.chat(chatRequest('Something else'), contextFor());
    const reseeded = await adapter.chat(chatRequest('Hello there'), contextFor({ seed: 7 }));
    assert.equal(first.choices[0].content, second.choices[0].content);
    assert.equal(first.id, second.id);
    assert.notEqual(first.choices[0].content, other.choices[0].content);
    assert.notEqual(first.choices[0].content, reseeded.choices[0].content);
    assert.equal(first.model, 'sim-chat');
    assert.equal(words(first.choices[0].content), 30);
    assert.deepEqual(first.choices[0].finishReason, { unified: 'stop', raw: 'stop' });
    assert.deepEqual(first.usage, { promptTokens: 2, completionTokens: 30, cachedTokens: 0, cacheWriteTokens: 0, estimated: false });
  });

  it('stops at max tokens with finish reason length', async () => {
    const response = await adapter.chat(chatRequest('Hello', { maxTokens: 5 }), contextFor());
    assert.equal(words(response.choices[0].content), 5);
    assert.equal(response.choices[0].finishReason.unified, 'length');
    assert.equal(response.usage.completionTokens, 5);
  });

  it('streams start, text deltas of a few words, finish and usage, matching the whole answer', async () => {
    const whole = await adapter.chat(chatRequest('Stream me'), contextFor({ answerWords: 10 }));
    const events = await collect(await adapter.chatStream(chatRequest('Stream me', { stream: true }), contextFor({ answerWords: 10 })));
    assert.deepEqual(
      events.map((event) => event.type),
      ['start', 'text-delta', 'text-delta', 'text-delta', 'text-delta', 'finish', 'usage'],
    );
    const text = events.map((event) => (event.type === 'text-delta' ? event.text : '')).join('');
    assert.equal(text, whole.choices[0].content);
    const start = events[0];
    assert.ok(start.type === 'start' && start.id === whole.id && start.model === 'sim-chat');
    const usage = events.at(-1);
    assert.ok(usage?.type === 'usage' && usage.usage.completionTokens === 10);
  });

  it('calls the first tool when the user asks about the weather, with its required arguments', async () => {
    const request = chatRequest('What is the weather in Paris?', { tools: [WEATHER_TOOL] });
    const response = await adapter.chat(request, contextFor());
    const [choice] = response.choices;
    assert.equal(choice.content, null);
    assert.deepEqual(choice.finishReason, { unified: 'tool_calls', raw: 'tool_calls' });
    assert.equal(choice.toolCalls.length, 1);
    assert.equal(choice.toolCalls[0].name, 'get_weather');
    assert.match(choice.toolCalls[0].id, /^call_[0-9a-f]+$/);
    const args = JSON.parse(choice.toolCalls[0].arguments) as Record<string, unknown>;
    assert.deepEqual(Object.keys(args).sort(), ['city', 'unit']);
    assert.equal(args.unit, 'celsius');
    assert.equal(typeof args.city, 'string');

    const events = await collect(await adapter.chatStream({ ...request, stream: true }, contextFor()));
    assert.equal(events[1].type, 'tool-call-start');
    const streamed = events.map((event) => (event.type === 'tool-call-delta' ? event.argumentsDelta : '')).join('');
    assert.equal(streamed, choice.toolCalls[0].arguments);
    const finish = events.find((event) => event.type === 'finish');
    assert.ok(finish?.type === 'finish' && finish.finishReason.unified === 'tool_calls');
  });

  it('calls a tool when required, never when tool choice is none, and answers in text after a tool result', async () => {
    const required = await adapter.chat(chatRequest('Hi', { tools: [WEATHER_TOOL], toolChoice: { type: 'required' } }), contextFor());
    assert.equal(required.choices[0].toolCalls.length, 1);
    const none = await adapter.chat(chatRequest('weather?', { tools: [WEATHER_TOOL], toolChoice: { type: 'none' } }), contextFor());
    assert.equal(none.choices[0].toolCalls.length, 0);
    const afterResult = await adapter.chat(
      {
        ...chatRequest('What is the weather?', { tools: [WEATHER_TOOL] }),
        messages: [
          { role: 'user', content: [{ type: 'text', text: 'What is the weather?' }] },
          { role: 'assistant', content: [], toolCalls: [{ id: 'call_1', name: 'get_weather', arguments: '{"city":"Paris"}' }] },
          { role: 'tool', toolCallId: 'call_1', content: [{ type: 'text', text: 'Sunny' }] },
        ],
      },
      contextFor(),
    );
    assert.equal(afterResult.choices[0].toolCalls.length, 0);
    assert.ok((afterResult.choices[0].content ?? '').length > 0);
  });

  it('answers JSON objects in JSON mode', async () => {
    const object = await adapter.chat(chatRequest('Give JSON', { responseFormat: { type: 'json_object' } }), contextFor());
    assert.equal(typeof (JSON.parse(object.choices[0].content ?? '') as { answer: unknown }).answer, 'string');
    const schema = { type: 'object', properties: { name: { type: 'string' }, age: { type: 'integer', minimum: 18 }, tags: { type: 'array', items: { type: 'string' } } }, required: ['name', 'age', 'tags'] };
    const structured = await adapter.chat(chatRequest('Give JSON', { responseFormat: { type: 'json_schema', name: 'person', schema } }), contextFor());
    const value = JSON.parse(structured.choices[0].content ?? '') as { name: unknown; age: unknown; tags: unknown };
    assert.equal(typeof value.name, 'string');
    assert.equal(value.age, 18);
    assert.ok(Array.isArray(value.tags));
  });

  it('fails before the first byte with a 500 when the error rate is 1', async () => {
    const context = contextFor({ errorRate: 1 });
    const isServerError = (error: unknown): boolean =>
      error instanceof GatewayError && error.code === 'SY_ERR_UPSTREAM_SERVER' && error.provider === 'sim' && error.upstreamStatus === 500 && error.retryable;
    await assert.rejects(adapter.chat(chatRequest('x'), context), isServerError);
    await assert.rejects(adapter.chatStream(chatRequest('x', { stream: true }), context), isServerError);
    await assert.rejects(adapter.embed!({ model: 'sim-embed', input: ['x'], encodingFormat: 'float' }, context), isServerError);
  });

  it('times out when the latency exceeds the first-byte timeout', async () => {
    await assert.rejects(
      adapter.chat(chatRequest('x'), contextFor({ latencyMeanMs: 60_000 }, { firstByteMs: 1 })),
      (error: unknown) => error instanceof GatewayError && error.code === 'SY_ERR_UPSTREAM_TIMEOUT',
    );
  });

  it('rejects at once when aborted before or during the wait for the first byte', async () => {
    const aborted = new AbortController();
    aborted.abort();
    await assert.rejects(adapter.chat(chatRequest('x'), contextFor({}, { signal: aborted.signal })), (error: unknown) =>
      error instanceof GatewayError && error.code === 'SY_ERR_CLIENT_DISCONNECTED',
    );
    const controller = new AbortController();
    const pending = adapter.chatStream(chatRequest('x', { stream: true }), contextFor({ latencyMeanMs: 3_600_000 }, { signal: controller.signal }));
    const reason = new GatewayError('SY_ERR_UPSTREAM_TIMEOUT', 'gave up');
    controller.abort(reason);
    await assert.rejects(pending, (error: unknown) => error === reason);
  });

  it('ends a stream with an error event when aborted between chunks', async () => {
    const controller = new AbortController();
    const stream = await adapter.chatStream(chatRequest('x', { stream: true }), contextFor({ chunkIntervalMs: 3_600_000 }, { signal: controller.signal }));
    const iterator = stream[Symbol.asyncIterator]();
    assert.equal((await iterator.next()).value?.type, 'start');
    assert.equal((await iterator.next()).value?.type, 'text-delta');
    const next = iterator.next();
    controller.abort();
    const event = (await next).value as StreamEvent;
    assert.ok(event.type === 'error' && event.error.code === 'SY_ERR_CLIENT_DISCONNECTED');
    assert.equal((await iterator.next()).done, true);
  });

  it('draws latency and failures from the injected random source', async () => {
    const draws: number[] = [];
    const seeded = createSimulatorAdapter({ random: () => (draws.push(0.5), 0.5) });
    await seeded.chat(chatRequest('x'), contextFor({ errorRate: 0.4, latencyStdDevMs: 0 }));
    assert.equal(draws.length, 1, 'one draw for the failure; none for a zero-spread latency');
    await assert.rejects(seeded.chat(chatRequest('x'), contextFor({ errorRate: 0.6, latencyStdDevMs: 0 })));
  });

  it('embeds deterministically as unit vectors', async () => {
    const context = contextFor();
    const response = await adapter.embed!({ model: 'sim-embed', input: ['alpha beta', 'gamma'], encodingFormat: 'float' }, context);
    const again = await adapter.embed!({ model: 'sim-embed', input: ['alpha beta'], encodingFormat: 'float' }, context);
    assert.equal(response.embeddings.length, 2);
    assert.equal(response.embeddings[0].length, 256);
    assert.deepEqual(again.embeddings[0], response.embeddings[0]);
    assert.notDeepEqual(response.embeddings[0], response.embeddings[1]);
    for (const vector of response.embeddings) assert.ok(Math.abs(Math.hypot(...vector) - 1) < 1e-9);
    assert.deepEqual(response.usage, { promptTokens: 3, estimated: false });
    const small = await adapter.embed!({ model: 'sim-embed', input: ['x'], dimensions: 8, encodingFormat: 'float' }, context);
    assert.equal(small.embeddings[0].length, 8);
  });

  it('uses the default settings when the provider carries none', async () => {
    const context = contextFor();
    delete context.deployment.provider.simulator;
    const stream = await adapter.chatStream(chatRequest('x', { stream: true }), context);
    const events = await collect(stream);
    const usage = events.at(-1);
    assert.ok(usage?.type === 'usage' && usage.usage.completionTokens === 30);
  });
});
