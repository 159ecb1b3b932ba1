/**
 * End to end with the official `openai` SDK against the gateway: same-protocol pass-through to an
 * OpenAI upstream and translation to Anthropic and Gemini upstreams, streams and tools included,
 * and the SDK's own error classes.
 */

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import OpenAI from 'openai';
import { startFakes, startGateway, standardConfig, usageRows } from '../support/gateway-harness.js';
import type { Fakes, RunningGateway } from '../support/gateway-harness.js';

let fakes: Fakes;
let running: RunningGateway;
let client: OpenAI;

before(async () => {
  fakes = await startFakes();
  running = await startGateway({ yaml: standardConfig(fakes) });
  client = new OpenAI({ apiKey: running.masterKey, baseURL: `${running.url}/v1`, maxRetries: 0 });
});

after(async () => {
  await running.close();
  await fakes.close();
});

const weatherTool = {
  type: 'function' as const,
  function: {
    name: 'get_weather',
    description: 'Weather for a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
};

for (const model of ['gpt-4o', 'claude', 'gemini']) {
  describe(`openai client → ${model}`, () => {
    test('plain call', async () => {
      const completion = await client.chat.completions.create({
        model,
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'Hello there' },
        ],
      });
      assert.equal(completion.object, 'chat.completion');
      assert.equal(completion.choices[0].message.content, 'Echo: Hello there');
      assert.equal(completion.choices[0].finish_reason, 'stop');
      assert.ok(completion.usage && completion.usage.prompt_tokens > 0 && completion.usage.completion_tokens > 0);
    });

    test('streaming with include_usage: usage only in one final chunk with no choices', async () => {
      const stream = await client.chat.completions.create({
        model,
        messages: [{ role: 'user', content: 'Stream this please' }],
        stream: true,
        stream_options: { include_usage: true },
      });
      let text = '';
      let usageChunks = 0;
      let finish: string | null = null;
      for await (const chunk of stream) {
        if (chunk.usage) {
          usageChunks += 1;
          assert.deepEqual(chunk.choices, []);
          continue;
        }
        assert.ok(chunk.choices.length > 0, 'every non-usage chunk has a choice');
        text += chunk.choices[0].delta.content ?? '';
        finish = chunk.choices[0].finish_reason ?? finish;
      }
      assert.equal(text, 'Echo: Stream this please');
      assert.equal(finish, 'stop');
      assert.equal(usageChunks, 1);
    });

    test('streaming without include_usage: no usage chunk, choices[0] always present', async () => {
      const stream = await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'No usage' }], stream: true });
      let text = '';
      for await (const chunk of stream) {
        assert.equal(chunk.usage ?? null, null);
        assert.ok(chunk.choices[0], 'choices[0] exists on every chunk');
        text += chunk.choices[0].delta.content ?? '';
      }
      assert.equal(text, 'Echo: No usage');
    });

    test('tool calls, parallel, then the tool result round trip', async () => {
      const first = await client.chat.completions.create({
        model,
        messages: [{ role: 'user', content: 'What is the weather in two cities, parallel please?' }],
        tools: [weatherTool],
      });
      const message = first.choices[0].message;
      assert.equal(first.choices[0].finish_reason, 'tool_calls');
      assert.equal(message.tool_calls?.length, 2);
      const calls = message.tool_calls ?? [];
      const cities = calls.map((call) => (call.type === 'function' ? JSON.parse(call.function.arguments).city : null));
      assert.deepEqual(cities, ['Paris', 'Tokyo']);
      assert.equal(new Set(calls.map((call) => call.id)).size, 2, 'tool call ids are unique');

      const second = await client.chat.completions.create({
        model,
        tools: [weatherTool],
        messages: [
          { role: 'user', content: 'What is the weather in two cities, parallel please?' },
          message,
          ...calls.map((call) => ({ role: 'tool' as const, tool_call_id: call.id, content: `sunny in ${call.id}` })),
        ],
      });
      assert.match(second.choices[0].message.content ?? '', /^Tool said: sunny in /);
    });

    test('streamed tool call arguments accumulate to valid JSON', async () => {
      const runner = client.chat.completions.stream({
        model,
        messages: [{ role: 'user', content: 'weather in Paris?' }],
        tools: [weatherTool],
      });
      const final = await runner.finalChatCompletion();
      const call = final.choices[0].message.tool_calls?.[0];
      assert.ok(call && call.type === 'function');
      assert.equal(call.function.name, 'get_weather');
      assert.deepEqual(JSON.parse(call.function.arguments), { city: 'Paris' });
      assert.equal(final.choices[0].finish_reason, 'tool_calls');
    });

    test('image content parts reach the upstream in its own image format', async () => {
      const pixel = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
      const completion = await client.chat.completions.create({
        model,
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'Describe this' },
              { type: 'image_url', image_url: { url: `data:image/png;base64,${pixel}` } },
            ],
          },
        ],
      });
      assert.equal(completion.choices[0].message.content, 'Echo: Describe this');
      const fake = model === 'gpt-4o' ? fakes.openai : model === 'claude' ? fakes.anthropic : fakes.gemini;
      const sent = JSON.stringify(fake.requests.at(-1)?.body);
      assert.ok(sent.includes(pixel), 'the image bytes were forwarded');
      if (model === 'claude') assert.match(sent, /"type":"image","source":\{"type":"base64","media_type":"image\/png"/);
      if (model === 'gemini') assert.match(sent, /"inlineData":\{"mimeType":"image\/png"/);
    });

    test('JSON mode', async () => {
      const completion = await client.chat.completions.create({
        model,
        messages: [{ role: 'user', content: 'json please' }],
        response_format: { type: 'json_object' },
      });
      assert.deepEqual(JSON.parse(completion.choices[0].message.content ?? ''), { echo: 'json please' });
    });
  });
}

