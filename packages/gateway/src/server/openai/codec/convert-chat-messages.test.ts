import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChatResponse } from '../../../core/index.js';
import { chatMessageSchema } from './chat-request-schema.js';
import { convertChatMessages } from './convert-chat-messages.js';
import { parseChatCompletionRequest } from './parse-chat-completion-request.js';
import { renderChatCompletion } from './render-chat-completion.js';

function convert(messages: unknown[]) {
  return convertChatMessages(messages.map((message) => chatMessageSchema.parse(message)));
}

describe('convertChatMessages', () => {
  it('turns developer messages into system messages and text parts into canonical parts', () => {
    assert.deepEqual(
      convert([
        { role: 'developer', content: 'Be brief.' },
        { role: 'system', content: [{ type: 'text', text: 'A' }, { type: 'text', text: 'B' }], name: 'ops' },
      ]),
      [
        { role: 'system', content: [{ type: 'text', text: 'Be brief.' }] },
        { role: 'system', content: [{ type: 'text', text: 'A' }, { type: 'text', text: 'B' }] },
      ],
    );
  });

  it('keeps a user name and converts image parts, data URLs to base64', () => {
    assert.deepEqual(
      convert([
        {
          role: 'user',
          name: 'ann',
          content: [
            { type: 'text', text: 'What is this?' },
            { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
            { type: 'image_url', image_url: { url: 'https://example.com/a.jpg', detail: 'high' } },
          ],
        },
      ]),
      [
        {
          role: 'user',
          name: 'ann',
          content: [
            { type: 'text', text: 'What is this?' },
            { type: 'image', source: { kind: 'base64', mediaType: 'image/png', data: 'iVBORw0KGgo=' } },
            { type: 'image', source: { kind: 'url', url: 'https://example.com/a.jpg', detail: 'high' } },
          ],
        },
      ],
    );
  });

  it('converts an assistant tool call turn and the tool results that answer it', () => {
    assert.deepEqual(
      convert([
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
            { id: 'call_2', type: 'function', function: { name: 'get_time', arguments: '{}' } },
          ],
        },
        { role: 'tool', tool_call_id: 'call_1', content: 'Sunny' },
        { role: 'tool', tool_call_id: 'call_2', content: [{ type: 'text', text: '12:00' }] },
      ]),
      [
        {
          role: 'assistant',
          content: [],
          toolCalls: [
            { id: 'call_1', name: 'get_weather', arguments: '{"city":"Paris"}' },
            { id: 'call_2', name: 'get_time', arguments: '{}' },
          ],
        },
        { role: 'tool', toolCallId: 'call_1', content: [{ type: 'text', text: 'Sunny' }] },
        { role: 'tool', toolCallId: 'call_2', content: [{ type: 'text', text: '12:00' }] },
      ],
    );
  });

  it("treats an assistant's empty string beside tool calls as no text", () => {
    const [message] = convert([
      { role: 'assistant', content: '', tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: '{}' } }] },
    ]);
    assert.deepEqual(message, { role: 'assistant', content: [], toolCalls: [{ id: 'c', name: 'f', arguments: '{}' }] });
  });

  it('keeps assistant text parts and turns refusal parts into text', () => {
    const [message] = convert([
      { role: 'assistant', content: [{ type: 'text', text: 'Hi' }, { type: 'refusal', refusal: 'I cannot.' }] },
    ]);
    assert.deepEqual(message, {
      role: 'assistant',
      content: [
        { type: 'text', text: 'Hi' },
        { type: 'text', text: 'I cannot.' },
      ],
      toolCalls: [],
    });
  });
});

describe('tool calls round-trip', () => {
  it('a rendered completion with tool calls, sent back as the next turn, parses to the same calls', () => {
    const response: ChatResponse = {
      id: 'chatcmpl-1',
      model: 'upstream-model',
      created: 1_700_000_000,
      choices: [
        {
          index: 0,
          content: null,
          toolCalls: [{ id: 'call_abc', name: 'lookup', arguments: '{"q":"switchyard"}' }],
          finishReason: { unified: 'tool_calls', raw: 'tool_use' },
        },
      ],
      usage: { promptTokens: 10, completionTokens: 5, cachedTokens: 0, cacheWriteTokens: 0, estimated: false },
    };
    const rendered = renderChatCompletion(response, { model: 'gpt-4o' });
    const choices = rendered.choices as Array<{ message: Record<string, unknown> }>;
    const assistantTurn = choices[0]?.message;
    const request = parseChatCompletionRequest({
      model: 'gpt-4o',
      messages: [
        { role: 'user', content: 'Look it up' },
        assistantTurn,
        { role: 'tool', tool_call_id: 'call_abc', content: '{"found":true}' },
      ],
      tools: [{ type: 'function', function: { name: 'lookup', parameters: { type: 'object', properties: { q: { type: 'string' } } } } }],
    });
    assert.deepEqual(request.messages[1], { role: 'assistant', content: [], toolCalls: response.choices[0]?.toolCalls });
    assert.deepEqual(request.messages[2], { role: 'tool', toolCallId: 'call_abc', content: [{ type: 'text', text: '{"found":true}' }] });
  });
});
