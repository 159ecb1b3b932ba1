import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareResults } from './compare-results.js';
import type { ModelAnswer } from './model-answer.js';

function answer(model: string, fields: Partial<ModelAnswer>): ModelAnswer {
  return { model, provider: 'p', answer: 'x', error: null, latencyMs: 10, tokens: { prompt: 1, completion: 1 }, costUsd: 0.01, requestId: `r.${model}`, ...fields };
}

test('the extremes are taken among the calls that succeeded, the earliest winning a tie', () => {
  const comparison = compareResults([
    answer('a', { latencyMs: 30, costUsd: 0.002, answer: 'a fairly long answer' }),
    answer('b', { latencyMs: 10, costUsd: 0.002, answer: 'short' }),
    answer('c', { latencyMs: 5, costUsd: 0, answer: null, error: { code: 'SY_ERR_UPSTREAM_SERVER', message: 'boom', status: 502 } }),
  ]);
  assert.deepEqual([comparison.fastest, comparison.cheapest, comparison.longest, comparison.shortest], ['b', 'a', 'a', 'b']);
  assert.equal(comparison.agreement, 0);
  assert.deepEqual(comparison.table[2], { index: 2, model: 'c', latencyMs: 5, costUsd: 0, answerLength: null, error: 'SY_ERR_UPSTREAM_SERVER' });
  assert.deepEqual(comparison.table[0], { index: 0, model: 'a', latencyMs: 30, costUsd: 0.002, answerLength: 20, error: null });
});

test('agreeing answers score 1; with nothing succeeded there is no winner', () => {
  assert.equal(compareResults([answer('a', { answer: 'Echo: hi' }), answer('b', { answer: 'echo: hi.' })]).agreement, 1);
  const failed = compareResults([answer('a', { answer: null, error: { code: 'SY_ERR_UPSTREAM_TIMEOUT', message: 'slow', status: 504 } })]);
  assert.deepEqual([failed.fastest, failed.cheapest, failed.longest, failed.shortest, failed.agreement], [null, null, null, null, 1]);
});
