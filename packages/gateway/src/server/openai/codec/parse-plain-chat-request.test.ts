/** The fast path must give the schema path's answer, and must never accept what the schema rejects. */

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseWithZod } from './parse-chat-completion-request.js';
import { parsePlainChatRequest } from './parse-plain-chat-request.js';

const user = { role: 'user', content: 'Hello' };
const base = { model: 'gpt-4o', messages: [user] };

/** Requests the fast path takes. */
const PLAIN: Array<Record<string, unknown>> = [
  base,
  { ...base, stream: true },
  { ...base, stream: true, stream_options: { include_usage: true } },
  { ...base, stream: true, stream_options: { include_usage: null } },
  { ...base, stream: true, stream_options: {} },
  { ...base, stream: false, stream_options: null },
  { ...base, stream: null },
  { ...base, max_tokens: 16 },
  { ...base, max_completion_tokens: 32, max_tokens: 16 },
  { ...base, max_completion_tokens: null, max_tokens: 16 },
  { ...base, temperature: 0, top_p: 1, presence_penalty: -2, frequency_penalty: 2, n: 128, seed: -5, user: 'u' },
  { ...base, temperature: 2, top_p: 0.5, n: 1, seed: 0 },
  { ...base, temperature: null, top_p: null, n: null, seed: null, user: null, presence_penalty: null, frequency_penalty: null },
  { ...base, stop: 'END' },
  { ...base, stop: '' },
  { ...base, stop: [] },
  { ...base, stop: ['a', 'b', 'c', 'd'] },
  { ...base, parallel_tool_calls: false },
  { ...base, tools: null, tool_choice: null, response_format: null, metadata: null },
  { ...base, unknown_field: { anything: [1, 2] }, logprobs: true },
  {
    model: 'm',
    messages: [
      { role: 'system', content: 'Be brief.', name: 'sys' },
      { role: 'developer', content: 'Be kind.' },
      { role: 'user', content: 'Hi', name: 'ada' },
      { role: 'user', content: 'Hi again', name: '' },
      { role: 'assistant', content: 'Hello!', name: null },
      { role: 'assistant', content: '' },
      { role: 'assistant', content: 'x', tool_calls: null, function_call: null },
      { role: 'tool', tool_call_id: 'call_1', content: '42' },
      { role: 'user', content: '', extra: true },
    ],
  },
];

/** Requests the fast path leaves to the schema path (valid or not). */
const OTHERS: unknown[] = [
  null,
  [],
  'text',
  {},
  { messages: [user] },
  { model: '', messages: [user] },
  { model: 5, messages: [user] },
  { model: 'm' },
  { model: 'm', messages: [] },
  { model: 'm', messages: {} },
  { model: 'm', messages: [null] },
  { model: 'm', messages: [[]] },
  { model: 'm', messages: [{ role: 'user' }] },
  { model: 'm', messages: [{ role: 'user', content: 5 }] },
  { model: 'm', messages: [{ role: 'user', content: [{ type: 'text', text: 'parts' }] }] },
  { model: 'm', messages: [{ role: 'user', content: 'x', name: 5 }] },
  { model: 'm', messages: [{ role: 'system', content: 'x', name: 5 }] },
  { model: 'm', messages: [{ role: 'robot', content: 'x' }] },
  { model: 'm', messages: [{ role: 'function', content: 'x', name: 'f' }] },
  { model: 'm', messages: [{ role: 'assistant', content: null, tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: '{}' } }] }] },
  { model: 'm', messages: [{ role: 'assistant', content: 'x', function_call: { name: 'f' } }] },
  { model: 'm', messages: [{ role: 'assistant', content: null }] },
  { model: 'm', messages: [{ role: 'assistant', content: 'x', name: 5 }] },
  { model: 'm', messages: [{ role: 'tool', content: 'x' }] },
  { model: 'm', messages: [{ role: 'tool', content: 'x', tool_call_id: '' }] },
  { ...base, stream: 'yes' },
  { ...base, stream_options: { include_usage: true } },
  { ...base, stream: false, stream_options: { include_usage: true } },
  { ...base, stream: true, stream_options: 'x' },
  { ...base, stream: true, stream_options: { include_usage: 'yes' } },
  { ...base, max_tokens: 0 },
  { ...base, max_tokens: 1.5 },
  { ...base, max_tokens: 2 ** 53 },
  { ...base, max_tokens: '16' },
  { ...base, max_completion_tokens: -1 },
  { ...base, temperature: 2.1 },
  { ...base, temperature: '1' },
  { ...base, top_p: 1.5 },
  { ...base, presence_penalty: -3 },
  { ...base, frequency_penalty: 3 },
  { ...base, n: 0 },
  { ...base, n: 129 },
  { ...base, seed: 0.5 },
  { ...base, user: 5 },
  { ...base, stop: 5 },
  { ...base, stop: ['a', 'b', 'c', 'd', 'e'] },
  { ...base, stop: ['a', 5] },
  { ...base, parallel_tool_calls: 'no' },
  { ...base, tools: [{ type: 'function', function: { name: 'f', parameters: { type: 'object' } } }] },
  { ...base, tools: [] },
  { ...base, tool_choice: 'auto' },
  { ...base, response_format: { type: 'json_object' } },
  { ...base, metadata: { a: 'b' } },
];

function schemaAnswer(body: unknown): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: parseWithZod(body) };
  } catch {
    return { ok: false };
  }
}

describe('parsePlainChatRequest', () => {
  it('takes plain text requests and gives exactly what the schema path gives', () => {
    for (const body of PLAIN) {
      const fast = parsePlainChatRequest(body);
      assert.notEqual(fast, null, `the fast path should take ${JSON.stringify(body)}`);
      const slow = schemaAnswer(body);
      assert.ok(slow.ok, `the schema path accepts ${JSON.stringify(body)}`);
      assert.deepEqual(fast, slow.value, JSON.stringify(body));
    }
  });

  it('leaves everything else to the schema path, and never accepts what the schema rejects', () => {
    for (const body of OTHERS) {
      const fast = parsePlainChatRequest(body);
      const slow = schemaAnswer(body);
      if (fast !== null) {
        assert.ok(slow.ok, `accepted what the schema rejects: ${JSON.stringify(body)}`);
        assert.deepEqual(fast, slow.value, JSON.stringify(body));
      }
      if (!slow.ok) assert.equal(fast, null, JSON.stringify(body));
    }
  });
});
