import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GatewayError } from '../../../core/index.js';
import type { ChatMessage } from '../../../core/index.js';
import { parseMessagesRequest, parseMessagesRequestForRouting } from './parse-messages-request.js';

const base = { model: 'claude-test', max_tokens: 256 };
const PNG = 'iVBORw0KGgo=';

function rejection(body: unknown): GatewayError {
  try {
    parseMessagesRequest(body);
  } catch (error) {
    assert.ok(error instanceof GatewayError);
    return error;
  }
  assert.fail('expected an error');
}

describe('parseMessagesRequest', () => {
  it('maps the scalar fields', () => {
    const request = parseMessagesRequest({
      ...base,
      messages: [{ role: 'user', content: 'Hello' }],
      temperature: 0.5,
      top_p: 0.9,
      top_k: 40,
      stop_sequences: ['END'],
      metadata: { user_id: 'user-42' },
      stream: true,
    });
    assert.deepEqual(request, {
      model: 'claude-test',
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Hello' }] }],
      maxTokens: 256,
      stream: true,
      includeUsage: true,
      temperature: 0.5,
      topP: 0.9,
      topK: 40,
      stop: ['END'],
      user: 'user-42',
    });
  });

  it('puts the system prompt first, from a string or text blocks (cache_control ignored)', () => {
    const fromString = parseMessagesRequest({ ...base, system: 'Be brief.', messages: [{ role: 'user', content: 'Hi' }] });
    assert.deepEqual(fromString.messages[0], { role: 'system', content: [{ type: 'text', text: 'Be brief.' }] });
    const fromBlocks = parseMessagesRequest({
      ...base,
      system: [
        { type: 'text', text: 'Part one.' },
        { type: 'text', text: 'Part two.', cache_control: { type: 'ephemeral' } },
      ],
      messages: [{ role: 'user', content: 'Hi' }],
    });
    assert.deepEqual(fromBlocks.messages[0], {
      role: 'system',
      content: [
        { type: 'text', text: 'Part one.' },
        { type: 'text', text: 'Part two.' },
      ],
    });
    assert.equal(fromBlocks.stream, false);
  });

  it('keeps tool_use/tool_result pairing and order', () => {
    const request = parseMessagesRequest({
      ...base,
      messages: [
        { role: 'user', content: 'Weather in Paris and Rome?' },
        {
          role: 'assistant',
          content: [
            { type: 'thinking', thinking: 'Two lookups.', signature: 'sig' },
            { type: 'text', text: 'Looking up.' },
            { type: 'tool_use', id: 'toolu_1', name: 'weather', input: { city: 'Paris' } },
            { type: 'tool_use', id: 'call_abc', name: 'weather', input: { city: 'Rome' } },
          ],
        },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 'toolu_1', content: '18C' },
            { type: 'tool_result', tool_use_id: 'call_abc', content: [{ type: 'text', text: 'no data' }], is_error: true },
            { type: 'text', text: 'Then compare them.' },
          ],
        },
        { role: 'assistant', content: [{ type: 'redacted_thinking', data: 'xyz' }, { type: 'text', text: 'Paris is warmer.' }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_9' }] },
      ],
    });
    const expected: ChatMessage[] = [
      { role: 'user', content: [{ type: 'text', text: 'Weather in Paris and Rome?' }] },
      {
        role: 'assistant',
        content: [{ type: 'text', text: 'Looking up.' }],
        toolCalls: [
          { id: 'toolu_1', name: 'weather', arguments: '{"city":"Paris"}' },
          { id: 'call_abc', name: 'weather', arguments: '{"city":"Rome"}' },
        ],
      },
      { role: 'tool', toolCallId: 'toolu_1', content: [{ type: 'text', text: '18C' }] },
      { role: 'tool', toolCallId: 'call_abc', content: [{ type: 'text', text: 'no data' }], isError: true },
      { role: 'user', content: [{ type: 'text', text: 'Then compare them.' }] },
      { role: 'assistant', content: [{ type: 'text', text: 'Paris is warmer.' }], toolCalls: [] },
      { role: 'tool', toolCallId: 'toolu_9', content: [] },
    ];
    assert.deepEqual(request.messages, expected);
  });

  it('places tool messages before the rest of the turn even when text comes first', () => {
    const request = parseMessagesRequest({
      ...base,
      messages: [
        { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_1', name: 'f', input: {} }] },
        { role: 'user', content: [{ type: 'text', text: 'here:' }, { type: 'tool_result', tool_use_id: 'toolu_1', content: 'ok' }] },
      ],
    });
    assert.deepEqual(
      request.messages.map((message) => message.role),
      ['assistant', 'tool', 'user'],
    );
  });

  it('translates images in user turns and tool results', () => {
    const request = parseMessagesRequest({
      ...base,
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What is this?' },
            { type: 'image', source: { type: 'base64', media_type: 'image/png', data: PNG } },
            { type: 'image', source: { type: 'url', url: 'https://example.com/cat.jpg' } },
          ],
        },
        { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_1', name: 'screenshot', input: {} }] },
        {
          role: 'user',
          content: [
            {
              type: 'tool_result',
              tool_use_id: 'toolu_1',
              content: [
                { type: 'text', text: 'captured' },
                { type: 'image', source: { type: 'base64', media_type: 'image/jpeg', data: PNG } },
              ],
            },
          ],
        },
      ],
    });
    assert.deepEqual(request.messages[0], {
      role: 'user',
      content: [
        { type: 'text', text: 'What is this?' },
        { type: 'image', source: { kind: 'base64', mediaType: 'image/png', data: PNG } },
        { type: 'image', source: { kind: 'url', url: 'https://example.com/cat.jpg' } },
      ],
    });
    assert.deepEqual(request.messages[2], {
      role: 'tool',
      toolCallId: 'toolu_1',
      content: [
        { type: 'text', text: 'captured' },
        { type: 'image', source: { kind: 'base64', mediaType: 'image/jpeg', data: PNG } },
      ],
    });
  });

  it('translates tools and every tool_choice', () => {
    const tools = [
      { name: 'weather', description: 'Current weather', input_schema: { type: 'object', properties: { city: { type: 'string' } } } },
      { type: 'custom', name: 'clock', input_schema: { type: 'object' }, cache_control: { type: 'ephemeral' } },
    ];
    const messages = [{ role: 'user', content: 'Hi' }];
    const request = parseMessagesRequest({ ...base, messages, tools, tool_choice: { type: 'auto' } });
    assert.deepEqual(request.tools, [
      { name: 'weather', description: 'Current weather', parameters: tools[0]?.input_schema },
      { name: 'clock', parameters: { type: 'object' } },
    ]);
    assert.deepEqual(request.toolChoice, { type: 'auto' });
    assert.equal(request.parallelToolCalls, undefined);
    const choices = [
      [{ type: 'any', disable_parallel_tool_use: true }, { type: 'required' }, false],
      [{ type: 'tool', name: 'weather', disable_parallel_tool_use: false }, { type: 'tool', name: 'weather' }, true],
      [{ type: 'none' }, { type: 'none' }, undefined],
    ] as const;
    for (const [input, toolChoice, parallel] of choices) {
      const parsed = parseMessagesRequest({ ...base, messages, tools, tool_choice: input });
      assert.deepEqual(parsed.toolChoice, toolChoice);
      assert.equal(parsed.parallelToolCalls, parallel);
    }
  });

  it('accepts a request as written against anthropic-version 2023-06-01', () => {
    // The shape the first Messages SDKs sent: temperature, top_k, stop_sequences and metadata together.
    const request = parseMessagesRequest({
      model: 'claude-2.1',
      max_tokens: 1024,
      temperature: 1,
      top_k: 5,
      top_p: 0.7,
      stop_sequences: ['\n\nHuman:'],
      metadata: { user_id: 'u1' },
      messages: [
        { role: 'user', content: 'Hello' },
        { role: 'assistant', content: 'Hi' },
        { role: 'user', content: 'Tell me more' },
      ],
    });
    assert.equal(request.temperature, 1);
    assert.equal(request.messages.length, 3);
    assert.deepEqual(request.messages[1], { role: 'assistant', content: [{ type: 'text', text: 'Hi' }], toolCalls: [] });
  });

  it('rejects blocks it cannot translate, naming the block', () => {
    const cases: Array<[unknown[], string]> = [
      [[{ type: 'document', source: { type: 'text', media_type: 'text/plain', data: 'x' } }], 'messages.0.content.0.type'],
      [[{ type: 'text', text: 'a' }, { type: 'search_result', source: 's', title: 't', content: [] }], 'messages.0.content.1.type'],
      [[{ type: 'image', source: { type: 'file', file_id: 'file_1' } }], 'messages.0.content.0.source.type'],
      [[{ type: 'tool_result', tool_use_id: 't', content: [{ type: 'document', source: {} }] }], 'messages.0.content.0.content.0.type'],
    ];
    for (const [content, param] of cases) {
      const error = rejection({ ...base, messages: [{ role: 'user', content }] });
      assert.equal(error.code, 'SY_ERR_UNSUPPORTED_OPERATION');
      assert.equal(error.status, 400);
      assert.equal(error.param, param);
      assert.ok(error.message.startsWith(`${param}: `), error.message);
    }
    const serverBlock = rejection({
      ...base,
      messages: [{ role: 'assistant', content: [{ type: 'server_tool_use', id: 'srvtoolu_1', name: 'web_search', input: {} }] }],
    });
    assert.equal(serverBlock.param, 'messages.0.content.0.type');
    assert.match(serverBlock.message, /'server_tool_use'/);
  });

  it('rejects server tools, naming the tool', () => {
    const error = rejection({
      ...base,
      messages: [{ role: 'user', content: 'Hi' }],
      tools: [{ name: 'f', input_schema: {} }, { type: 'web_search_20250305', name: 'web_search' }],
    });
    assert.equal(error.code, 'SY_ERR_UNSUPPORTED_OPERATION');
    assert.equal(error.param, 'tools.1.type');
    assert.match(error.message, /web_search_20250305/);
  });

  it('reports validation failures before translation', () => {
    const error = rejection({ model: 'm', messages: [{ role: 'user', content: 'Hi' }] });
    assert.equal(error.code, 'SY_ERR_INVALID_REQUEST');
    assert.equal(error.message, 'max_tokens: Field required');
  });
});

