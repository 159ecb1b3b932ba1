import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GatewayError } from '../../../core/index.js';
import type { StreamEvent } from '../../../core/index.js';
import { createMessagesStreamRenderer } from './messages-stream-renderer.js';

interface Frame {
  event: string;
  data: Record<string, unknown>;
}

/** Renders the events, ends the stream and splits the SSE text into frames. */
function run(events: StreamEvent[]): Frame[] {
  const renderer = createMessagesStreamRenderer({ model: 'claude-sonnet', requestId: 'req_1' });
  const text = events.map((event) => renderer.render(event)).join('') + renderer.end();
  assert.ok(text.endsWith('\n\n'));
  return text
    .split('\n\n')
    .filter((frame) => frame !== '')
    .map((frame) => {
      const match = /^event: (\S+)\ndata: (.*)$/.exec(frame);
      assert.ok(match, `well-formed frame: ${frame}`);
      const data = JSON.parse(match[2] ?? '') as Record<string, unknown>;
      assert.equal(data['type'], match[1], 'the data type matches the event name');
      return { event: match[1] ?? '', data };
    });
}

const usage = { promptTokens: 50, completionTokens: 7, cachedTokens: 20, cacheWriteTokens: 0, estimated: false };
const start: StreamEvent = { type: 'start', id: 'chatcmpl-9', model: 'gpt-4o', created: 1 };

describe('createMessagesStreamRenderer', () => {
  it('renders a text-only answer in the API order', () => {
    const frames = run([
      start,
      { type: 'text-delta', choice: 0, text: 'Hel' },
      { type: 'text-delta', choice: 0, text: 'lo' },
      { type: 'finish', choice: 0, finishReason: { unified: 'stop', raw: 'stop' } },
      { type: 'usage', usage },
    ]);
    assert.deepEqual(
      frames.map((frame) => frame.event),
      ['message_start', 'ping', 'content_block_start', 'content_block_delta', 'content_block_delta', 'content_block_stop', 'message_delta', 'message_stop'],
    );
    assert.deepEqual(frames[0]?.data['message'], {
      id: 'msg_chatcmpl-9',
      type: 'message',
      role: 'assistant',
      model: 'claude-sonnet',
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { input_tokens: 0, output_tokens: 0, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
    });
    assert.deepEqual(frames[2]?.data, { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } });
    assert.deepEqual(frames[3]?.data, { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Hel' } });
    assert.deepEqual(frames[5]?.data, { type: 'content_block_stop', index: 0 });
    assert.deepEqual(frames[6]?.data, {
      type: 'message_delta',
      delta: { stop_reason: 'end_turn', stop_sequence: null },
      usage: { output_tokens: 7, input_tokens: 30, cache_read_input_tokens: 20, cache_creation_input_tokens: 0 },
    });
    assert.deepEqual(frames[7]?.data, { type: 'message_stop' });
  });

  it('renders a tool-only answer', () => {
    const frames = run([
      start,
      { type: 'tool-call-start', choice: 0, index: 0, id: 'call_1', name: 'weather' },
      { type: 'tool-call-delta', choice: 0, index: 0, argumentsDelta: '{"city":' },
      { type: 'tool-call-delta', choice: 0, index: 0, argumentsDelta: '"Paris"}' },
      { type: 'finish', choice: 0, finishReason: { unified: 'tool_calls', raw: 'tool_calls' } },
    ]);
    assert.deepEqual(
      frames.map((frame) => frame.event),
      ['message_start', 'ping', 'content_block_start', 'content_block_delta', 'content_block_delta', 'content_block_stop', 'message_delta', 'message_stop'],
    );
    assert.deepEqual(frames[2]?.data['content_block'], { type: 'tool_use', id: 'call_1', name: 'weather', input: {} });
    assert.deepEqual(frames[3]?.data['delta'], { type: 'input_json_delta', partial_json: '{"city":' });
    assert.equal((frames[6]?.data['delta'] as Record<string, unknown>)['stop_reason'], 'tool_use');
  });

  it('renders text then two tools as three consecutive blocks', () => {
    const frames = run([
      start,
      { type: 'text-delta', choice: 0, text: 'Checking.' },
      { type: 'tool-call-start', choice: 0, index: 0, id: 'toolu_a', name: 'weather' },
      { type: 'tool-call-delta', choice: 0, index: 0, argumentsDelta: '{"city":"Paris"}' },
      { type: 'tool-call-start', choice: 0, index: 1, id: 'toolu_b', name: 'weather' },
      { type: 'tool-call-delta', choice: 0, index: 1, argumentsDelta: '{"city":"Rome"}' },
      { type: 'finish', choice: 0, finishReason: { unified: 'tool_calls', raw: null } },
      { type: 'usage', usage },
    ]);
    const summary = frames.map((frame) => `${frame.event}${typeof frame.data['index'] === 'number' ? `#${frame.data['index']}` : ''}`);
    assert.deepEqual(summary, [
      'message_start',
      'ping',
      'content_block_start#0',
      'content_block_delta#0',
      'content_block_stop#0',
      'content_block_start#1',
      'content_block_delta#1',
      'content_block_stop#1',
      'content_block_start#2',
      'content_block_delta#2',
      'content_block_stop#2',
      'message_delta',
      'message_stop',
    ]);
    assert.deepEqual(frames[8]?.data['content_block'], { type: 'tool_use', id: 'toolu_b', name: 'weather', input: {} });
  });

  it('starts lazily with the request id when no start event came, and ignores other choices', () => {
    const frames = run([
      { type: 'text-delta', choice: 1, text: 'ignored' },
      { type: 'text-delta', choice: 0, text: 'Hi' },
      { type: 'text-delta', choice: 0, text: '' },
      { type: 'finish', choice: 1, finishReason: { unified: 'length', raw: 'length' } },
    ]);
    assert.equal((frames[0]?.data['message'] as Record<string, unknown>)['id'], 'msg_req_1');
    assert.deepEqual(
      frames.map((frame) => frame.event),
      ['message_start', 'ping', 'content_block_start', 'content_block_delta', 'content_block_stop', 'message_delta', 'message_stop'],
    );
    assert.equal((frames[5]?.data['delta'] as Record<string, unknown>)['stop_reason'], 'end_turn');
  });

  it('renders an empty answer as a message without blocks', () => {
    assert.deepEqual(
      run([]).map((frame) => frame.event),
      ['message_start', 'ping', 'message_delta', 'message_stop'],
    );
  });

  it('ends with an error frame and nothing after it', () => {
    const renderer = createMessagesStreamRenderer({ model: 'm', requestId: 'req_2' });
    const before = renderer.render(start) + renderer.render({ type: 'text-delta', choice: 0, text: 'partial' });
    assert.match(before, /content_block_delta/);
    const error = new GatewayError('SY_ERR_UPSTREAM_OVERLOADED', 'The provider is overloaded.');
    assert.equal(
      renderer.render({ type: 'error', error }),
      'event: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"The provider is overloaded."}}\n\n',
    );
    assert.equal(renderer.render({ type: 'text-delta', choice: 0, text: 'more' }), '');
    assert.equal(renderer.end(), '');
  });

  it('renders nothing on a second end()', () => {
    const renderer = createMessagesStreamRenderer({ model: 'm', requestId: 'req_3' });
    assert.notEqual(renderer.end(), '');
    assert.equal(renderer.end(), '');
  });
});
