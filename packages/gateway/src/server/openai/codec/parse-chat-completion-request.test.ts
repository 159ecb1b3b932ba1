import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GatewayError } from '../../../core/index.js';
import { parseChatCompletionRequest } from './parse-chat-completion-request.js';

const base = { model: 'gpt-4o', messages: [{ role: 'user', content: 'Hello' }] };

function rejection(body: unknown): GatewayError {
  try {
    parseChatCompletionRequest(body);
  } catch (error) {
    assert.ok(error instanceof GatewayError, 'expected a GatewayError');
    assert.equal(error.status, 400);
    return error;
  }
  assert.fail('expected the request to be rejected');
}

describe('parseChatCompletionRequest: valid requests', () => {
  it('parses the smallest request', () => {
    assert.deepEqual(parseChatCompletionRequest(base), {
      model: 'gpt-4o',
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Hello' }] }],
      stream: false,
      includeUsage: false,
    });
  });

  it('maps every sampling and control field', () => {
    const request = parseChatCompletionRequest({
      ...base,
      max_tokens: 100,
      temperature: 0.5,
      top_p: 0.9,
      stop: 'END',
      n: 2,
      seed: 42,
      presence_penalty: -1,
      frequency_penalty: 2,
      user: 'user-1',
      parallel_tool_calls: false,
      metadata: { team: 'a' },
      response_format: { type: 'json_object' },
    });
    assert.equal(request.maxTokens, 100);
    assert.equal(request.temperature, 0.5);
    assert.equal(request.topP, 0.9);
    assert.deepEqual(request.stop, ['END']);
    assert.equal(request.n, 2);
    assert.equal(request.seed, 42);
    assert.equal(request.presencePenalty, -1);
    assert.equal(request.frequencyPenalty, 2);
    assert.equal(request.user, 'user-1');
    assert.equal(request.parallelToolCalls, false);
    assert.deepEqual(request.metadata, { team: 'a' });
    assert.deepEqual(request.responseFormat, { type: 'json_object' });
  });

  it('prefers max_completion_tokens over the deprecated max_tokens', () => {
    assert.equal(parseChatCompletionRequest({ ...base, max_tokens: 10, max_completion_tokens: 20 }).maxTokens, 20);
    assert.equal(parseChatCompletionRequest({ ...base, max_completion_tokens: 30 }).maxTokens, 30);
  });

  it('treats null as unset, as OpenAI does, and ignores unknown fields', () => {
    const request = parseChatCompletionRequest({
      ...base,
      temperature: null,
      top_p: null,
      stop: null,
      n: null,
      tools: null,
      tool_choice: null,
      response_format: null,
      stream: null,
      stream_options: null,
      logit_bias: { 50256: -100 },
      store: true,
    });
    assert.deepEqual(request, parseChatCompletionRequest(base));
  });

  it('reads stream and stream_options.include_usage', () => {
    assert.equal(parseChatCompletionRequest({ ...base, stream: true }).includeUsage, false);
    const request = parseChatCompletionRequest({ ...base, stream: true, stream_options: { include_usage: true } });
    assert.equal(request.stream, true);
    assert.equal(request.includeUsage, true);
  });

  it('keeps a stop array of up to four strings', () => {
    assert.deepEqual(parseChatCompletionRequest({ ...base, stop: ['a', 'b', 'c', 'd'] }).stop, ['a', 'b', 'c', 'd']);
    assert.equal(parseChatCompletionRequest({ ...base, stop: [] }).stop, undefined);
  });

  it('converts tools, a named tool_choice and a json_schema response format', () => {
    const request = parseChatCompletionRequest({
      ...base,
      tools: [
        { type: 'function', function: { name: 'get_weather', description: 'Weather', parameters: { type: 'object', properties: { city: { type: 'string' } } }, strict: true } },
        { type: 'function', function: { name: 'now' } },
      ],
      tool_choice: { type: 'function', function: { name: 'now' } },
      response_format: { type: 'json_schema', json_schema: { name: 'answer', schema: { type: 'object' }, strict: true, description: 'An answer' } },
    });
    assert.deepEqual(request.tools, [
      { name: 'get_weather', description: 'Weather', parameters: { type: 'object', properties: { city: { type: 'string' } } }, strict: true },
      { name: 'now', parameters: { type: 'object', properties: {} } },
    ]);
    assert.deepEqual(request.toolChoice, { type: 'tool', name: 'now' });
    assert.deepEqual(request.responseFormat, { type: 'json_schema', name: 'answer', schema: { type: 'object' }, strict: true, description: 'An answer' });
  });

  for (const choice of ['auto', 'none', 'required'] as const) {
    it(`maps tool_choice '${choice}'`, () => {
      const request = parseChatCompletionRequest({ ...base, tools: [{ type: 'function', function: { name: 'f' } }], tool_choice: choice });
      assert.deepEqual(request.toolChoice, { type: choice });
    });
  }
});