describe('parseMessagesRequestForRouting', () => {
  it('holds back the translation error and leaves untranslatable parts out', () => {
    const { request, untranslatable } = parseMessagesRequestForRouting({
      ...base,
      stream: true,
      tools: [{ type: 'web_search_20250305', name: 'web_search' }, { name: 'f', input_schema: {} }],
      messages: [
        {
          role: 'user',
          content: [
            { type: 'document', source: { type: 'text', media_type: 'text/plain', data: 'x' } },
            { type: 'text', text: 'Summarise.' },
          ],
        },
      ],
    });
    assert.equal(untranslatable?.code, 'SY_ERR_UNSUPPORTED_OPERATION');
    assert.equal(untranslatable?.param, 'messages.0.content.0.type', 'the first problem is kept');
    assert.deepEqual(request.messages, [{ role: 'user', content: [{ type: 'text', text: 'Summarise.' }] }]);
    assert.deepEqual(request.tools, [{ name: 'f', parameters: {} }]);
    assert.equal(request.stream, true);
  });

  it('reports nothing for a request that translates, and still throws validation errors', () => {
    assert.equal(parseMessagesRequestForRouting({ ...base, messages: [{ role: 'user', content: 'Hi' }] }).untranslatable, null);
    assert.throws(() => parseMessagesRequestForRouting({ ...base, messages: [] }), /messages: List should have at least 1 item/);
  });
});
