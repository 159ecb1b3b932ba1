import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { StreamEvent } from '../../core/index.js';
import { openaiStreamEvents } from './openai-stream-transform.js';

async function eventsOf(body: AsyncIterable<string>): Promise<StreamEvent[]> {
  const events: StreamEvent[] = [];
  const stream = openaiStreamEvents({ body, provider: 'p', signal: new AbortController().signal, fallbackModel: 'm', fallbackId: 'id-0' });
  for await (const event of stream) events.push(event);
  return events;
}

async function* frames(...data: unknown[]): AsyncGenerator<string> {
  for (const item of data) yield `data: ${typeof item === 'string' ? item : JSON.stringify(item)}\n\n`;
}

const chunk = (delta: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  id: 'c1',
  model: 'gpt-x',
  created: 5,
  choices: [{ index: 0, delta, finish_reason: null, ...extra }],
});

test('a server repeating the tool call id on every delta announces the call once', async () => {
  const call = (args: string) => ({ tool_calls: [{ index: 0, id: 'call_1', function: { name: 'f', arguments: args } }] });
  const events = await eventsOf(frames(chunk(call('{"a"')), chunk(call(':1}')), chunk({}, { finish_reason: 'tool_calls' }), '[DONE]'));
  assert.deepEqual(events.slice(1), [
    { type: 'tool-call-start', choice: 0, index: 0, id: 'call_1', name: 'f' },
    { type: 'tool-call-delta', choice: 0, index: 0, argumentsDelta: '{"a"' },
    { type: 'tool-call-delta', choice: 0, index: 0, argumentsDelta: ':1}' },
    { type: 'finish', choice: 0, finishReason: { unified: 'tool_calls', raw: 'tool_calls' } },
  ]);
});

test('usage on a chunk that also has choices is still reported; nothing after [DONE]', async () => {
  const usage = { prompt_tokens: 3, completion_tokens: 1 };
  const events = await eventsOf(frames({ ...chunk({ content: 'x' }, { finish_reason: 'stop' }), usage }, '[DONE]', chunk({ content: 'late' })));
  assert.deepEqual(events.map((event) => event.type), ['start', 'text-delta', 'finish', 'usage']);
  assert.deepEqual(events[0], { type: 'start', id: 'c1', model: 'gpt-x', created: 5 });
});

test("Azure's leading prompt-filter chunk does not start the stream", async () => {
  const filter = { id: '', model: '', created: 0, choices: [], prompt_filter_results: [] };
  const events = await eventsOf(frames(filter, chunk({ content: 'hi' }), '[DONE]'));
  assert.deepEqual(events[0], { type: 'start', id: 'c1', model: 'gpt-x', created: 5 });
});

test('an in-band error chunk ends the stream with one error event', async () => {
  const events = await eventsOf(frames(chunk({ content: 'a' }), { error: { message: 'overloaded', type: 'server_error' } }, chunk({ content: 'b' })));
  const last = events[events.length - 1];
  assert.equal(events.length, 3);
  assert.ok(last.type === 'error' && last.error.code === 'SY_ERR_UPSTREAM_SERVER' && last.error.message.includes('overloaded'));
});

test('invalid JSON is a protocol error; a transport failure an unreachable error', async () => {
  const invalid = await eventsOf(frames('{nope'));
  assert.ok(invalid[0].type === 'error' && invalid[0].error.code === 'SY_ERR_UPSTREAM_PROTOCOL');
  async function* broken(): AsyncGenerator<string> {
    yield `data: ${JSON.stringify(chunk({ content: 'a' }))}\n\n`;
    throw new Error('socket hang up');
  }
  const cut = await eventsOf(broken());
  assert.deepEqual(cut.map((event) => event.type), ['start', 'text-delta', 'error']);
  const last = cut[2];
  assert.ok(last.type === 'error' && last.error.code === 'SY_ERR_UPSTREAM_UNREACHABLE');
});
