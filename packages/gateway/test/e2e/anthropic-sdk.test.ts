/**
 * End to end with the official `@anthropic-ai/sdk` against the gateway's /v1/messages: pass-through
 * to an Anthropic upstream and translation to OpenAI and Gemini upstreams, streams and tool use
 * included, and the SDK's own error classes.
 */

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import Anthropic from '@anthropic-ai/sdk';
import { startFakes, startGateway, standardConfig, usageRows } from '../support/gateway-harness.js';
import type { Fakes, RunningGateway } from '../support/gateway-harness.js';

let fakes: Fakes;
let running: RunningGateway;
let client: Anthropic;
/** A client pinned to the oldest API version, whose fields (temperature) must keep working. */
let legacyClient: Anthropic;

before(async () => {
  fakes = await startFakes();
  running = await startGateway({ yaml: standardConfig(fakes) });
  client = new Anthropic({ apiKey: running.masterKey, baseURL: running.url, maxRetries: 0 });
  legacyClient = new Anthropic({
    apiKey: running.masterKey,
    baseURL: running.url,
    maxRetries: 0,
    defaultHeaders: { 'anthropic-version': '2023-06-01' },
  });
});

after(async () => {
  await running.close();
  await fakes.close();
});

const weatherTool = {
  name: 'get_weather',
  description: 'Weather for a city',
  input_schema: { type: 'object' as const, properties: { city: { type: 'string' } }, required: ['city'] },
};

for (const model of ['claude', 'gpt-4o', 'gemini']) {
  describe(`anthropic client → ${model}`, () => {
    test('plain call with a system prompt and temperature (anthropic-version 2023-06-01)', async () => {
      // SDK 1.x types dropped `temperature` with the newer API version; the old version still has it.
      const message = await legacyClient.messages.create({
        model,
        max_tokens: 100,
        system: 'Be brief.',
        temperature: 0.2,
        messages: [{ role: 'user', content: 'Hello there' }],
      } as Anthropic.MessageCreateParamsNonStreaming);
      assert.equal(message.type, 'message');
      assert.equal(message.role, 'assistant');
      // A pass-through answers with the upstream's own model name, untouched; a translation with the name sent.
      assert.equal(message.model, model === 'claude' ? 'claude-sonnet-4-5' : model);
      assert.equal(message.stop_reason, 'end_turn');
      const text = message.content.find((block) => block.type === 'text');
      assert.equal(text?.type === 'text' ? text.text : null, 'Echo: Hello there');
      assert.ok(message.usage.input_tokens > 0 && message.usage.output_tokens > 0);
    });

    test('streaming: text deltas and final message', async () => {
      const stream = client.messages.stream({ model, max_tokens: 100, messages: [{ role: 'user', content: 'Stream this please' }] });
      let text = '';
      stream.on('text', (delta) => {
        text += delta;
      });
      const final = await stream.finalMessage();
      assert.equal(text, 'Echo: Stream this please');
      assert.equal(final.stop_reason, 'end_turn');
      assert.ok(final.usage.output_tokens > 0);
    });

    test('tool use (parallel) and tool_result round trip with ids paired', async () => {
      const first = await client.messages.create({
        model,
        max_tokens: 200,
        tools: [weatherTool],
        messages: [{ role: 'user', content: 'What is the weather in two cities, parallel please?' }],
      });
      assert.equal(first.stop_reason, 'tool_use');
      const uses = first.content.filter((block) => block.type === 'tool_use');
      assert.equal(uses.length, 2);
      assert.deepEqual(
        uses.map((block) => (block.type === 'tool_use' ? (block.input as { city: string }).city : null)),
        ['Paris', 'Tokyo'],
      );
      const second = await client.messages.create({
        model,
        max_tokens: 200,
        tools: [weatherTool],
        messages: [
          { role: 'user', content: 'What is the weather in two cities, parallel please?' },
          { role: 'assistant', content: first.content },
          {
            role: 'user',
            content: uses.map((block) => ({
              type: 'tool_result' as const,
              tool_use_id: block.type === 'tool_use' ? block.id : '',
              content: 'sunny',
            })),
          },
        ],
      });
      const text = second.content.find((block) => block.type === 'text');
      assert.match(text?.type === 'text' ? text.text : '', /^Tool said: sunny/);
    });

    test('streamed tool use accumulates input_json_delta into the input', async () => {
      const stream = client.messages.stream({
        model,
        max_tokens: 200,
        tools: [weatherTool],
        messages: [{ role: 'user', content: 'weather in Paris?' }],
      });
      const final = await stream.finalMessage();
      const use = final.content.find((block) => block.type === 'tool_use');
      assert.ok(use && use.type === 'tool_use');
      assert.equal(use.name, 'get_weather');
      assert.deepEqual(use.input, { city: 'Paris' });
      assert.equal(final.stop_reason, 'tool_use');
    });

    test('max tokens reached → stop_reason max_tokens', async () => {
      const message = await client.messages.create({ model, max_tokens: 5, messages: [{ role: 'user', content: 'a long answer please' }] });
      assert.equal(message.stop_reason, 'max_tokens');
    });
  });
}

