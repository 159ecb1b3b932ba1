import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mapStopReason } from './map-stop-reason.js';

describe('mapStopReason', () => {
  it('says tool_use when a stop carried tool calls (vLLM/Ollama end tool turns with "stop")', () => {
    assert.equal(mapStopReason({ finishReason: { unified: 'stop', raw: 'stop' }, hasToolCalls: true }), 'tool_use');
  });

  it('defaults to end_turn, or tool_use when tools were called, without a finish reason', () => {
    assert.equal(mapStopReason({ finishReason: null, hasToolCalls: false }), 'end_turn');
    assert.equal(mapStopReason({ finishReason: null, hasToolCalls: true }), 'tool_use');
  });

  it('keeps max_tokens even when a call was cut short', () => {
    assert.equal(mapStopReason({ finishReason: { unified: 'length', raw: 'length' }, hasToolCalls: true }), 'max_tokens');
  });
});
