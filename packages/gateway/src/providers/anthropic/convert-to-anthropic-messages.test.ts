import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChatMessage } from '../../core/index.js';
import { anthropicToolId, convertToAnthropicMessages } from './convert-to-anthropic-messages.js';

const text = (value: string) => [{ type: 'text' as const, text: value }];

describe('convertToAnthropicMessages', () => {
  it('moves every system message to `system` and merges consecutive same-role turns', () => {
    const messages: ChatMessage[] = [
      { role: 'system', content: text('one') },
      { role: 'user', content: text('a') },
      { role: 'system', content: text('two') },
      { role: 'user', content: text('b') },
      { role: 'assistant', content: text('c'), toolCalls: [] },
      { role: 'assistant', content: text('d'), toolCalls: [] },
    ];
    const converted = convertToAnthropicMessages(messages);
    assert.deepEqual(converted.system, [{ type: 'text', text: 'one' }, { type: 'text', text: 'two' }]);
    assert.deepEqual(converted.messages, [
      { role: 'user', content: [{ type: 'text', text: 'a' }, { type: 'text', text: 'b' }] },
      { role: 'assistant', content: [{ type: 'text', text: 'c' }, { type: 'text', text: 'd' }] },
    ]);
  });

  it('puts the tool results of one assistant turn in one user message, ahead of text', () => {
    const converted = convertToAnthropicMessages([
      { role: 'user', content: text('q') },
      {
        role: 'assistant',
        content: [],
        toolCalls: [
          { id: 'call_1', name: 'f', arguments: '{"x":1}' },
          { id: 'call_2', name: 'f', arguments: '[1]' },
        ],
      },
      { role: 'tool', toolCallId: 'call_1', content: text('r1') },
      { role: 'user', content: text('also') },
      { role: 'tool', toolCallId: 'call_2', content: [] },
    ]);
    assert.deepEqual(converted.messages[1], {
      role: 'assistant',
      content: [
        { type: 'tool_use', id: 'call_1', name: 'f', input: { x: 1 } },
        { type: 'tool_use', id: 'call_2', name: 'f', input: {} },
      ],
    });
    assert.deepEqual(converted.messages[2], {
      role: 'user',
      content: [
        { type: 'tool_result', tool_use_id: 'call_1', content: 'r1' },
        { type: 'tool_result', tool_use_id: 'call_2' },
        { type: 'text', text: 'also' },
      ],
    });
    assert.equal(converted.messages.length, 3);
  });

  it('converts images: base64, data URLs and http URLs; tool results with images keep blocks', () => {
    const converted = convertToAnthropicMessages([
      {
        role: 'user',
        content: [
          { type: 'image', source: { kind: 'base64', mediaType: 'image/png', data: 'AAA' } },
          { type: 'image', source: { kind: 'url', url: 'data:image/jpeg;base64,BBB' } },
          { type: 'image', source: { kind: 'url', url: 'https://example.com/cat.png', detail: 'high' } },
          { type: 'text', text: '' },
        ],
      },
    ]);
    assert.deepEqual(converted.messages[0]?.content, [
      { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'AAA' } },
      { type: 'image', source: { type: 'base64', media_type: 'image/jpeg', data: 'BBB' } },
      { type: 'image', source: { type: 'url', url: 'https://example.com/cat.png' } },
    ]);
  });

  it('makes tool ids safe for Anthropic, the same way for calls and results', () => {
    assert.equal(anthropicToolId('toolu_01AbC-x'), 'toolu_01AbC-x');
    assert.equal(anthropicToolId('fc:1/2'), 'fc_1_2');
    assert.equal(anthropicToolId(''), 'toolu_unnamed');
  });
});
