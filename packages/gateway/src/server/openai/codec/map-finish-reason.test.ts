import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { UnifiedFinishReason } from '../../../core/index.js';
import { mapFinishReason } from './map-finish-reason.js';

describe('mapFinishReason', () => {
  const expected: Record<UnifiedFinishReason, string> = {
    stop: 'stop',
    length: 'length',
    tool_calls: 'tool_calls',
    content_filter: 'content_filter',
    error: 'stop',
    other: 'stop',
  };
  for (const [unified, openai] of Object.entries(expected)) {
    it(`maps ${unified} to ${openai}`, () => {
      assert.equal(mapFinishReason({ unified: unified as UnifiedFinishReason, raw: 'x' }), openai);
    });
  }
});
