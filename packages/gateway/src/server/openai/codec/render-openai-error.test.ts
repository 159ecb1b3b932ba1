import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ERROR_CODES, GatewayError } from '../../../core/index.js';
import type { ErrorCode } from '../../../core/index.js';
import { OPENAI_ERROR_CODES, openAIErrorCode } from './openai-error-codes.js';
import { renderOpenAIError } from './render-openai-error.js';

describe('OPENAI_ERROR_CODES', () => {
  for (const code of Object.keys(ERROR_CODES) as ErrorCode[]) {
    it(`has a snake_case OpenAI code for ${code}`, () => {
      assert.ok(Object.hasOwn(OPENAI_ERROR_CODES, code), `${code} is missing from OPENAI_ERROR_CODES`);
      assert.match(OPENAI_ERROR_CODES[code], /^[a-z]+(_[a-z]+)*$/);
      const rendered = renderOpenAIError(new GatewayError(code, 'm'));
      assert.equal(rendered.body.error.code, OPENAI_ERROR_CODES[code]);
      assert.equal(rendered.status, ERROR_CODES[code].status);
    });
  }

  it('uses OpenAI’s own codes where OpenAI has one', () => {
    assert.equal(openAIErrorCode('SY_ERR_UNAUTHENTICATED'), 'invalid_api_key');
    assert.equal(openAIErrorCode('SY_ERR_MODEL_NOT_FOUND'), 'model_not_found');
    assert.equal(openAIErrorCode('SY_ERR_CONTEXT_WINDOW_EXCEEDED'), 'context_length_exceeded');
  });

  it('already knows the budget code, and derives one for a code it has never seen', () => {
    assert.equal(openAIErrorCode('SY_ERR_BUDGET_EXCEEDED'), 'budget_exceeded');
    assert.equal(openAIErrorCode('SY_ERR_SOMETHING_NEW'), 'something_new');
  });
});

describe('renderOpenAIError', () => {
  it("renders a validation error with its param in OpenAI's shape", () => {
    const error = new GatewayError('SY_ERR_INVALID_REQUEST', 'temperature: expected a number between 0 and 2', { param: 'temperature' });
    assert.deepEqual(renderOpenAIError(error), {
      status: 400,
      headers: {},
      body: {
        error: {
          message: 'temperature: expected a number between 0 and 2',
          type: 'invalid_request_error',
          param: 'temperature',
          code: 'invalid_request',
        },
      },
    });
  });

  const types: Array<[ErrorCode, string]> = [
    ['SY_ERR_INVALID_JSON', 'invalid_request_error'],
    ['SY_ERR_MODEL_NOT_FOUND', 'invalid_request_error'],
    ['SY_ERR_BODY_TOO_LARGE', 'invalid_request_error'],
    ['SY_ERR_UNSUPPORTED_MEDIA_TYPE', 'invalid_request_error'],
    ['SY_ERR_UNAUTHENTICATED', 'authentication_error'],
    ['SY_ERR_KEY_REVOKED', 'authentication_error'],
    ['SY_ERR_MODEL_FORBIDDEN', 'permission_error'],
    ['SY_ERR_UPSTREAM_RATE_LIMITED', 'rate_limit_error'],
    ['SY_ERR_INTERNAL', 'server_error'],
    ['SY_ERR_NO_DEPLOYMENT_AVAILABLE', 'server_error'],
    ['SY_ERR_UPSTREAM_SERVER', 'api_error'],
    ['SY_ERR_UPSTREAM_TIMEOUT', 'api_error'],
  ];
  for (const [code, type] of types) {
    it(`gives ${code} the type ${type}`, () => {
      assert.equal(renderOpenAIError(new GatewayError(code, 'm')).body.error.type, type);
    });
  }

  it('follows an overridden status', () => {
    const rendered = renderOpenAIError(new GatewayError('SY_ERR_UPSTREAM_SERVER', 'm', { status: 500, provider: 'openai' }));
    assert.equal(rendered.status, 500);
    assert.equal(rendered.body.error.type, 'api_error');
  });

  it('sends retry-after in whole seconds, rounded up', () => {
    const rendered = renderOpenAIError(new GatewayError('SY_ERR_UPSTREAM_RATE_LIMITED', 'slow down', { retryAfterMs: 1500 }));
    assert.equal(rendered.headers['retry-after'], '2');
    assert.equal(rendered.headers['x-should-retry'], undefined, 'a retryable 429 leaves the decision to the SDK');
  });

  it('tells SDKs not to retry a non-retryable 429 (budget exhausted)', () => {
    const rendered = renderOpenAIError(new GatewayError('SY_ERR_UPSTREAM_RATE_LIMITED', 'Budget exhausted', { retryable: false }));
    assert.equal(rendered.headers['x-should-retry'], 'false');
  });

  it('follows retryable for 5xx', () => {
    assert.equal(renderOpenAIError(new GatewayError('SY_ERR_UPSTREAM_OVERLOADED', 'm')).headers['x-should-retry'], 'true');
    assert.equal(renderOpenAIError(new GatewayError('SY_ERR_UPSTREAM_AUTH', 'm')).headers['x-should-retry'], 'false');
    assert.equal(renderOpenAIError(new GatewayError('SY_ERR_INTERNAL', 'm')).headers['x-should-retry'], 'false');
  });

  it('sends no retry headers for a 4xx client error', () => {
    assert.deepEqual(renderOpenAIError(new GatewayError('SY_ERR_MODEL_NOT_FOUND', 'm')).headers, {});
  });
});
