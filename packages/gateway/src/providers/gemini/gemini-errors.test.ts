import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { geminiHttpError } from './gemini-errors.js';

const fail = (status: number, error: unknown, headers: Record<string, string> = {}) =>
  geminiHttpError({ provider: 'gemini', status, bodyText: typeof error === 'string' ? error : JSON.stringify({ error }), headers });

describe('geminiHttpError', () => {
  it('recognises a rejected key from the 400 details or message, and UNAUTHENTICATED', () => {
    const invalid = fail(400, {
      code: 400,
      message: 'API key not valid. Please pass a valid API key.',
      status: 'INVALID_ARGUMENT',
      details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID' }],
    });
    assert.equal(invalid.code, 'SY_ERR_UPSTREAM_AUTH');
    assert.equal(invalid.status, 502);
    assert.match(invalid.message, /Provider "gemini" rejected/);
    assert.equal(fail(400, { code: 400, message: 'API key expired. Please renew the API key.', status: 'INVALID_ARGUMENT' }).code, 'SY_ERR_UPSTREAM_AUTH');
    assert.equal(fail(401, { code: 401, message: 'Request had invalid authentication credentials.', status: 'UNAUTHENTICATED' }).code, 'SY_ERR_UPSTREAM_AUTH');
    assert.equal(fail(403, { code: 403, message: 'Permission denied.', status: 'PERMISSION_DENIED' }).code, 'SY_ERR_UPSTREAM_PERMISSION');
  });

  it('classifies quota, overload, timeout and context window errors', () => {
    const limited = fail(429, { code: 429, message: 'Quota.', status: 'RESOURCE_EXHAUSTED' }, { 'retry-after': '3' });
    assert.equal(limited.code, 'SY_ERR_UPSTREAM_RATE_LIMITED');
    assert.equal(limited.retryAfterMs, 3000);
    const delayed = fail(429, {
      code: 429,
      message: 'Quota.',
      status: 'RESOURCE_EXHAUSTED',
      details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '1.5s' }],
    });
    assert.equal(delayed.retryAfterMs, 1500);
    assert.equal(fail(503, { code: 503, message: 'The model is overloaded.', status: 'UNAVAILABLE' }).code, 'SY_ERR_UPSTREAM_OVERLOADED');
    assert.equal(fail(504, { code: 504, message: 'Deadline.', status: 'DEADLINE_EXCEEDED' }).code, 'SY_ERR_UPSTREAM_TIMEOUT');
    const window = fail(400, {
      code: 400,
      message: 'The input token count (1200000) exceeds the maximum number of tokens allowed (1048576).',
      status: 'INVALID_ARGUMENT',
    });
    assert.equal(window.code, 'SY_ERR_CONTEXT_WINDOW_EXCEEDED');
    assert.equal(fail(400, { code: 400, message: 'Please use a valid role: user, model.', status: 'INVALID_ARGUMENT' }).code, 'SY_ERR_UPSTREAM_BAD_REQUEST');
  });

  it('keeps the text of a body that is not JSON', () => {
    const error = fail(502, '<html>Bad Gateway</html>');
    assert.equal(error.code, 'SY_ERR_UPSTREAM_SERVER');
    assert.match(error.message, /Bad Gateway/);
  });
});
