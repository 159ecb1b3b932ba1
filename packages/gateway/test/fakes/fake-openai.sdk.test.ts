/**
 * Proves the fake OpenAI upstream faithful (DESIGN.md principle 5): the official `openai` SDK,
 * pointed straight at it, parses every answer and raises the right error classes.
 */

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import OpenAI, { AzureOpenAI } from 'openai';
import type { ChatCompletionChunk, ChatCompletionTool } from 'openai/resources/chat/completions';
import { startFakeOpenAI } from '../support/fake-openai.js';
import type { FakeUpstream } from '../support/fake-types.js';

const weatherTool: ChatCompletionTool = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Weather of a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
};

async function collect(stream: AsyncIterable<ChatCompletionChunk>): Promise<ChatCompletionChunk[]> {
  const chunks: ChatCompletionChunk[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

describe('fake OpenAI against the official openai SDK', () => {
  let fake: FakeUpstream;
  let client: OpenAI;

  before(async () => {
    fake = await startFakeOpenAI();
    client = new OpenAI({ apiKey: fake.apiKey, baseURL: fake.baseUrl, maxRetries: 0 });
  });
  after(async () => {
    await fake.close();
  });

  test('a plain call echoes the last user message with usage', async () => {
    const completion = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'hello there' },
      ],
    });
    assert.equal(completion.object, 'chat.completion');
    assert.equal(completion.model, 'gpt-4o-mini');
    assert.equal(completion.choices[0].message.content, 'Echo: hello there');
    assert.equal(completion.choices[0].finish_reason, 'stop');
    assert.deepEqual(
      { prompt: completion.usage?.prompt_tokens, completion: completion.usage?.completion_tokens },
      { prompt: 4, completion: 3 },
    );
    assert.equal(completion.usage?.prompt_tokens_details?.cached_tokens, 0);
    assert.match(completion._request_id ?? '', /^req_/);
  });

  test('a stream with include_usage carries usage only on a final chunk with no choices', async () => {
    const stream = await client.chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'stream me cached please' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks = await collect(stream);
    const last = chunks[chunks.length - 1];
    assert.deepEqual(last.choices, []);
    assert.equal(last.usage?.completion_tokens, 5);
    assert.equal(last.usage?.prompt_tokens_details?.cached_tokens, 4);
    for (const chunk of chunks.slice(0, -1)) assert.equal(chunk.usage, null);
    const text = chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');
    assert.equal(text, 'Echo: stream me cached please');
    assert.ok(chunks.filter((chunk) => chunk.choices[0]?.delta.content).length > 2, 'several deltas');
    assert.equal(chunks[chunks.length - 2].choices[0].finish_reason, 'stop');
  });

  test('a stream without include_usage has no usage chunk and no usage field', async () => {
    const stream = await client.chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
    });
    const chunks = await collect(stream);
    assert.ok(chunks.every((chunk) => chunk.choices.length === 1 && !('usage' in chunk)));
  });

  test('a tool call, then the answer to its result', async () => {
    const first = await client.chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'What is the weather in Paris?' }],
      tools: [weatherTool],
    });
    const choice = first.choices[0];
    assert.equal(choice.finish_reason, 'tool_calls');
    assert.equal(choice.message.content, null);
    const call = choice.message.tool_calls?.[0];
    assert.ok(call && call.type === 'function');
    assert.equal(call.function.name, 'get_weather');
    assert.deepEqual(JSON.parse(call.function.arguments), { city: 'Paris' });
    const second = await client.chat.completions.create({
      model: 'gpt-4o',
      messages: [
        { role: 'user', content: 'What is the weather in Paris?' },
        choice.message,
        { role: 'tool', tool_call_id: call.id, content: 'sunny' },
      ],
      tools: [weatherTool],
    });
    assert.equal(second.choices[0].message.content, 'Tool said: sunny');
  });

  test('parallel tool calls stream in pieces that the SDK accumulates', async () => {
    const stream = client.chat.completions.stream({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'weather in two cities, parallel' }],
      tools: [weatherTool],
    });
    const argumentPieces: string[] = [];
    stream.on('chunk', (chunk) => {
      for (const call of chunk.choices[0]?.delta.tool_calls ?? []) if (call.function?.arguments) argumentPieces.push(call.function.arguments);
    });
    const completion = await stream.finalChatCompletion();
    const calls = completion.choices[0].message.tool_calls ?? [];
    assert.equal(completion.choices[0].finish_reason, 'tool_calls');
    assert.deepEqual(
      calls.map((call) => (call.type === 'function' ? JSON.parse(call.function.arguments) : null)),
      [{ city: 'Paris' }, { city: 'Tokyo' }],
    );
    assert.notEqual(calls[0].id, calls[1].id);
    assert.ok(argumentPieces.length > 2, 'argument JSON streamed in pieces');
  });

  test('json_object and json_schema answer JSON', async () => {
    const objectMode = await client.chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'reply in json' }],
      response_format: { type: 'json_object' },
    });
    assert.deepEqual(JSON.parse(objectMode.choices[0].message.content ?? ''), { echo: 'reply in json' });
    const schemaMode = await client.chat.completions.parse({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'structured' }],
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'echo', strict: true, schema: { type: 'object', properties: { echo: { type: 'string' } } } },
      },
    });
    assert.deepEqual(schemaMode.choices[0].message.parsed, { echo: 'structured' });
  });

  test('json_object without the word json is rejected as OpenAI does', async () => {
    await assert.rejects(
      client.chat.completions.create({
        model: 'gpt-4o',
        messages: [{ role: 'user', content: 'hi' }],
        response_format: { type: 'json_object' },
      }),
      (error: unknown) => error instanceof OpenAI.BadRequestError && error.param === 'messages',
    );
  });

  test('n=2 gives two choices', async () => {
    const completion = await client.chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'twice' }],
      n: 2,
    });
    assert.deepEqual(completion.choices.map((choice) => choice.index), [0, 1]);
    assert.equal(completion.usage?.completion_tokens, 4);
  });

  test('embeddings: float and base64 (decoded by the SDK) agree, dimensions honoured', async () => {
    const float = await client.embeddings.create({
      model: 'text-embedding-3-small',
      input: ['alpha', 'beta'],
      encoding_format: 'float',
      dimensions: 8,
    });
    const decoded = await client.embeddings.create({ model: 'text-embedding-3-small', input: ['alpha', 'beta'], dimensions: 8 });
    const requested = fake.requests[fake.requests.length - 1].body as { encoding_format?: string };
    assert.equal(requested.encoding_format, 'base64');
    assert.equal(float.data.length, 2);
    assert.equal(float.data[0].embedding.length, 8);
    assert.deepEqual(decoded.data.map((item) => item.embedding), float.data.map((item) => item.embedding));
    assert.notDeepEqual(float.data[0].embedding, float.data[1].embedding);
    assert.equal(float.usage.prompt_tokens, 2);
    const full = await client.embeddings.create({ model: 'text-embedding-3-small', input: 'alpha' });
    assert.equal(full.data[0].embedding.length, 1536);
  });

  test('models.list', async () => {
    const ids: string[] = [];
    for await (const model of client.models.list()) ids.push(model.id);
    assert.ok(ids.includes('gpt-4o'));
  });

  test('a wrong key is an AuthenticationError with code invalid_api_key', async () => {
    const wrong = new OpenAI({ apiKey: 'sk-wrong-key-1234', baseURL: fake.baseUrl, maxRetries: 0 });
    await assert.rejects(
      wrong.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] }),
      (error: unknown) => error instanceof OpenAI.AuthenticationError && error.code === 'invalid_api_key',
    );
  });

  test('an unknown field is a BadRequestError naming it', async () => {
    const body = { model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }], bogus_field: 1 } as unknown as OpenAI.ChatCompletionCreateParamsNonStreaming;
    await assert.rejects(
      client.chat.completions.create(body),
      (error: unknown) => error instanceof OpenAI.BadRequestError && /Unrecognized request argument supplied: bogus_field/.test(error.message),
    );
  });

  test('invalid conversations are rejected as the real API does', async () => {
    const cases: Array<{ messages: unknown[]; param: string | null; pattern: RegExp }> = [
      { messages: [{ role: 'robot', content: 'hi' }], param: 'messages[0].role', pattern: /Invalid value: 'robot'/ },
      { messages: [{ role: 'user', content: 'hi' }, { role: 'tool', tool_call_id: 'call_x', content: 'r' }], param: 'messages.[1].role', pattern: /preceeding message with 'tool_calls'/ },
      {
        messages: [
          { role: 'user', content: 'hi' },
          { role: 'assistant', content: null, tool_calls: [{ id: 'call_a', type: 'function', function: { name: 'f', arguments: '{}' } }] },
          { role: 'user', content: 'again' },
        ],
        param: 'messages.[1].role',
        pattern: /did not have response messages: call_a/,
      },
      { messages: [], param: 'messages', pattern: /empty array/ },
    ];
    for (const { messages, param, pattern } of cases) {
      const body = { model: 'gpt-4o', messages } as unknown as OpenAI.ChatCompletionCreateParamsNonStreaming;
      await assert.rejects(
        client.chat.completions.create(body),
        (error: unknown) => error instanceof OpenAI.BadRequestError && error.param === param && pattern.test(error.message),
      );
    }
    await assert.rejects(
      client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }], stream_options: { include_usage: true } }),
      (error: unknown) => error instanceof OpenAI.BadRequestError && error.param === 'stream_options',
    );
    await assert.rejects(
      client.chat.completions.create({ model: 'o3-mini', messages: [{ role: 'user', content: 'hi' }], max_tokens: 5 }),
      (error: unknown) => error instanceof OpenAI.BadRequestError && error.code === 'unsupported_parameter',
    );
  });

  test('scripted 429 is a RateLimitError with retry-after, scripted 500 an InternalServerError', async () => {
    fake.failNext({ kind: 'http', status: 429, headers: { 'retry-after': '7' } });
    await assert.rejects(
      client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] }),
      (error: unknown) =>
        error instanceof OpenAI.RateLimitError && error.code === 'rate_limit_exceeded' && error.headers.get('retry-after') === '7',
    );
    fake.failNext({ kind: 'http', status: 500 });
    await assert.rejects(
      client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] }),
      (error: unknown) => error instanceof OpenAI.InternalServerError,
    );
  });

  test('a scripted delay holds the answer, then it comes normally', async () => {
    fake.failNext({ kind: 'delay', ms: 20 });
    const completion = await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'late' }] });
    assert.equal(completion.choices[0].message.content, 'Echo: late');
  });

  test('a mid-stream in-band error makes the iterator throw after the first chunks', async () => {
    fake.failNext({ kind: 'mid-stream', afterEvents: 2, message: 'boom' });
    const stream = await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi there' }], stream: true });
    const seen: ChatCompletionChunk[] = [];
    await assert.rejects(
      (async () => {
        for await (const chunk of stream) seen.push(chunk);
      })(),
      (error: unknown) => error instanceof OpenAI.APIError && /boom/.test(error.message),
    );
    assert.equal(seen.length, 2);
  });

  test('a cut socket mid-stream makes the iterator throw', async () => {
    fake.failNext({ kind: 'mid-stream', afterEvents: 1, cut: true });
    const stream = await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi there' }], stream: true });
    await assert.rejects(async () => {
      for await (const chunk of stream) assert.ok(chunk);
    });
  });
});

