import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { anthropicInBandError } from './anthropic-errors.js';
import { mapAnthropicStopReason } from './map-anthropic-stop-reason.js';

describe('anthropicInBandError', () => {
  it('classifies by the error type Anthropic sent', () => {
    const error = (type: string, message = 'm') => anthropicInBandError({ type: 'error', error: { type, message } }, 'anthropic');
    assert.equal(error('overloaded_error').code, 'SY_ERR_UPSTREAM_OVERLOADED');
    assert.equal(error('rate_limit_error').code, 'SY_ERR_UPSTREAM_RATE_LIMITED');
    assert.equal(error('api_error').code, 'SY_ERR_UPSTREAM_SERVER');
    assert.equal(error('invalid_request_error', 'prompt is too long: 5 tokens > 4 maximum').code, 'SY_ERR_CONTEXT_WINDOW_EXCEEDED');
    assert.equal(anthropicInBandError('garbage', 'anthropic').code, 'SY_ERR_UPSTREAM_SERVER');
  });
});

describe('mapAnthropicStopReason', () => {
  it('maps each documented stop reason and keeps the raw value', () => {
    assert.deepEqual(mapAnthropicStopReason('end_turn'), { unified: 'stop', raw: 'end_turn' });
    assert.deepEqual(mapAnthropicStopReason('stop_sequence'), { unified: 'stop', raw: 'stop_sequence' });
    assert.deepEqual(mapAnthropicStopReason('max_tokens'), { unified: 'length', raw: 'max_tokens' });
    assert.deepEqual(mapAnthropicStopReason('tool_use'), { unified: 'tool_calls', raw: 'tool_use' });
    assert.deepEqual(mapAnthropicStopReason('refusal'), { unified: 'content_filter', raw: 'refusal' });
    assert.deepEqual(mapAnthropicStopReason('pause_turn'), { unified: 'other', raw: 'pause_turn' });
    assert.deepEqual(mapAnthropicStopReason(null), { unified: 'other', raw: null });
  });
});
