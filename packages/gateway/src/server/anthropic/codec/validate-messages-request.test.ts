import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GatewayError } from '../../../core/index.js';
import { validateMessagesRequest } from './validate-messages-request.js';

const base = { model: 'claude-test', max_tokens: 100, messages: [{ role: 'user', content: 'Hi' }] };

function failure(body: unknown): GatewayError {
  try {
    validateMessagesRequest(body);
  } catch (error) {
    assert.ok(error instanceof GatewayError);
    return error;
  }
  assert.fail('expected a validation error');
}

const userBlocks = (blocks: unknown[]) => ({ ...base, messages: [{ role: 'user', content: blocks }] });

const cases: Array<{ name: string; body: unknown; param: string; message: string }> = [
  { name: 'missing model', body: { ...base, model: undefined }, param: 'model', message: 'model: Field required' },
  { name: 'missing max_tokens', body: { ...base, max_tokens: undefined }, param: 'max_tokens', message: 'max_tokens: Field required' },
  { name: 'zero max_tokens', body: { ...base, max_tokens: 0 }, param: 'max_tokens', message: 'max_tokens: Input should be greater than or equal to 1' },
  { name: 'fractional max_tokens', body: { ...base, max_tokens: 1.5 }, param: 'max_tokens', message: 'max_tokens: Input should be a valid integer' },
  { name: 'string max_tokens', body: { ...base, max_tokens: '5' }, param: 'max_tokens', message: 'max_tokens: Input should be a valid number' },
  { name: 'empty messages', body: { ...base, messages: [] }, param: 'messages', message: 'messages: List should have at least 1 item' },
  { name: 'missing messages', body: { ...base, messages: undefined }, param: 'messages', message: 'messages: Field required' },
  {
    name: 'system role in messages',
    body: { ...base, messages: [{ role: 'system', content: 'x' }] },
    param: 'messages.0.role',
    message: "messages.0.role: Input should be 'user' or 'assistant'",
  },
  {
    name: 'content of the wrong type',
    body: { ...base, messages: [{ role: 'user', content: 5 }] },
    param: 'messages.0.content',
    message: 'messages.0.content: Input should be a valid string or list',
  },
  {
    name: 'text block without text',
    body: userBlocks([{ type: 'text', text: 'a' }, { type: 'text' }]),
    param: 'messages.0.content.1.text',
    message: 'messages.0.content.1.text: Field required',
  },
  {
    name: 'block without type',
    body: userBlocks([{ text: 'a' }]),
    param: 'messages.0.content.0.type',
    message: 'messages.0.content.0.type: Field required',
  },
  {
    name: 'image with an unknown media type',
    body: userBlocks([{ type: 'image', source: { type: 'base64', media_type: 'image/bmp', data: 'AAAA' } }]),
    param: 'messages.0.content.0.source.media_type',
    message: "messages.0.content.0.source.media_type: Input should be 'image/jpeg', 'image/png', 'image/gif' or 'image/webp'",
  },
  {
    name: 'image with an unknown source type',
    body: userBlocks([{ type: 'image', source: { type: 'ftp', url: 'x' } }]),
    param: 'messages.0.content.0.source.type',
    message: "messages.0.content.0.source.type: Input tag 'ftp' found using 'type' does not match any of the expected tags: 'base64', 'url', 'file'",
  },
  {
    name: 'tool_use in a user message',
    body: userBlocks([{ type: 'tool_use', id: 'toolu_1', name: 'f', input: {} }]),
    param: 'messages.0.content.0.type',
    message: 'messages.0.content.0.type: tool_use blocks are only allowed in assistant messages',
  },
  {
    name: 'tool_result in an assistant message',
    body: { ...base, messages: [base.messages[0], { role: 'assistant', content: [{ type: 'tool_result', tool_use_id: 'toolu_1' }] }] },
    param: 'messages.1.content.0.type',
    message: 'messages.1.content.0.type: tool_result blocks are only allowed in user messages',
  },
  {
    name: 'tool_use input that is not an object',
    body: { ...base, messages: [{ role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_1', name: 'f', input: 'x' }] }] },
    param: 'messages.0.content.0.input',
    message: 'messages.0.content.0.input: Input should be a valid dictionary',
  },
  {
    name: 'tool_result without tool_use_id',
    body: userBlocks([{ type: 'tool_result', content: 'x' }]),
    param: 'messages.0.content.0.tool_use_id',
    message: 'messages.0.content.0.tool_use_id: Field required',
  },
  {
    name: 'bad block inside a tool_result',
    body: userBlocks([{ type: 'tool_result', tool_use_id: 'toolu_1', content: [{ type: 'text', text: 7 }] }]),
    param: 'messages.0.content.0.content.0.text',
    message: 'messages.0.content.0.content.0.text: Input should be a valid string',
  },
  { name: 'temperature above 1', body: { ...base, temperature: 1.5 }, param: 'temperature', message: 'temperature: Input should be less than or equal to 1' },
  { name: 'negative top_p', body: { ...base, top_p: -0.1 }, param: 'top_p', message: 'top_p: Input should be greater than or equal to 0' },
  { name: 'fractional top_k', body: { ...base, top_k: 2.5 }, param: 'top_k', message: 'top_k: Input should be a valid integer' },
  { name: 'stop_sequences not a list', body: { ...base, stop_sequences: 'END' }, param: 'stop_sequences', message: 'stop_sequences: Input should be a valid list' },
  { name: 'stream not a boolean', body: { ...base, stream: 'yes' }, param: 'stream', message: 'stream: Input should be a valid boolean' },
  { name: 'system of the wrong type', body: { ...base, system: 5 }, param: 'system', message: 'system: Input should be a valid string or list' },
  { name: 'system block not text', body: { ...base, system: [{ type: 'image' }] }, param: 'system.0.type', message: "system.0.type: Input should be 'text'" },
  { name: 'tool without input_schema', body: { ...base, tools: [{ name: 'f' }] }, param: 'tools.0.input_schema', message: 'tools.0.input_schema: Field required' },
  { name: 'tool with an empty name', body: { ...base, tools: [{ name: '', input_schema: {} }] }, param: 'tools.0.name', message: 'tools.0.name: String should have at least 1 character' },
  {
    name: 'unknown tool_choice type',
    body: { ...base, tool_choice: { type: 'some' } },
    param: 'tool_choice.type',
    message: "tool_choice.type: Input tag 'some' found using 'type' does not match any of the expected tags: 'auto', 'any', 'tool', 'none'",
  },
  { name: 'tool_choice tool without name', body: { ...base, tool_choice: { type: 'tool' } }, param: 'tool_choice.name', message: 'tool_choice.name: Field required' },
  { name: 'metadata.user_id not a string', body: { ...base, metadata: { user_id: 5 } }, param: 'metadata.user_id', message: 'metadata.user_id: Input should be a valid string' },
];

describe('validateMessagesRequest', () => {
  for (const testCase of cases) {
    it(`names the field: ${testCase.name}`, () => {
      const error = failure(testCase.body);
      assert.equal(error.code, 'SY_ERR_INVALID_REQUEST');
      assert.equal(error.status, 400);
      assert.equal(error.param, testCase.param);
      assert.equal(error.message, testCase.message);
      assert.ok(error.message.startsWith(`${testCase.param}: `), 'the message starts with the field path');
    });
  }

  it('rejects a body that is not an object', () => {
    for (const body of [null, 'text', [base]]) assert.equal(failure(body).code, 'SY_ERR_INVALID_REQUEST');
  });

  it('keeps unknown fields and block types for pass-through', () => {
    const body = {
      ...base,
      thinking: { type: 'enabled', budget_tokens: 1024 },
      service_tier: 'auto',
      messages: [{ role: 'user', content: [{ type: 'document', source: { type: 'text', media_type: 'text/plain', data: 'x' } }] }],
      tools: [{ type: 'web_search_20250305', name: 'web_search', max_uses: 3 }],
    };
    const parsed = validateMessagesRequest(body);
    assert.deepEqual(parsed['thinking'], { type: 'enabled', budget_tokens: 1024 });
    assert.equal(parsed['service_tier'], 'auto');
  });

  it('accepts null for optional fields', () => {
    const parsed = validateMessagesRequest({ ...base, temperature: null, system: null, tools: null, stop_sequences: null, stream: null });
    assert.equal(parsed.temperature, null);
  });
});
