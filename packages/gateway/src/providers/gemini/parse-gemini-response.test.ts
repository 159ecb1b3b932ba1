import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseGeminiResponse } from './parse-gemini-response.js';
import { thoughtSignatureOf } from './gemini-tool-call-id.js';

describe('parseGeminiResponse', () => {
  it('joins text without thought parts and counts thinking tokens as output', () => {
    const response = parseGeminiResponse(
      {
        candidates: [
          {
            content: { role: 'model', parts: [{ text: 'pondering…', thought: true }, { text: 'Hello' }, { text: ' world' }] },
            finishReason: 'STOP',
            index: 0,
          },
        ],
        usageMetadata: { promptTokenCount: 10, candidatesTokenCount: 2, thoughtsTokenCount: 30, cachedContentTokenCount: 6, totalTokenCount: 42 },
        modelVersion: 'gemini-2.5-pro',
        responseId: 'resp-1',
      },
      { model: 'fallback' },
    );
    assert.equal(response.id, 'resp-1');
    assert.equal(response.model, 'gemini-2.5-pro');
    assert.deepEqual(response.choices, [{ index: 0, content: 'Hello world', toolCalls: [], finishReason: { unified: 'stop', raw: 'STOP' } }]);
    assert.deepEqual(response.usage, { promptTokens: 10, completionTokens: 32, cachedTokens: 6, cacheWriteTokens: 0, reasoningTokens: 30, estimated: false });
  });

  it('gives function calls unique stable ids carrying their signature, and finish tool_calls', () => {
    const body = {
      responseId: 'resp-2',
      candidates: [
        {
          content: {
            role: 'model',
            parts: [
              { functionCall: { name: 'f', args: { a: 1 } }, thoughtSignature: '+/8=' },
              { functionCall: { name: 'f', args: { a: 2 } } },
            ],
          },
          finishReason: 'STOP',
        },
      ],
    };
    const first = parseGeminiResponse(body, { model: 'm' });
    const again = parseGeminiResponse(body, { model: 'm' });
    const ids = first.choices[0]?.toolCalls.map((call) => call.id) ?? [];
    assert.deepEqual(ids, again.choices[0]?.toolCalls.map((call) => call.id));
    assert.equal(new Set(ids).size, 2);
    assert.equal(thoughtSignatureOf(ids[0] ?? ''), '+/8=');
    assert.equal(thoughtSignatureOf(ids[1] ?? ''), undefined);
    assert.deepEqual(first.choices[0]?.finishReason, { unified: 'tool_calls', raw: 'STOP' });
    assert.equal(first.choices[0]?.content, null);
    assert.equal(first.choices[0]?.toolCalls[0]?.arguments, '{"a":1}');
  });

  it('maps safety, length and unknown finish reasons, keeping the raw value', () => {
    const finish = (finishReason: string) =>
      parseGeminiResponse({ candidates: [{ content: { parts: [{ text: 'x' }] }, finishReason }] }, { model: 'm' }).choices[0]?.finishReason;
    assert.deepEqual(finish('MAX_TOKENS'), { unified: 'length', raw: 'MAX_TOKENS' });
    assert.deepEqual(finish('PROHIBITED_CONTENT'), { unified: 'content_filter', raw: 'PROHIBITED_CONTENT' });
    assert.deepEqual(finish('MALFORMED_FUNCTION_CALL'), { unified: 'other', raw: 'MALFORMED_FUNCTION_CALL' });
  });

  it('answers a blocked prompt with one empty content_filter choice', () => {
    const response = parseGeminiResponse({ promptFeedback: { blockReason: 'SAFETY' }, usageMetadata: { promptTokenCount: 3 } }, { model: 'm' });
    assert.deepEqual(response.choices, [{ index: 0, content: null, toolCalls: [], finishReason: { unified: 'content_filter', raw: 'SAFETY' } }]);
    assert.equal(response.usage.promptTokens, 3);
    assert.equal(response.model, 'm');
  });

  it('orders several candidates by index', () => {
    const response = parseGeminiResponse(
      { candidates: [{ content: { parts: [{ text: 'b' }] }, finishReason: 'STOP', index: 1 }, { content: { parts: [{ text: 'a' }] }, finishReason: 'STOP', index: 0 }] },
      { model: 'm' },
    );
    assert.deepEqual(response.choices.map((choice) => choice.content), ['a', 'b']);
  });
});
