import assert from 'node:assert/strict';
import { test } from 'node:test';
import { answerWords, normaliseAnswer } from './normalise-answer.js';

test('answers differing in case, whitespace and trailing punctuation normalise alike', () => {
  assert.equal(normaliseAnswer('  Paris.  '), 'paris');
  assert.equal(normaliseAnswer('The capital\n\tis   PARIS!?'), 'the capital is paris');
  assert.equal(normaliseAnswer('paris'), normaliseAnswer('Paris...'));
});

test('punctuation inside the answer is kept; only the trailing run goes', () => {
  assert.equal(normaliseAnswer('3.14, roughly.'), '3.14, roughly');
  assert.equal(normaliseAnswer('!!!'), '');
});

test('words are letters and digits of any script', () => {
  assert.deepEqual(answerWords('Echo: Hello, wörld 42!'), ['echo', 'hello', 'wörld', '42']);
  assert.deepEqual(answerWords('  '), []);
});
