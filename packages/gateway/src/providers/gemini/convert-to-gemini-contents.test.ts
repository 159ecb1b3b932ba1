import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChatMessage } from '../../core/index.js';
import { GatewayError } from '../../core/index.js';
import { convertToGeminiContents } from './convert-to-gemini-contents.js';

const text = (value: string) => [{ type: 'text' as const, text: value }];

describe('convertToGeminiContents', () => {
  it('moves system messages to systemInstruction and merges consecutive turns of one role', () => {
    const messages: ChatMessage[] = [
      { role: 'system', content: text('Be brief.') },
      { role: 'user', content: text('one') },
      { role: 'user', content: text('two') },
      { role: 'system', content: text('Answer in French.') },
      { role: 'assistant', content: text('un deux'), toolCalls: [] },
    ];
    assert.deepEqual(convertToGeminiContents(messages, { requireThoughtSignatures: false }), {
      systemInstruction: { parts: [{ text: 'Be brief.' }, { text: 'Answer in French.' }] },
      contents: [
        { role: 'user', parts: [{ text: 'one' }, { text: 'two' }] },
        { role: 'model', parts: [{ text: 'un deux' }] },
      ],
    });
  });

  it('turns tool results into functionResponse parts named after their call, errors under "error"', () => {
    const messages: ChatMessage[] = [
      { role: 'user', content: text('weather?') },
      { role: 'assistant', content: [], toolCalls: [{ id: 'a', name: 'get_weather', arguments: '' }, { id: 'b', name: 'get_time', arguments: '{"tz":"UTC"}' }] },
      { role: 'tool', toolCallId: 'b', content: text('[1,2]') },
      { role: 'tool', toolCallId: 'a', content: text('boom'), isError: true },
    ];
    const { contents } = convertToGeminiContents(messages, { requireThoughtSignatures: false });
    assert.deepEqual(contents[1], {
      role: 'model',
      parts: [{ functionCall: { name: 'get_weather', args: {} } }, { functionCall: { name: 'get_time', args: { tz: 'UTC' } } }],
    });
    assert.deepEqual(contents[2], {
      role: 'user',
      parts: [
        { functionResponse: { name: 'get_time', response: { result: '[1,2]' } } },
        { functionResponse: { name: 'get_weather', response: { error: 'boom' } } },
      ],
    });
  });

  it('rejects a tool result for an unknown call and arguments that are not an object', () => {
    assert.throws(
      () => convertToGeminiContents([{ role: 'tool', toolCallId: 'x', content: text('r') }], { requireThoughtSignatures: false }),
      (error: GatewayError) => error.code === 'SY_ERR_INVALID_REQUEST' && error.param === 'messages[0].tool_call_id',
    );
    assert.throws(
      () => convertToGeminiContents([{ role: 'assistant', content: [], toolCalls: [{ id: 'a', name: 'f', arguments: '[1]' }] }], { requireThoughtSignatures: false }),
      (error: GatewayError) => error.code === 'SY_ERR_INVALID_REQUEST',
    );
  });

  it('puts the sentinel signature on the first unsigned call only when the model requires signatures', () => {
    const messages: ChatMessage[] = [
      { role: 'assistant', content: [], toolCalls: [{ id: 'a', name: 'f', arguments: '{}' }, { id: 'b', name: 'f', arguments: '{}' }] },
    ];
    const required = convertToGeminiContents(messages, { requireThoughtSignatures: true }).contents[0]?.parts;
    assert.deepEqual(required, [
      { functionCall: { name: 'f', args: {} }, thoughtSignature: 'skip_thought_signature_validator' },
      { functionCall: { name: 'f', args: {} } },
    ]);
    const optional = convertToGeminiContents(messages, { requireThoughtSignatures: false }).contents[0]?.parts;
    assert.deepEqual(optional, [{ functionCall: { name: 'f', args: {} } }, { functionCall: { name: 'f', args: {} } }]);
  });

  it('sends images inline or by reference, and refuses plain http URLs', () => {
    const convert = (url: string) =>
      convertToGeminiContents([{ role: 'user', content: [{ type: 'image', source: { kind: 'url', url } }] }], { requireThoughtSignatures: false }).contents[0]?.parts[0];
    assert.deepEqual(convert('data:image/png;base64,AAAA'), { inlineData: { mimeType: 'image/png', data: 'AAAA' } });
    assert.deepEqual(convert('gs://bucket/cat.webp'), { fileData: { mimeType: 'image/webp', fileUri: 'gs://bucket/cat.webp' } });
    assert.deepEqual(convert('https://example.com/cat?size=2'), { fileData: { mimeType: 'image/jpeg', fileUri: 'https://example.com/cat?size=2' } });
    assert.throws(() => convert('http://example.com/cat.png'), (error: GatewayError) => error.code === 'SY_ERR_UNSUPPORTED_OPERATION');
    const base64 = convertToGeminiContents(
      [{ role: 'user', content: [{ type: 'image', source: { kind: 'base64', mediaType: 'image/gif', data: 'R0lG' } }] }],
      { requireThoughtSignatures: false },
    );
    assert.deepEqual(base64.contents[0]?.parts, [{ inlineData: { mimeType: 'image/gif', data: 'R0lG' } }]);
  });
});
