/**
 * Proves the fake Anthropic upstream speaks the real wire format: the official @anthropic-ai/sdk
 * (1.x, which sends anthropic-version 2026-10-21 and the key as a Bearer token), pointed at it, gets
 * well-formed messages, streams, tool use and the SDK's own error classes.
 */

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Anthropic, {
  APIError,
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  OverloadedError,
  RateLimitError,
} from '@anthropic-ai/sdk';
import type { MessageCreateParamsNonStreaming, MessageParam, Tool } from '@anthropic-ai/sdk/resources/messages';
import { startFakeAnthropic } from '../support/fake-anthropic.js';
import type { FakeUpstream } from '../support/fake-types.js';

const MODEL = 'claude-sonnet-4-6';
const weatherTool: Tool = {
  name: 'get_weather',
  description: 'Weather in a city',
  input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};

describe('fake Anthropic upstream, driven by @anthropic-ai/sdk', () => {
  let fake: FakeUpstream;
  let client: Anthropic;

  before(async () => {
    fake = await startFakeAnthropic();
    client = new Anthropic({ apiKey: fake.apiKey, baseURL: fake.baseUrl, maxRetries: 0 });
  });
  after(() => fake.close());

  it('answers messages.create with usage and the SDK default headers', async () => {
    const message = await client.messages.create({ model: MODEL, max_tokens: 100, messages: [{ role: 'user', content: 'hello there' }] });
    assert.equal(message.type, 'message');
    assert.equal(message.role, 'assistant');
    assert.equal(message.model, MODEL);
    assert.match(message.id, /^msg_/);
    assert.deepEqual(message.content, [{ type: 'text', text: 'Echo: hello there' }]);
    assert.equal(message.stop_reason, 'end_turn');
    assert.equal(message.stop_sequence, null);
    assert.equal(message.usage.input_tokens, 2);
    assert.equal(message.usage.output_tokens, 3);
    assert.equal(message.usage.cache_read_input_tokens, 0);
    const recorded = fake.requests.at(-1);
    assert.equal(recorded?.url, '/v1/messages');
    assert.equal(recorded?.headers['anthropic-version'], '2026-10-21');
    assert.equal(recorded?.headers.authorization, `Bearer ${fake.apiKey}`);
  });

  it('takes a top-level system prompt and counts it as input', async () => {
    const message = await client.messages.create({
      model: MODEL,
      max_tokens: 100,
      system: [{ type: 'text', text: 'Be brief and kind.' }],
      messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }],
    });
    assert.deepEqual(message.content, [{ type: 'text', text: 'Echo: hi' }]);
    assert.equal(message.usage.input_tokens, 5);
  });

  it('accepts temperature under anthropic-version 2023-06-01 and rejects it under 2026-10-21', async () => {
    // SDK 1.x removed temperature from its types along with API version 2026-10-21.
    const params = { model: MODEL, max_tokens: 50, temperature: 0.2, messages: [{ role: 'user', content: 'warm' }] };
    const message = await client.messages.create(params as MessageCreateParamsNonStreaming, {
      headers: { 'anthropic-version': '2023-06-01' },
    });
    assert.deepEqual(message.content, [{ type: 'text', text: 'Echo: warm' }]);
    assert.equal(fake.requests.at(-1)?.headers['anthropic-version'], '2023-06-01');
    await assert.rejects(client.messages.create(params as MessageCreateParamsNonStreaming), (error: unknown) => {
      assert.ok(error instanceof BadRequestError);
      assert.match(error.message, /temperature: Extra inputs are not permitted/);
      return true;
    });
  });

  it('streams with messages.stream, text deltas and finalMessage()', async () => {
    const stream = client.messages.stream({ model: MODEL, max_tokens: 100, messages: [{ role: 'user', content: 'stream me please, it is cached' }] });
    const deltas: string[] = [];
    stream.on('text', (text) => deltas.push(text));
    const message = await stream.finalMessage();
    assert.ok(deltas.length > 3, 'several text deltas');
    assert.equal(deltas.join(''), 'Echo: stream me please, it is cached');
    assert.deepEqual(message.content, [{ type: 'text', text: 'Echo: stream me please, it is cached' }]);
    assert.equal(message.stop_reason, 'end_turn');
    assert.equal(message.usage.output_tokens, 7);
    assert.equal(message.usage.cache_read_input_tokens, 4);
    assert.equal(message.usage.input_tokens, 2);
    assert.equal((fake.requests.at(-1)?.body as { stream?: boolean }).stream, true);
  });

  it('raw stream events come in the documented order', async () => {
    const stream = await client.messages.create({ model: MODEL, max_tokens: 100, stream: true, messages: [{ role: 'user', content: 'order' }] });
    const types: string[] = [];
    for await (const event of stream) types.push(event.type);
    assert.equal(types[0], 'message_start');
    assert.equal(types[1], 'content_block_start');
    assert.deepEqual(types.slice(-3), ['content_block_stop', 'message_delta', 'message_stop']);
  });

  it('answers JSON under structured outputs (output_config.format)', async () => {
    const message = await client.messages.create({
      model: MODEL,
      max_tokens: 100,
      output_config: { format: { type: 'json_schema', schema: { type: 'object', properties: { echo: { type: 'string' } } } } },
      messages: [{ role: 'user', content: 'json please' }],
    });
    const block = message.content[0];
    assert.ok(block?.type === 'text');
    assert.deepEqual(JSON.parse(block.text), { echo: 'json please' });
  });

  it('stops at max_tokens for a long answer', async () => {
    const message = await client.messages.create({ model: MODEL, max_tokens: 5, messages: [{ role: 'user', content: 'a long answer please' }] });
    assert.equal(message.stop_reason, 'max_tokens');
    assert.equal(message.usage.output_tokens, 5);
  });

  it('calls a tool, then reads its tool_result', async () => {
    const first: MessageParam = { role: 'user', content: 'What is the weather in Paris?' };
    const message = await client.messages.create({ model: MODEL, max_tokens: 100, tools: [weatherTool], messages: [first] });
    assert.equal(message.stop_reason, 'tool_use');
    const call = message.content[0];
    assert.ok(call?.type === 'tool_use');
    assert.equal(call.name, 'get_weather');
    assert.deepEqual(call.input, { city: 'Paris' });
    assert.match(call.id, /^toolu_/);
    assert.equal(message.usage.input_tokens, 16);

    const answer = await client.messages.create({
      model: MODEL,
      max_tokens: 100,
      tools: [weatherTool],
      messages: [
        first,
        { role: 'assistant', content: message.content },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: call.id, content: 'sunny, 21C' }] },
      ],
    });
    assert.deepEqual(answer.content, [{ type: 'text', text: 'Tool said: sunny, 21C' }]);
    assert.equal(answer.stop_reason, 'end_turn');
  });

  it('streams parallel tool calls with input_json_delta pieces', async () => {
    const stream = client.messages.stream({
      model: MODEL,
      max_tokens: 100,
      tools: [weatherTool],
      messages: [{ role: 'user', content: 'weather in two cities, in parallel' }],
    });
    const pieces: string[] = [];
    stream.on('inputJson', (partialJson) => pieces.push(partialJson));
    const message = await stream.finalMessage();
    assert.equal(message.stop_reason, 'tool_use');
    const calls = message.content.filter((block) => block.type === 'tool_use');
    assert.deepEqual(calls.map((block) => block.input), [{ city: 'Paris' }, { city: 'Tokyo' }]);
    assert.notEqual(calls[0]?.id, calls[1]?.id);
    assert.ok(pieces.filter((piece) => piece.length > 0).length > 4, 'arguments arrive in pieces');
  });

  it('rejects a tool_result whose tool_use is not in the previous message', async () => {
    await assert.rejects(
      client.messages.create({
        model: MODEL,
        max_tokens: 10,
        messages: [{ role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_nope', content: 'x' }] }],
      }),
      (error: unknown) => error instanceof BadRequestError && /unexpected `tool_use_id`/.test(error.message),
    );
    await assert.rejects(
      client.messages.create({
        model: MODEL,
        max_tokens: 10,
        messages: [
          { role: 'user', content: 'weather?' },
          { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_a', name: 'get_weather', input: {} }] },
          { role: 'user', content: 'no result' },
        ],
      }),
      (error: unknown) => error instanceof BadRequestError && /messages\.1: `tool_use` ids were found without `tool_result`/.test(error.message),
    );
  });

  it('maps errors to the SDK classes', async () => {
    const wrongKey = new Anthropic({ apiKey: 'sk-ant-wrong', baseURL: fake.baseUrl, maxRetries: 0 });
    await assert.rejects(wrongKey.messages.create({ model: MODEL, max_tokens: 10, messages: [{ role: 'user', content: 'x' }] }), (error: unknown) => {
      assert.ok(error instanceof AuthenticationError);
      assert.equal(error.status, 401);
      assert.equal((error.error as { error: { type: string } }).error.type, 'authentication_error');
      assert.ok(error.requestID);
      return true;
    });
    const unknownField = { model: MODEL, max_tokens: 10, frobnicate: true, messages: [{ role: 'user', content: 'x' }] };
    await assert.rejects(client.messages.create(unknownField as MessageCreateParamsNonStreaming), (error: unknown) => {
      return error instanceof BadRequestError && /frobnicate: Extra inputs are not permitted/.test(error.message);
    });
    const noMaxTokens = { model: MODEL, messages: [{ role: 'user', content: 'x' }] };
    await assert.rejects(client.messages.create(noMaxTokens as MessageCreateParamsNonStreaming), (error: unknown) => {
      return error instanceof BadRequestError && /max_tokens: Field required/.test(error.message);
    });
    const systemRole = { model: MODEL, max_tokens: 10, messages: [{ role: 'system', content: 'x' }, { role: 'user', content: 'y' }] };
    await assert.rejects(client.messages.create(systemRole as MessageCreateParamsNonStreaming), BadRequestError);
    await assert.rejects(client.messages.create({ model: MODEL, max_tokens: 10, messages: [{ role: 'user', content: '' }] }), BadRequestError);
  });

  it('scripted HTTP failures arrive as RateLimitError, OverloadedError and InternalServerError', async () => {
    const params: MessageCreateParamsNonStreaming = { model: MODEL, max_tokens: 10, messages: [{ role: 'user', content: 'x' }] };
    fake.failNext({ kind: 'http', status: 429, headers: { 'retry-after': '3' } });
    await assert.rejects(client.messages.create(params), (error: unknown) => {
      assert.ok(error instanceof RateLimitError);
      assert.equal(error.headers?.get('retry-after'), '3');
      return true;
    });
    fake.failNext({ kind: 'http', status: 529 });
    await assert.rejects(client.messages.create(params), (error: unknown) => {
      assert.ok(error instanceof OverloadedError && error instanceof InternalServerError);
      assert.equal((error.error as { error: { type: string } }).error.type, 'overloaded_error');
      return true;
    });
    fake.failNext({ kind: 'http', status: 500 });
    await assert.rejects(client.messages.create(params), InternalServerError);
  });

  it('over raw HTTP: takes x-api-key, requires anthropic-version, answers unknown paths with not_found_error', async () => {
    const post = (headers: Record<string, string>, path = '/v1/messages') =>
      fetch(`${fake.baseUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ model: MODEL, max_tokens: 10, messages: [{ role: 'user', content: 'raw' }] }),
      });
    const ok = await post({ 'x-api-key': fake.apiKey, 'anthropic-version': '2023-06-01' });
    assert.equal(ok.status, 200);
    assert.ok(ok.headers.get('request-id'));
    assert.equal(((await ok.json()) as { content: Array<{ text: string }> }).content[0]?.text, 'Echo: raw');
    const noVersion = await post({ 'x-api-key': fake.apiKey });
    assert.equal(noVersion.status, 400);
    const error = (await noVersion.json()) as { type: string; error: { type: string; message: string } };
    assert.equal(error.type, 'error');
    assert.deepEqual(error.error, { type: 'invalid_request_error', message: 'anthropic-version: header is required' });
    const noKey = await post({ 'anthropic-version': '2023-06-01' });
    assert.equal(noKey.status, 401);
    const notFound = await post({ 'x-api-key': fake.apiKey, 'anthropic-version': '2023-06-01' }, '/v1/complete');
    assert.equal(notFound.status, 404);
    assert.equal(((await notFound.json()) as { error: { type: string } }).error.type, 'not_found_error');
  });

  it('a mid-stream error event makes the SDK throw', async () => {
    fake.failNext({ kind: 'mid-stream', afterEvents: 3 });
    const stream = client.messages.stream({ model: MODEL, max_tokens: 100, messages: [{ role: 'user', content: 'will break midway' }] });
    await assert.rejects(stream.finalMessage(), (error: unknown) => {
      assert.ok(error instanceof APIError);
      assert.equal((error.error as { error: { type: string } }).error.type, 'overloaded_error');
      return true;
    });
  });

  it('a socket cut mid-stream makes the SDK throw', async () => {
    fake.failNext({ kind: 'mid-stream', afterEvents: 3, cut: true });
    const stream = client.messages.stream({ model: MODEL, max_tokens: 100, messages: [{ role: 'user', content: 'will be cut midway' }] });
    await assert.rejects(stream.finalMessage());
  });
});
