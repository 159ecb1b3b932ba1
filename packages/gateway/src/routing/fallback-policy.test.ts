import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GatewayError } from '../core/index.js';
import type { ErrorCode } from '../core/index.js';
import { classify, createFallbackPolicy, parseFallbackHeader } from './fallback-policy.js';

const error = (code: ErrorCode): GatewayError => new GatewayError(code, code);

const policy = createFallbackPolicy({
  fallbacks: { 'gpt-4o-mini': ['claude-haiku', 'gpt-4o'], 'gpt-4o': ['gpt-4o-mini'] },
  byClass: {
    rate_limited: { 'gpt-4o-mini': ['groq-llama'] },
    context_window: { 'gpt-4o-mini': ['gpt-4o-long', 'gpt-4o-mini'] },
    content_policy: { 'gpt-4o-mini': ['claude-haiku'] },
  },
  defaultFallbacks: ['local-qwen', 'gpt-4o'],
});

test('classify maps codes to fallback classes', () => {
  assert.equal(classify(error('SY_ERR_UPSTREAM_RATE_LIMITED')), 'rate_limited');
  assert.equal(classify(error('SY_ERR_UPSTREAM_SERVER')), 'server_error');
  assert.equal(classify(error('SY_ERR_UPSTREAM_OVERLOADED')), 'server_error');
  assert.equal(classify(error('SY_ERR_UPSTREAM_UNREACHABLE')), 'server_error');
  assert.equal(classify(error('SY_ERR_UPSTREAM_TIMEOUT')), 'timeout');
  assert.equal(classify(error('SY_ERR_CONTEXT_WINDOW_EXCEEDED')), 'context_window');
  assert.equal(classify(error('SY_ERR_CONTENT_FILTERED')), 'content_policy');
  assert.equal(classify(error('SY_ERR_UPSTREAM_AUTH')), null);
  assert.equal(classify(error('SY_ERR_INVALID_REQUEST')), null);
});

test('class list, then the group list, then the default list; no duplicates, never the group itself', () => {
  assert.deepEqual(policy.fallbacksFor({ group: 'gpt-4o-mini', error: error('SY_ERR_UPSTREAM_RATE_LIMITED') }), [
    'groq-llama', 'claude-haiku', 'gpt-4o', 'local-qwen',
  ]);
  assert.deepEqual(policy.fallbacksFor({ group: 'gpt-4o-mini', error: error('SY_ERR_UPSTREAM_SERVER') }), ['claude-haiku', 'gpt-4o', 'local-qwen']);
  // The default list names gpt-4o itself: dropped.
  assert.deepEqual(policy.fallbacksFor({ group: 'gpt-4o', error: error('SY_ERR_UPSTREAM_TIMEOUT') }), ['gpt-4o-mini', 'local-qwen']);
  assert.deepEqual(policy.fallbacksFor({ group: 'unconfigured', error: error('SY_ERR_UPSTREAM_SERVER') }), ['local-qwen', 'gpt-4o']);
});

test('a per-request override comes first and replaces the general and default lists, not the class list', () => {
  const requestOverride = ['mistral-large', 'gpt-4o-mini', 'mistral-large'];
  assert.deepEqual(policy.fallbacksFor({ group: 'gpt-4o-mini', error: error('SY_ERR_UPSTREAM_RATE_LIMITED'), requestOverride }), [
    'mistral-large', 'groq-llama',
  ]);
  assert.deepEqual(policy.fallbacksFor({ group: 'gpt-4o-mini', error: error('SY_ERR_UPSTREAM_SERVER'), requestOverride }), ['mistral-large']);
  // An empty override turns the general and default lists off for this request.
  assert.deepEqual(policy.fallbacksFor({ group: 'gpt-4o', error: error('SY_ERR_UPSTREAM_SERVER'), requestOverride: [] }), []);
});

test('a context-window error goes only to the context_window list (a larger-context model)', () => {
  const input = { group: 'gpt-4o-mini', error: error('SY_ERR_CONTEXT_WINDOW_EXCEEDED') };
  assert.deepEqual(policy.fallbacksFor(input), ['gpt-4o-long']);
  assert.deepEqual(policy.fallbacksFor({ ...input, requestOverride: ['mistral-large'] }), ['gpt-4o-long']);
  // Without a class list the error fails: the general and default lists would refuse it too.
  assert.deepEqual(policy.fallbacksFor({ group: 'gpt-4o', error: error('SY_ERR_CONTEXT_WINDOW_EXCEEDED') }), []);
});

test('a content-policy refusal goes only to the content_policy list', () => {
  assert.deepEqual(policy.fallbacksFor({ group: 'gpt-4o-mini', error: error('SY_ERR_CONTENT_FILTERED') }), ['claude-haiku']);
  assert.deepEqual(policy.fallbacksFor({ group: 'gpt-4o', error: error('SY_ERR_CONTENT_FILTERED') }), []);
});

test("the deployments' own failures and no deployment available use the general lists", () => {
  for (const code of ['SY_ERR_UPSTREAM_AUTH', 'SY_ERR_UPSTREAM_PERMISSION', 'SY_ERR_UPSTREAM_NOT_FOUND', 'SY_ERR_UNSUPPORTED_OPERATION', 'SY_ERR_NO_DEPLOYMENT_AVAILABLE'] as const) {
    assert.deepEqual(policy.fallbacksFor({ group: 'gpt-4o', error: error(code) }), ['gpt-4o-mini', 'local-qwen'], code);
  }
  assert.deepEqual(policy.fallbacksFor({ group: 'gpt-4o', error: null }), ['gpt-4o-mini', 'local-qwen']);
  assert.deepEqual(policy.fallbacksFor({ group: 'gpt-4o', error: null, requestOverride: ['x'] }), ['x']);
});

test("the client's own mistakes and our own failures get no fallback", () => {
  for (const code of ['SY_ERR_INVALID_REQUEST', 'SY_ERR_UPSTREAM_BAD_REQUEST', 'SY_ERR_CLIENT_DISCONNECTED', 'SY_ERR_SHUTTING_DOWN', 'SY_ERR_INTERNAL', 'SY_ERR_UPSTREAM_PROTOCOL'] as const) {
    assert.deepEqual(policy.fallbacksFor({ group: 'gpt-4o', error: error(code), requestOverride: ['x'] }), [], code);
  }
});

test('a config without byClass or defaults works', () => {
  const plain = createFallbackPolicy({ fallbacks: { a: ['b'] } });
  assert.deepEqual(plain.fallbacksFor({ group: 'a', error: error('SY_ERR_UPSTREAM_TIMEOUT') }), ['b']);
  assert.deepEqual(plain.fallbacksFor({ group: 'a', error: error('SY_ERR_CONTEXT_WINDOW_EXCEEDED') }), []);
});

test('parseFallbackHeader reads a comma-separated list', () => {
  assert.equal(parseFallbackHeader(undefined), undefined);
  assert.equal(parseFallbackHeader(''), undefined);
  assert.equal(parseFallbackHeader(' , '), undefined);
  assert.deepEqual(parseFallbackHeader('a, b'), ['a', 'b']);
  assert.deepEqual(parseFallbackHeader(' gpt-4o ,,claude-sonnet '), ['gpt-4o', 'claude-sonnet']);
  assert.deepEqual(parseFallbackHeader(['a, b', 'c']), ['a', 'b', 'c']);
});
