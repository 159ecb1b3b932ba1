import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GatewayError } from '../../core/index.js';
import type { StreamEvent } from '../../core/index.js';
import type { SseEvent } from '../shared/sse.js';
import { transformGeminiStream } from './gemini-stream-transform.js';

async function run(chunks: unknown[], options: { failWith?: Error } = {}): Promise<StreamEvent[]> {
  async function* events(): AsyncGenerator<SseEvent> {
    for (const chunk of chunks) {
      const data = typeof chunk === 'string' ? chunk : JSON.stringify(chunk);
      yield { event: undefined, data, raw: `data: ${data}\n\n` };
    }
    if (options.failWith) throw options.failWith;
  }
  const list: StreamEvent[] = [];
  const mapTransportError = (error: unknown) => new GatewayError('SY_ERR_UPSTREAM_UNREACHABLE', String(error), { provider: 'g' });
  for await (const event of transformGeminiStream(events(), { provider: 'g', model: 'm', mapTransportError })) list.push(event);
  return list;
}

const chunk = (parts: unknown[], extra: Record<string, unknown> = {}, candidate: Record<string, unknown> = {}) => ({
  candidates: [{ content: { role: 'model', parts }, index: 0, ...candidate }],
  responseId: 'r1',
  modelVersion: 'gemini-x',
  ...extra,
});

describe('transformGeminiStream', () => {
  it('yields start, text without thoughts, finish, then the last usage once', async () => {
    const events = await run([
      chunk([{ text: 'thinking', thought: true }], { usageMetadata: { promptTokenCount: 5 } }),
      chunk([{ text: 'Hel' }], { usageMetadata: { promptTokenCount: 5 } }),
      chunk([{ text: 'lo' }], { usageMetadata: { promptTokenCount: 5, candidatesTokenCount: 2, thoughtsTokenCount: 7 } }, { finishReason: 'STOP' }),
    ]);
    assert.deepEqual(events.map((event) => event.type), ['start', 'text-delta', 'text-delta', 'finish', 'usage']);
    assert.deepEqual(events[0], { type: 'start', id: 'r1', model: 'gemini-x', created: (events[0] as { created: number }).created });
    assert.deepEqual(events.at(-1), {
      type: 'usage',
      usage: { promptTokens: 5, completionTokens: 9, cachedTokens: 0, cacheWriteTokens: 0, reasoningTokens: 7, estimated: false },
    });
  });

  it('turns each whole function call into a start and one delta, and finishes with tool_calls', async () => {
    const events = await run([chunk([{ functionCall: { name: 'f', args: { a: 1 } } }, { functionCall: { name: 'g' } }], {}, { finishReason: 'STOP' })]);
    assert.deepEqual(
      events.slice(1).map((event) => ({ ...event, ...(event.type === 'tool-call-start' ? { id: 'id' } : {}) })),
      [
        { type: 'tool-call-start', choice: 0, index: 0, id: 'id', name: 'f' },
        { type: 'tool-call-delta', choice: 0, index: 0, argumentsDelta: '{"a":1}' },
        { type: 'tool-call-start', choice: 0, index: 1, id: 'id', name: 'g' },
        { type: 'tool-call-delta', choice: 0, index: 1, argumentsDelta: '{}' },
        { type: 'finish', choice: 0, finishReason: { unified: 'tool_calls', raw: 'STOP' } },
      ],
    );
  });

  it('finishes a blocked prompt with content_filter', async () => {
    const events = await run([{ promptFeedback: { blockReason: 'PROHIBITED_CONTENT' }, usageMetadata: { promptTokenCount: 4 } }]);
    assert.deepEqual(events.slice(1, 2), [{ type: 'finish', choice: 0, finishReason: { unified: 'content_filter', raw: 'PROHIBITED_CONTENT' } }]);
    assert.equal(events.at(-1)?.type, 'usage');
  });

  it('ends with an error event on an in-band error, after the usage seen so far', async () => {
    const events = await run([
      chunk([{ text: 'Hi' }], { usageMetadata: { promptTokenCount: 5 } }),
      { error: { code: 503, message: 'The model is overloaded.', status: 'UNAVAILABLE' } },
    ]);
    assert.deepEqual(events.map((event) => event.type), ['start', 'text-delta', 'usage', 'error']);
    const error = (events.at(-1) as { error: GatewayError }).error;
    assert.equal(error.code, 'SY_ERR_UPSTREAM_OVERLOADED');
    assert.equal(error.upstreamStatus, 503);
  });

  it('reports a transport failure, an invalid chunk and a stream that ends unfinished as errors', async () => {
    const cut = await run([chunk([{ text: 'Hi' }])], { failWith: new Error('socket hang up') });
    assert.equal((cut.at(-1) as { error: GatewayError }).error.code, 'SY_ERR_UPSTREAM_UNREACHABLE');
    const invalid = await run([chunk([{ text: 'Hi' }]), '{not json']);
    assert.equal((invalid.at(-1) as { error: GatewayError }).error.code, 'SY_ERR_UPSTREAM_PROTOCOL');
    const unfinished = await run([chunk([{ text: 'Hi' }])]);
    assert.equal((unfinished.at(-1) as { error: GatewayError }).error.code, 'SY_ERR_UPSTREAM_PROTOCOL');
    const empty = await run([]);
    assert.deepEqual(empty.map((event) => event.type), ['error']);
  });
});