describe('fake Azure OpenAI against the AzureOpenAI client', () => {
  let fake: FakeUpstream;
  let client: AzureOpenAI;
  const apiVersion = '2024-10-21';

  before(async () => {
    fake = await startFakeOpenAI({ apiKey: 'azure-key', azure: { apiVersion } });
    client = new AzureOpenAI({ endpoint: fake.baseUrl, apiKey: fake.apiKey, apiVersion, deployment: 'my-gpt4o', maxRetries: 0 });
  });
  after(async () => {
    await fake.close();
  });

  test('chat goes to the deployment path with api-version and the api-key header', async () => {
    const completion = await client.chat.completions.create({ model: 'ignored', messages: [{ role: 'user', content: 'hi azure' }] });
    assert.equal(completion.choices[0].message.content, 'Echo: hi azure');
    const recorded = fake.requests[fake.requests.length - 1];
    assert.equal(recorded.url, `/openai/deployments/my-gpt4o/chat/completions?api-version=${apiVersion}`);
    assert.equal(recorded.headers['api-key'], 'azure-key');
    assert.equal(recorded.headers.authorization, undefined);
  });

  test('a stream starts with the prompt-filter chunk and ends with usage', async () => {
    const stream = await client.chat.completions.create({
      model: 'ignored',
      messages: [{ role: 'user', content: 'hi azure' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks = await collect(stream);
    assert.equal(chunks[0].id, '');
    assert.deepEqual(chunks[0].choices, []);
    assert.equal(chunks[chunks.length - 1].usage?.completion_tokens, 3);
  });

  test('embeddings through the deployment path', async () => {
    const result = await client.embeddings.create({ model: 'ignored', input: 'vector me', dimensions: 4 });
    assert.equal(result.data[0].embedding.length, 4);
  });

  test('a wrong key is an AuthenticationError', async () => {
    const wrong = new AzureOpenAI({ endpoint: fake.baseUrl, apiKey: 'nope', apiVersion, deployment: 'my-gpt4o', maxRetries: 0 });
    await assert.rejects(
      wrong.chat.completions.create({ model: 'x', messages: [{ role: 'user', content: 'hi' }] }),
      (error: unknown) => error instanceof OpenAI.AuthenticationError,
    );
  });

  test('a wrong api-version is a NotFoundError', async () => {
    const old = new AzureOpenAI({ endpoint: fake.baseUrl, apiKey: fake.apiKey, apiVersion: '2023-01-01', deployment: 'd', maxRetries: 0 });
    await assert.rejects(
      old.chat.completions.create({ model: 'x', messages: [{ role: 'user', content: 'hi' }] }),
      (error: unknown) => error instanceof OpenAI.NotFoundError,
    );
  });
});
