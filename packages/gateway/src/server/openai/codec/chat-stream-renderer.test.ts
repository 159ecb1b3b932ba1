import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GatewayError } from '../../../core/index.js';
import type { StreamEvent, Usage } from '../../../core/index.js';
import { createChatStreamRenderer } from './chat-stream-renderer.js';

const usage: Usage = { promptTokens: 9, completionTokens: 3, cachedTokens: 0, cacheWriteTokens: 0, estimated: false };
const stop = { unified: 'stop', raw: 'stop' } as const;

/** Renders events then end(), and splits the SSE text into parsed data payloads ('[DONE]' kept as is). */
function run(events: StreamEvent[], includeUsage: boolean): { text: string; payloads: Array<Record<string, unknown> | '[DONE]'> } {
  const renderer = createChatStreamRenderer({ model: 'client-model', includeUsage, requestId: 'req1' });
  const text = events.map((event) => renderer.render(event)).join('') + renderer.end();
  const frames = text.split('\n\n').filter((frame) => frame !== '');
  const payloads = frames.map((frame) => {
    assert.ok(frame.startsWith('data: '), `frame is a data line: ${frame}`);
    const data = frame.slice('data: '.length);
    return data === '[DONE]' ? '[DONE]' : (JSON.parse(data) as Record<string, unknown>);
  });
  return { text, payloads };
}

function choiceOf(payload: Record<string, unknown> | '[DONE]'): Record<string, unknown> {
  assert.notEqual(payload, '[DONE]');
  const choices = (payload as { choices: Array<Record<string, unknown>> }).choices;
  assert.equal(choices.length, 1);
  return choices[0] as Record<string, unknown>;
}

const textStream: StreamEvent[] = [
  { type: 'start', id: 'chatcmpl-up', model: 'upstream-model', created: 1_700_000_000 },
  { type: 'text-delta', choice: 0, text: 'Hel' },
  { type: 'text-delta', choice: 0, text: 'lo' },
  { type: 'finish', choice: 0, finishReason: stop },
  { type: 'usage', usage },
];

