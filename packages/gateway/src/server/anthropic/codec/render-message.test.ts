import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChatChoice, ChatResponse } from '../../../core/index.js';
import { parseArguments, renderMessage } from './render-message.js';

function response(choice: Partial<ChatChoice>, overrides: Partial<ChatResponse> = {}): ChatResponse {
  return {
    id: 'chatcmpl-123',
    model: 'gpt-4o-2024-08-06',
    created: 1_700_000_000,
    choices: [{ index: 0, content: null, toolCalls: [], finishReason: { unified: 'stop', raw: 'stop' }, ...choice }],
    usage: { promptTokens: 100, completionTokens: 20, cachedTokens: 30, cacheWriteTokens: 10, estimated: false },
    ...overrides,
  };
}

describe('renderMessage', () => {
  it('renders a text answer as an Anthropic message', () => {
    const message = renderMessage(response({ content: 'Hello!' }), { model: 'claude-sonnet' });
    assert.deepEqual(message, {
      id: 'msg_chatcmpl-123',
      type: 'message',
      role: 'assistant',
      model: 'claude-sonnet',
      content: [{ type: 'text', text: 'Hello!' }],
      stop_reason: 'end_turn',
      stop_sequence: null,
      usage: { input_tokens: 60, output_tokens: 20, cache_creation_input_tokens: 10, cache_read_input_tokens: 30 },
    });
  });

  it('keeps an id that already starts with msg_', () => {
    assert.equal(renderMessage(response({ content: 'x' }, { id: 'msg_01abc' }), { model: 'm' })['id'], 'msg_01abc');
  });

  it('renders tool calls, keeping call ids and omitting an empty text block', () => {
    const message = renderMessage(
      response({
        content: null,
        toolCalls: [
          { id: 'call_A1', name: 'weather', arguments: '{"city":"Paris"}' },
          { id: 'call_B2', name: 'clock', arguments: '{"broken' },
        ],
        finishReason: { unified: 'tool_calls', raw: 'tool_calls' },
      }),
      { model: 'm' },
    );
    assert.deepEqual(message['content'], [
      { type: 'tool_use', id: 'call_A1', name: 'weather', input: { city: 'Paris' } },
      { type: 'tool_use', id: 'call_B2', name: 'clock', input: {} },
    ]);
    assert.equal(message['stop_reason'], 'tool_use');
  });

  it('keeps text before tool calls', () => {
    const message = renderMessage(
      response({ content: 'Let me check.', toolCalls: [{ id: 'toolu_1', name: 'f', arguments: '{}' }], finishReason: { unified: 'tool_calls', raw: null } }),
      { model: 'm' },
    );
    assert.deepEqual(message['content'], [
      { type: 'text', text: 'Let me check.' },
      { type: 'tool_use', id: 'toolu_1', name: 'f', input: {} },
    ]);
  });

  it('keeps an empty text block when there is nothing else', () => {
    assert.deepEqual(renderMessage(response({ content: '' }), { model: 'm' })['content'], [{ type: 'text', text: '' }]);
    assert.deepEqual(renderMessage(response({}, { choices: [] }), { model: 'm' })['content'], [{ type: 'text', text: '' }]);
  });

  it('maps every finish reason', () => {
    const cases: Array<[ChatChoice['finishReason'], string]> = [
      [{ unified: 'stop', raw: 'stop' }, 'end_turn'],
      [{ unified: 'stop', raw: 'stop_sequence' }, 'stop_sequence'],
      [{ unified: 'length', raw: 'length' }, 'max_tokens'],
      [{ unified: 'tool_calls', raw: 'tool_calls' }, 'tool_use'],
      [{ unified: 'content_filter', raw: 'content_filter' }, 'refusal'],
      [{ unified: 'error', raw: null }, 'end_turn'],
      [{ unified: 'other', raw: 'weird' }, 'end_turn'],
    ];
    for (const [finishReason, stopReason] of cases) {
      assert.equal(renderMessage(response({ content: 'x', finishReason }), { model: 'm' })['stop_reason'], stopReason);
    }
  });

  it('uses a separately reported refusal as the text', () => {
    const message = renderMessage(
      response({ content: null, refusal: 'I cannot help with that.', finishReason: { unified: 'content_filter', raw: null } }),
      { model: 'm' },
    );
    assert.deepEqual(message['content'], [{ type: 'text', text: 'I cannot help with that.' }]);
    assert.equal(message['stop_reason'], 'refusal');
  });

  it('never reports negative input tokens', () => {
    const message = renderMessage(
      response({ content: 'x' }, { usage: { promptTokens: 5, completionTokens: 1, cachedTokens: 10, cacheWriteTokens: 0, estimated: true } }),
      { model: 'm' },
    );
    assert.deepEqual(message['usage'], { input_tokens: 0, output_tokens: 1, cache_creation_input_tokens: 0, cache_read_input_tokens: 10 });
  });
});

describe('parseArguments', () => {
  it('returns {} for anything that is not a JSON object', () => {
    assert.deepEqual(parseArguments(''), {});
    assert.deepEqual(parseArguments('[1]'), {});
    assert.deepEqual(parseArguments('null'), {});
    assert.deepEqual(parseArguments('{"a":'), {});
    assert.deepEqual(parseArguments('{"a":[1]}'), { a: [1] });
  });
});
