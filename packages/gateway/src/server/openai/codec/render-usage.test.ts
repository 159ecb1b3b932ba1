import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderUsage } from './render-usage.js';

describe('renderUsage', () => {
  it('adds the total and the cached and reasoning details', () => {
    assert.deepEqual(
      renderUsage({ promptTokens: 100, completionTokens: 40, cachedTokens: 60, cacheWriteTokens: 5, reasoningTokens: 12, estimated: false }),
      {
        prompt_tokens: 100,
        completion_tokens: 40,
        total_tokens: 140,
        prompt_tokens_details: { cached_tokens: 60 },
        completion_tokens_details: { reasoning_tokens: 12 },
      },
    );
  });

  it('reports zero reasoning tokens when the provider gave none', () => {
    const usage = renderUsage({ promptTokens: 1, completionTokens: 2, cachedTokens: 0, cacheWriteTokens: 0, estimated: true });
    assert.deepEqual(usage.completion_tokens_details, { reasoning_tokens: 0 });
  });
});
