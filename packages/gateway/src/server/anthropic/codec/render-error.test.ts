import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ERROR_CODES, GatewayError } from '../../../core/index.js';
import type { ErrorCode } from '../../../core/index.js';
import { renderAnthropicError } from './render-error.js';

const EXPECTED_TYPE: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  409: 'invalid_request_error',
  413: 'request_too_large',
  415: 'invalid_request_error',
  429: 'rate_limit_error',
  499: 'invalid_request_error',
  500: 'api_error',
  502: 'api_error',
  503: 'overloaded_error',
  504: 'timeout_error',
};

describe('renderAnthropicError', () => {
  for (const code of Object.keys(ERROR_CODES) as ErrorCode[]) {
    it(`renders ${code}`, () => {
      const error = new GatewayError(code, `Something about ${code}.`);
      const rendered = renderAnthropicError(error, 'req_123');
      const { status, retryable } = ERROR_CODES[code];
      assert.equal(rendered.status, status);
      const type = EXPECTED_TYPE[status];
      assert.ok(type !== undefined, `status ${status} of ${code} has an expected Anthropic type`);
      assert.deepEqual(rendered.body, { type: 'error', error: { type, message: `Something about ${code}.` }, request_id: 'req_123' });
      const shouldRetry = rendered.headers['x-should-retry'];
      if (status >= 500) assert.equal(shouldRetry, String(retryable));
      else if (status === 429) assert.equal(shouldRetry, retryable ? undefined : 'false');
      else assert.equal(shouldRetry, undefined);
      assert.equal(rendered.headers['retry-after'], undefined);
    });
  }

  it('maps 529 to overloaded_error', () => {
    const error = new GatewayError('SY_ERR_UPSTREAM_OVERLOADED', 'Overloaded', { status: 529 });
    assert.equal(renderAnthropicError(error).body.error.type, 'overloaded_error');
  });

  it('sends retry-after in whole seconds, rounded up', () => {
    const error = new GatewayError('SY_ERR_UPSTREAM_RATE_LIMITED', 'Slow down', { retryAfterMs: 1200 });
    assert.equal(renderAnthropicError(error).headers['retry-after'], '2');
  });

  it('tells the SDK not to retry a 429 that is not retryable', () => {
    const error = new GatewayError('SY_ERR_UPSTREAM_RATE_LIMITED', 'Quota gone', { retryable: false });
    assert.equal(renderAnthropicError(error).headers['x-should-retry'], 'false');
  });

  it('omits request_id when none is given', () => {
    const rendered = renderAnthropicError(new GatewayError('SY_ERR_INTERNAL', 'Oops'));
    assert.deepEqual(rendered.body, { type: 'error', error: { type: 'api_error', message: 'Oops' } });
    assert.equal(rendered.headers['request-id'], undefined);
  });
});