describe('openai client: models, embeddings, errors', () => {
  test('model list names every group', async () => {
    const ids: string[] = [];
    for await (const model of client.models.list()) ids.push(model.id);
    for (const name of ['gpt-4o', 'claude', 'gemini', 'embed-openai', 'embed-gemini']) assert.ok(ids.includes(name), name);
    const one = await client.models.retrieve('claude');
    assert.equal(one.id, 'claude');
  });

  for (const model of ['embed-openai', 'embed-gemini']) {
    test(`embeddings float and base64 agree (${model})`, async () => {
      const asFloat = await client.embeddings.create({ model, input: ['alpha', 'beta'], encoding_format: 'float', dimensions: 8 });
      assert.equal(asFloat.data.length, 2);
      assert.equal(asFloat.data[0].embedding.length, 8);
      const asBase64 = await client.embeddings.create({ model, input: ['alpha', 'beta'], dimensions: 8 });
      assert.equal(asBase64.data[1].embedding.length, 8);
      for (let index = 0; index < 8; index += 1) {
        assert.ok(Math.abs(asBase64.data[1].embedding[index] - asFloat.data[1].embedding[index]) < 1e-6);
      }
    });
  }

  test('embeddings on a model without an embeddings API is a 400', async () => {
    await assert.rejects(client.embeddings.create({ model: 'claude', input: 'x' }), OpenAI.BadRequestError);
  });

  test('wrong key → AuthenticationError', async () => {
    const bad = new OpenAI({ apiKey: 'sy-nope', baseURL: `${running.url}/v1`, maxRetries: 0 });
    await assert.rejects(bad.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'x' }] }), OpenAI.AuthenticationError);
  });

  test('unknown model → NotFoundError that says how to list models', async () => {
    const error = await client.chat.completions.create({ model: 'nope', messages: [{ role: 'user', content: 'x' }] }).catch((caught: unknown) => caught);
    assert.ok(error instanceof OpenAI.NotFoundError);
    assert.match(error.message, /GET \/v1\/models/);
  });

  test('invalid parameter → BadRequestError naming it', async () => {
    const error = await client.chat.completions
      .create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'x' }], temperature: 7 })
      .catch((caught: unknown) => caught);
    assert.ok(error instanceof OpenAI.BadRequestError);
    assert.match(error.message, /temperature/);
  });

  for (const model of ['gpt-4o', 'claude', 'gemini']) {
    test(`upstream 429 → RateLimitError, before the stream too (${model})`, async () => {
      const fake = model === 'gpt-4o' ? fakes.openai : model === 'claude' ? fakes.anthropic : fakes.gemini;
      fake.failNext({ kind: 'http', status: 429, message: 'slow down', headers: { 'retry-after': '3' } });
      await assert.rejects(client.chat.completions.create({ model, messages: [{ role: 'user', content: 'x' }] }), OpenAI.RateLimitError);
      fake.failNext({ kind: 'http', status: 429, message: 'slow down' });
      await assert.rejects(
        (async () => {
          const stream = await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'x' }], stream: true });
          for await (const chunk of stream) void chunk;
        })(),
        OpenAI.RateLimitError,
      );
    });

    test(`upstream failure mid-stream → the SDK throws (${model})`, async () => {
      const fake = model === 'gpt-4o' ? fakes.openai : model === 'claude' ? fakes.anthropic : fakes.gemini;
      fake.failNext({ kind: 'mid-stream', afterEvents: 2, message: 'upstream broke' });
      await assert.rejects(async () => {
        const stream = await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'a fairly long question here' }], stream: true });
        for await (const chunk of stream) void chunk;
      });
    });
  }

  test("gateway's provider credentials rejected → 5xx naming the provider, not 401", async () => {
    const error = await client.chat.completions.create({ model: 'badkey', messages: [{ role: 'user', content: 'x' }] }).catch((caught: unknown) => caught);
    assert.ok(error instanceof OpenAI.InternalServerError || error instanceof OpenAI.APIError);
    assert.equal((error as InstanceType<typeof OpenAI.APIError>).status, 502);
    assert.match((error as Error).message, /openai-badkey/);
  });

  test('failover: a deployment with bad credentials falls over to the next one', async () => {
    for (let index = 0; index < 2; index += 1) {
      const completion = await client.chat.completions.create({ model: 'failover', messages: [{ role: 'user', content: 'hi' }] });
      assert.equal(completion.choices[0].message.content, 'Echo: hi');
    }
  });

  test('a field unknown to the gateway reaches the OpenAI upstream untouched', async () => {
    const before = fakes.openai.requests.length;
    const response = await fetch(`${running.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${running.masterKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'x' }], top_k: 7, guided_choice: ['a', 'b'], logit_bias: { '50256': -100 } }),
    });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('x-switchyard-provider'), 'openai');
    assert.ok(response.headers.get('x-request-id'));
    const forwarded = fakes.openai.requests.slice(before).find((request) => request.url.includes('chat/completions'));
    const body = forwarded?.body as Record<string, unknown>;
    assert.equal(body.top_k, 7);
    assert.deepEqual(body.guided_choice, ['a', 'b']);
    assert.deepEqual(body.logit_bias, { '50256': -100 });
    assert.equal(body.model, 'gpt-4o');
  });

  test('audio parts pass through to an OpenAI upstream, and fail clearly when they must be translated', async () => {
    const body = {
      messages: [{ role: 'user', content: [{ type: 'text', text: 'listen' }, { type: 'input_audio', input_audio: { data: 'AAAA', format: 'wav' } }] }],
    };
    const passed = await fetch(`${running.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${running.masterKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-4o', ...body }),
    });
    assert.equal(passed.status, 200);
    const forwarded = fakes.openai.requests.at(-1)?.body as { messages: Array<{ content: Array<{ type: string }> }> };
    assert.equal(forwarded.messages[0].content[1].type, 'input_audio');
    const translated = await fetch(`${running.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${running.masterKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'claude', ...body }),
    });
    assert.equal(translated.status, 400);
    const error = ((await translated.json()) as { error: { code: string; message: string } }).error;
    assert.equal(error.code, 'unsupported_operation');
    assert.match(error.message, /messages\[0\]\.content\[1\]/);
  });

  test('every accepted request left exactly one usage row', async () => {
    const rows = await usageRows(running);
    const ids = rows.map((row) => row.requestId);
    assert.equal(new Set(ids).size, ids.length, 'no request has two rows');
    const ok = rows.filter((row) => row.outcome === 'success' && row.endpoint === 'chat');
    assert.ok(ok.length > 10);
    assert.ok(ok.every((row) => row.promptTokens > 0 && row.latencyMs > 0 && row.provider !== null));
    const claude = ok.find((row) => row.provider === 'anthropic');
    assert.ok(claude && claude.costUsd > 0, 'a priced model has a cost');
  });
});