describe('parseChatCompletionRequest: each bad input names its field', () => {
  const cases: Array<{ name: string; body: unknown; message: string; param?: string }> = [
    { name: 'non-object body', body: [base], message: 'Request body: expected a JSON object' },
    { name: 'missing model', body: { messages: base.messages }, message: "Missing required parameter: 'model'.", param: 'model' },
    { name: 'empty model', body: { ...base, model: '' }, message: 'model: expected a non-empty string (the model name)', param: 'model' },
    { name: 'missing messages', body: { model: 'm' }, message: "Missing required parameter: 'messages'.", param: 'messages' },
    { name: 'empty messages', body: { ...base, messages: [] }, message: 'messages: expected a non-empty array of messages', param: 'messages' },
    { name: 'message not an object', body: { ...base, messages: ['hi'] }, message: 'messages[0]: expected a message object' },
    { name: 'missing role', body: { ...base, messages: [{ content: 'x' }] }, message: "Missing required parameter: 'messages[0].role'." },
    {
      name: 'unknown role',
      body: { ...base, messages: [{ role: 'bot', content: 'x' }] },
      message: "messages[0].role: expected 'system', 'developer', 'user', 'assistant' or 'tool'",
      param: 'messages[0].role',
    },
    {
      name: 'missing content',
      body: { ...base, messages: [{ role: 'user' }] },
      message: "Missing required parameter: 'messages[0].content'.",
      param: 'messages[0].content',
    },
    {
      name: 'content of the wrong type',
      body: { ...base, messages: [{ role: 'user', content: 5 }] },
      message: 'messages[0].content: expected a string or an array of content parts',
      param: 'messages[0].content',
    },
    {
      name: 'empty content array',
      body: { ...base, messages: [{ role: 'user', content: [] }] },
      message: 'messages[0].content: expected a non-empty array of content parts',
    },
    {
      name: 'text part without text',
      body: { ...base, messages: [{ role: 'system', content: 'a' }, { role: 'user', content: [{ type: 'text', text: 'a' }, { type: 'text' }] }] },
      message: "Missing required parameter: 'messages[1].content[1].text'.",
    },
    {
      name: 'unknown part type',
      body: { ...base, messages: [{ role: 'user', content: [{ type: 'video', video: {} }] }] },
      message: "messages[0].content[0].type: expected 'text' or 'image_url'",
    },
    {
      name: 'image part in a system message',
      body: { ...base, messages: [{ role: 'system', content: [{ type: 'image_url', image_url: { url: 'https://x/y.png' } }] }] },
      message: "messages[0].content[0].type: expected 'text'",
    },
    {
      name: 'image_url without url',
      body: { ...base, messages: [{ role: 'user', content: [{ type: 'image_url', image_url: {} }] }] },
      message: "Missing required parameter: 'messages[0].content[0].image_url.url'.",
    },
    {
      name: 'bad image detail',
      body: { ...base, messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://x/y.png', detail: 'max' } }] }] },
      message: "messages[0].content[0].image_url.detail: expected one of 'auto', 'low' or 'high'",
    },
    {
      name: 'tool message without tool_call_id',
      body: { ...base, messages: [{ role: 'tool', content: '42' }] },
      message: "Missing required parameter: 'messages[0].tool_call_id'.",
      param: 'messages[0].tool_call_id',
    },
    {
      name: 'assistant without content or tool calls',
      body: { ...base, messages: [{ role: 'assistant', content: null }] },
      message: 'messages[0].content: expected a string or text parts (content may be null only with tool_calls)',
    },
    {
      name: 'tool call with non-string arguments',
      body: { ...base, messages: [{ role: 'assistant', tool_calls: [{ id: 'c1', type: 'function', function: { name: 'f', arguments: {} } }] }] },
      message: 'messages[0].tool_calls[0].function.arguments: expected a string of JSON text',
    },
    { name: 'temperature too high', body: { ...base, temperature: 2.5 }, message: 'temperature: expected a number between 0 and 2', param: 'temperature' },
    { name: 'temperature as text', body: { ...base, temperature: '1' }, message: 'temperature: expected a number between 0 and 2' },
    { name: 'top_p above 1', body: { ...base, top_p: 1.1 }, message: 'top_p: expected a number between 0 and 1' },
    { name: 'presence_penalty below -2', body: { ...base, presence_penalty: -3 }, message: 'presence_penalty: expected a number between -2 and 2' },
    { name: 'frequency_penalty above 2', body: { ...base, frequency_penalty: 3 }, message: 'frequency_penalty: expected a number between -2 and 2' },
    { name: 'max_tokens zero', body: { ...base, max_tokens: 0 }, message: 'max_tokens: expected a positive integer' },
    { name: 'max_completion_tokens fractional', body: { ...base, max_completion_tokens: 1.5 }, message: 'max_completion_tokens: expected a positive integer' },
    { name: 'n zero', body: { ...base, n: 0 }, message: 'n: expected an integer between 1 and 128' },
    { name: 'n too large', body: { ...base, n: 129 }, message: 'n: expected an integer between 1 and 128' },
    { name: 'seed fractional', body: { ...base, seed: 1.5 }, message: 'seed: expected an integer' },
    { name: 'five stop sequences', body: { ...base, stop: ['a', 'b', 'c', 'd', 'e'] }, message: 'stop: expected a string or an array of up to 4 strings' },
    { name: 'stop as a number', body: { ...base, stop: 7 }, message: 'stop: expected a string or an array of up to 4 strings' },
    { name: 'user as a number', body: { ...base, user: 7 }, message: 'user: expected a string' },
    { name: 'stream as text', body: { ...base, stream: 'yes' }, message: 'stream: expected a boolean' },
    {
      name: 'stream_options without stream',
      body: { ...base, stream_options: { include_usage: true } },
      message: 'stream_options: only allowed when stream is true',
      param: 'stream_options',
    },
    { name: 'metadata with a number value', body: { ...base, metadata: { a: 1 } }, message: 'metadata.a: expected a string value' },
    {
      name: 'tool of another type',
      body: { ...base, tools: [{ type: 'custom', custom: { name: 'x' } }] },
      message: "tools[0].type: expected 'function' (the only tool type supported)",
    },
    {
      name: 'tool without a type',
      body: { ...base, tools: [{ function: { name: 'f' } }] },
      message: "Missing required parameter: 'tools[0].type'.",
      param: 'tools[0].type',
    },
    {
      name: 'tool name with a space',
      body: { ...base, tools: [{ type: 'function', function: { name: 'get weather' } }] },
      message: 'tools[0].function.name: expected a name of 1 to 64 letters, digits, underscores or dashes',
      param: 'tools[0].function.name',
    },
    {
      name: 'tool name too long',
      body: { ...base, tools: [{ type: 'function', function: { name: 'a'.repeat(65) } }] },
      message: 'tools[0].function.name: expected a name of 1 to 64 letters, digits, underscores or dashes',
    },
    {
      name: 'tool parameters as an array',
      body: { ...base, tools: [{ type: 'function', function: { name: 'f', parameters: [] } }] },
      message: 'tools[0].function.parameters: expected a JSON Schema object',
    },
    {
      name: 'unknown tool_choice',
      body: { ...base, tool_choice: 'any' },
      message: `tool_choice: expected 'auto', 'none', 'required' or {"type": "function", "function": {"name": …}}`,
    },
    {
      name: 'tool_choice naming an undeclared tool',
      body: { ...base, tools: [{ type: 'function', function: { name: 'f' } }], tool_choice: { type: 'function', function: { name: 'g' } } },
      message: "tool_choice.function.name: names 'g', which is not one of the request's tools",
    },
    {
      name: 'unknown response_format type',
      body: { ...base, response_format: { type: 'xml' } },
      message: "response_format.type: expected 'text', 'json_object' or 'json_schema'",
    },
    {
      name: 'json_schema without its object',
      body: { ...base, response_format: { type: 'json_schema' } },
      message: "Missing required parameter: 'response_format.json_schema'.",
    },
    {
      name: 'json_schema with a bad name',
      body: { ...base, response_format: { type: 'json_schema', json_schema: { name: 'my schema', schema: {} } } },
      message: 'response_format.json_schema.name: expected a name of 1 to 64 letters, digits, underscores or dashes',
    },
  ];

  for (const { name, body, message, param } of cases) {
    it(name, () => {
      const error = rejection(body);
      assert.equal(error.message, message);
      assert.equal(error.code, 'SY_ERR_INVALID_REQUEST');
      if (param !== undefined) assert.equal(error.param, param);
    });
  }
});

describe('parseChatCompletionRequest: unsupported features are a clear 400', () => {
  const cases: Array<{ name: string; body: unknown; message: RegExp; param: string }> = [
    {
      name: 'legacy function role',
      body: { ...base, messages: [{ role: 'function', name: 'f', content: '1' }] },
      message: /^messages\[0\]\.role: the legacy 'function' role is not supported/,
      param: 'messages[0].role',
    },
    {
      name: 'legacy function_call on an assistant message',
      body: { ...base, messages: [{ role: 'assistant', content: null, function_call: { name: 'f', arguments: '{}' } }] },
      message: /^messages\[0\]\.function_call: legacy function_call is not supported; use tool_calls/,
      param: 'messages[0].function_call',
    },
    {
      name: 'input_audio part',
      body: { ...base, messages: [{ role: 'user', content: [{ type: 'input_audio', input_audio: { data: 'AAAA', format: 'wav' } }] }] },
      message: /^messages\[0\]\.content\[0\]\.type: content parts of type 'input_audio' are not supported/,
      param: 'messages[0].content[0].type',
    },
    {
      name: 'file part',
      body: { ...base, messages: [{ role: 'user', content: [{ type: 'text', text: 'see' }, { type: 'file', file: { file_id: 'f' } }] }] },
      message: /^messages\[0\]\.content\[1\]\.type: content parts of type 'file' are not supported/,
      param: 'messages[0].content[1].type',
    },
  ];
  for (const { name, body, message, param } of cases) {
    it(name, () => {
      const error = rejection(body);
      assert.equal(error.code, 'SY_ERR_UNSUPPORTED_OPERATION');
      assert.match(error.message, message);
      assert.equal(error.param, param);
    });
  }
});
