import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StreamEvent } from '../../core/index.js';
import { anthropicStreamEvents } from './anthropic-stream-transform.js';

const frame = (event: string, data: unknown): string => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

async function run(frames: string[]): Promise<StreamEvent[]> {
  async function* body(): AsyncGenerator<string> {
    yield* frames;
  }
  const events: StreamEvent[] = [];
  const stream = anthropicStreamEvents({
    body: body(),
    provider: 'anthropic',
    signal: new AbortController().signal,
    fallbackModel: 'fallback',
    fallbackId: 'msg_fallback',
  });
  for await (const event of stream) events.push(event);
  return events;
}

const start = frame('message_start', {
  type: 'message_start',
  message: { id: 'msg_1', model: 'claude-x', content: [], usage: { input_tokens: 10, cache_read_input_tokens: 5, cache_creation_input_tokens: 2, output_tokens: 1 } },
});

describe('anthropicStreamEvents', () => {
  it('prefers the input counts that later API versions repeat in message_delta', async () => {
    const events = await run([
      start,
      frame('ping', { type: 'ping' }),
      frame('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }),
      frame('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Hi' } }),
      frame('content_block_stop', { type: 'content_block_stop', index: 0 }),
      frame('message_delta', {
        type: 'message_delta',
        delta: { stop_reason: 'end_turn', stop_sequence: null },
        usage: { input_tokens: 12, cache_read_input_tokens: 5, cache_creation_input_tokens: 0, output_tokens: 7 },
      }),
      frame('message_stop', { type: 'message_stop' }),
    ]);
    assert.deepEqual(events.slice(0, 1).map((event) => event.type === 'start' && [event.id, event.model]), [['msg_1', 'claude-x']]);
    assert.deepEqual(events.slice(1), [
      { type: 'text-delta', choice: 0, text: 'Hi' },
      { type: 'finish', choice: 0, finishReason: { unified: 'stop', raw: 'end_turn' } },
      { type: 'usage', usage: { promptTokens: 17, completionTokens: 7, cachedTokens: 5, cacheWriteTokens: 0, estimated: false } },
    ]);
  });

  it('keeps message_start input usage when message_delta only has output_tokens', async () => {
    const events = await run([
      start,
      frame('message_delta', { type: 'message_delta', delta: { stop_reason: 'pause_turn' }, usage: { output_tokens: 3 } }),
      frame('message_stop', { type: 'message_stop' }),
    ]);
    assert.deepEqual(events.slice(1), [
      { type: 'finish', choice: 0, finishReason: { unified: 'other', raw: 'pause_turn' } },
      { type: 'usage', usage: { promptTokens: 17, completionTokens: 3, cachedTokens: 5, cacheWriteTokens: 2, estimated: false } },
    ]);
  });

  it('numbers tool calls on their own, skipping thinking blocks', async () => {
    const events = await run([
      start,
      frame('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '' } }),
      frame('content_block_start', { type: 'content_block_start', index: 1, content_block: { type: 'tool_use', id: 't1', name: 'f', input: {} } }),
      frame('content_block_delta', { type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: '' } }),
      frame('content_block_delta', { type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: '{"a":1}' } }),
      frame('message_stop', { type: 'message_stop' }),
    ]);
    assert.deepEqual(events.slice(1), [
      { type: 'tool-call-start', choice: 0, index: 0, id: 't1', name: 'f' },
      { type: 'tool-call-delta', choice: 0, index: 0, argumentsDelta: '{"a":1}' },
    ]);
  });

  it('ends with one error event on an error frame or a stream cut short', async () => {
    const overloaded = await run([start, frame('error', { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } })]);
    const last = overloaded.at(-1);
    assert.ok(last?.type === 'error');
    assert.equal(last.error.code, 'SY_ERR_UPSTREAM_OVERLOADED');
    const short = await run([start]);
    const end = short.at(-1);
    assert.ok(end?.type === 'error');
    assert.equal(end.error.code, 'SY_ERR_UPSTREAM_PROTOCOL');
  });
});
