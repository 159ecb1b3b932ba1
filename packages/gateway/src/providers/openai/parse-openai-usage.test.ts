import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mapOpenAIFinishReason } from './map-openai-finish-reason.js';
import { parseOpenAIUsage } from './parse-openai-usage.js';

test('usage with details, without details, and absent', () => {
  const full = {
    prompt_tokens: 10,
    completion_tokens: 5,
    prompt_tokens_details: { cached_tokens: 4 },
    completion_tokens_details: { reasoning_tokens: 2 },
  };
  assert.deepEqual(parseOpenAIUsage(full), {
    promptTokens: 10,
    completionTokens: 5,
    cachedTokens: 4,
    cacheWriteTokens: 0,
    reasoningTokens: 2,
    estimated: false,
  });
  assert.deepEqual(parseOpenAIUsage({ prompt_tokens: 1, completion_tokens: 2, prompt_tokens_details: null }), {
    promptTokens: 1,
    completionTokens: 2,
    cachedTokens: 0,
    cacheWriteTokens: 0,
    estimated: false,
  });
  assert.equal(parseOpenAIUsage({ prompt_tokens: 1 })?.estimated, true);
  assert.equal(parseOpenAIUsage(null), null);
  assert.equal(parseOpenAIUsage(undefined), null);
});

test('finish reasons map with the raw value kept', () => {
  assert.deepEqual(mapOpenAIFinishReason('length'), { unified: 'length', raw: 'length' });
  assert.deepEqual(mapOpenAIFinishReason('function_call'), { unified: 'tool_calls', raw: 'function_call' });
  assert.deepEqual(mapOpenAIFinishReason('eos'), { unified: 'other', raw: 'eos' });
  assert.deepEqual(mapOpenAIFinishReason(null), { unified: 'other', raw: null });
});