describe('anthropic client: errors and keys', () => {
  test('wrong key → AuthenticationError (x-api-key and Bearer both accepted)', async () => {
    const bad = new Anthropic({ apiKey: 'sy-wrong', baseURL: running.url, maxRetries: 0 });
    await assert.rejects(bad.messages.create({ model: 'claude', max_tokens: 10, messages: [{ role: 'user', content: 'x' }] }), Anthropic.AuthenticationError);
    const bearer = new Anthropic({ authToken: running.masterKey, apiKey: null, baseURL: running.url, maxRetries: 0 });
    const message = await bearer.messages.create({ model: 'claude', max_tokens: 10, messages: [{ role: 'user', content: 'bearer' }] });
    assert.equal(message.type, 'message');
  });

  test('unknown model → NotFoundError', async () => {
    await assert.rejects(client.messages.create({ model: 'nope', max_tokens: 10, messages: [{ role: 'user', content: 'x' }] }), Anthropic.NotFoundError);
  });

  test('missing max_tokens → BadRequestError naming the field', async () => {
    const error = await client.messages
      .create({ model: 'claude', messages: [{ role: 'user', content: 'x' }] } as unknown as Anthropic.MessageCreateParamsNonStreaming)
      .catch((caught: unknown) => caught);
    assert.ok(error instanceof Anthropic.BadRequestError);
    assert.match(error.message, /max_tokens/);
  });

  for (const model of ['claude', 'gpt-4o', 'gemini']) {
    test(`upstream 429 → RateLimitError (${model})`, async () => {
      const fake = model === 'gpt-4o' ? fakes.openai : model === 'claude' ? fakes.anthropic : fakes.gemini;
      fake.failNext({ kind: 'http', status: 429, message: 'slow down' });
      await assert.rejects(client.messages.create({ model, max_tokens: 10, messages: [{ role: 'user', content: 'x' }] }), Anthropic.RateLimitError);
    });

    test(`upstream failure mid-stream → the SDK throws (${model})`, async () => {
      const fake = model === 'gpt-4o' ? fakes.openai : model === 'claude' ? fakes.anthropic : fakes.gemini;
      fake.failNext({ kind: 'mid-stream', afterEvents: 2, message: 'upstream broke' });
      await assert.rejects(client.messages.stream({ model, max_tokens: 100, messages: [{ role: 'user', content: 'a fairly long question here' }] }).finalMessage());
    });
  }

  test('the client anthropic-version and anthropic-beta reach an Anthropic upstream', async () => {
    const before = fakes.anthropic.requests.length;
    await legacyClient.messages.create(
      { model: 'claude', max_tokens: 10, messages: [{ role: 'user', content: 'x' }] },
      { headers: { 'anthropic-beta': 'prompt-caching-2024-07-31' } },
    );
    const forwarded = fakes.anthropic.requests.slice(before)[0];
    assert.equal(forwarded.headers['anthropic-version'], '2023-06-01');
    assert.equal(forwarded.headers['anthropic-beta'], 'prompt-caching-2024-07-31');
    assert.equal((forwarded.body as { model: string }).model, 'claude-sonnet-4-5');
  });

  test('usage rows record the messages endpoint', async () => {
    const rows = await usageRows(running);
    const messages = rows.filter((row) => row.endpoint === 'messages' && row.outcome === 'success');
    assert.ok(messages.length > 5);
    assert.ok(messages.some((row) => row.provider === 'gemini'));
    assert.ok(messages.some((row) => row.stream));
  });
});