describe('createChatStreamRenderer', () => {
  it('renders role, content and finish chunks with a stable id, created and the client model', () => {
    const { payloads } = run(textStream, false);
    assert.equal(payloads.length, 5);
    assert.equal(payloads.at(-1), '[DONE]');
    for (const payload of payloads.slice(0, -1)) {
      assert.ok(payload !== '[DONE]');
      assert.equal(payload.id, 'chatcmpl-up');
      assert.equal(payload.object, 'chat.completion.chunk');
      assert.equal(payload.created, 1_700_000_000);
      assert.equal(payload.model, 'client-model');
      assert.equal('usage' in payload, false, 'no usage key when the client did not ask for usage');
    }
    assert.deepEqual(choiceOf(payloads[0]!), { index: 0, delta: { role: 'assistant', content: '' }, logprobs: null, finish_reason: null });
    assert.deepEqual(choiceOf(payloads[1]!).delta, { content: 'Hel' });
    assert.deepEqual(choiceOf(payloads[2]!).delta, { content: 'lo' });
    assert.deepEqual(choiceOf(payloads[3]!), { index: 0, delta: {}, logprobs: null, finish_reason: 'stop' });
  });

  it('with include_usage: usage is null on every chunk and appears once, in a final chunk with no choices', () => {
    const { payloads } = run(textStream, true);
    assert.equal(payloads.length, 6);
    const chunks = payloads.filter((payload): payload is Record<string, unknown> => payload !== '[DONE]');
    const withUsage = chunks.filter((chunk) => chunk.usage !== null);
    assert.equal(withUsage.length, 1);
    assert.equal(withUsage[0], chunks.at(-1));
    assert.deepEqual(withUsage[0]?.choices, []);
    assert.deepEqual(withUsage[0]?.usage, {
      prompt_tokens: 9,
      completion_tokens: 3,
      total_tokens: 12,
      prompt_tokens_details: { cached_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 0 },
    });
    for (const chunk of chunks.slice(0, -1)) assert.equal(chunk.usage, null);
    assert.equal(payloads.at(-1), '[DONE]');
  });

  it('with include_usage and no usage event, uses the fallback usage given to end()', () => {
    const renderer = createChatStreamRenderer({ model: 'm', includeUsage: true, requestId: 'r' });
    renderer.render({ type: 'text-delta', choice: 0, text: 'x' });
    const text = renderer.end({ ...usage, promptTokens: 1, completionTokens: 1, estimated: true });
    assert.match(text, /"choices":\[\],"usage":\{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2/);
  });

  it('renders tool calls as OpenAI does: id, type and name first, then argument fragments', () => {
    const { payloads } = run(
      [
        { type: 'start', id: 'c', model: 'm', created: 1 },
        { type: 'tool-call-start', choice: 0, index: 0, id: 'call_1', name: 'get_weather' },
        { type: 'tool-call-delta', choice: 0, index: 0, argumentsDelta: '{"city":' },
        { type: 'tool-call-delta', choice: 0, index: 0, argumentsDelta: '"Paris"}' },
        { type: 'tool-call-start', choice: 0, index: 1, id: 'call_2', name: 'get_time' },
        { type: 'tool-call-delta', choice: 0, index: 1, argumentsDelta: '' },
        { type: 'finish', choice: 0, finishReason: { unified: 'tool_calls', raw: 'tool_use' } },
      ],
      false,
    );
    const deltas = payloads.slice(0, -1).map((payload) => choiceOf(payload).delta);
    assert.deepEqual(deltas, [
      { role: 'assistant', content: '' },
      { tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '' } }] },
      { tool_calls: [{ index: 0, function: { arguments: '{"city":' } }] },
      { tool_calls: [{ index: 0, function: { arguments: '"Paris"}' } }] },
      { tool_calls: [{ index: 1, id: 'call_2', type: 'function', function: { name: 'get_time', arguments: '' } }] },
      {},
    ]);
    assert.equal(choiceOf(payloads[5]!).finish_reason, 'tool_calls');
  });

  it('renders a stream without a start event with a generated id and one created time', () => {
    const { payloads } = run(
      [
        { type: 'text-delta', choice: 0, text: 'Hi' },
        { type: 'finish', choice: 0, finishReason: { unified: 'other', raw: 'weird' } },
      ],
      false,
    );
    const chunks = payloads.filter((payload): payload is Record<string, unknown> => payload !== '[DONE]');
    assert.equal(chunks.length, 3);
    assert.ok(chunks.every((chunk) => chunk.id === 'chatcmpl-req1' && chunk.created === chunks[0]?.created));
    assert.equal(typeof chunks[0]?.created, 'number');
    assert.deepEqual(choiceOf(chunks[0]!).delta, { role: 'assistant', content: '' });
    assert.equal(choiceOf(chunks[2]!).finish_reason, 'stop');
  });

  it('closes choices left open, and gives an empty stream one complete choice', () => {
    const open = run([{ type: 'text-delta', choice: 0, text: 'cut' }], false).payloads;
    assert.equal(choiceOf(open[2]!).finish_reason, 'stop');
    const empty = run([], false).payloads;
    assert.deepEqual(
      empty.slice(0, -1).map((payload) => choiceOf(payload)),
      [
        { index: 0, delta: { role: 'assistant', content: '' }, logprobs: null, finish_reason: null },
        { index: 0, delta: {}, logprobs: null, finish_reason: 'stop' },
      ],
    );
  });

  it('opens each choice of n > 1 with its own role chunk', () => {
    const { payloads } = run(
      [
        { type: 'start', id: 'c', model: 'm', created: 1 },
        { type: 'text-delta', choice: 0, text: 'a' },
        { type: 'text-delta', choice: 1, text: 'b' },
        { type: 'finish', choice: 0, finishReason: stop },
        { type: 'finish', choice: 1, finishReason: { unified: 'length', raw: 'length' } },
      ],
      false,
    );
    const choices = payloads.slice(0, -1).map((payload) => choiceOf(payload));
    assert.deepEqual(
      choices.map((choice) => [choice.index, choice.delta, choice.finish_reason]),
      [
        [0, { role: 'assistant', content: '' }, null],
        [0, { content: 'a' }, null],
        [1, { role: 'assistant', content: '' }, null],
        [1, { content: 'b' }, null],
        [0, {}, 'stop'],
        [1, {}, 'length'],
      ],
    );
  });

  it('ignores deltas for a choice after its finish', () => {
    const { payloads } = run(
      [
        { type: 'finish', choice: 0, finishReason: stop },
        { type: 'text-delta', choice: 0, text: 'late' },
      ],
      false,
    );
    assert.equal(payloads.length, 3);
  });

  it('renders an error as an in-band error frame and nothing after it', () => {
    const renderer = createChatStreamRenderer({ model: 'm', includeUsage: true, requestId: 'r' });
    renderer.render({ type: 'start', id: 'c', model: 'm', created: 1 });
    renderer.render({ type: 'usage', usage });
    const error = new GatewayError('SY_ERR_UPSTREAM_TIMEOUT', 'Provider "openai" did not answer in time.', { provider: 'openai' });
    const frame = renderer.render({ type: 'error', error });
    assert.equal(
      frame,
      'data: {"error":{"message":"Provider \\"openai\\" did not answer in time.","type":"api_error","param":null,"code":"upstream_timeout"}}\n\n',
    );
    assert.equal(renderer.render({ type: 'text-delta', choice: 0, text: 'more' }), '');
    assert.equal(renderer.end(), '');
  });

  it('renders nothing after end()', () => {
    const renderer = createChatStreamRenderer({ model: 'm', includeUsage: false, requestId: 'r' });
    assert.match(renderer.end(), /data: \[DONE\]\n\n$/);
    assert.equal(renderer.end(), '');
    assert.equal(renderer.render({ type: 'text-delta', choice: 0, text: 'x' }), '');
  });
});
