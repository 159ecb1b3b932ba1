import assert from 'node:assert/strict';
import { test } from 'node:test';
import { meanPairwiseAgreement, meanSimilarityToOthers, mostAgreeingAnswer, similarity, similarityMatrix } from './agreement.js';

test('similarity is the Jaccard index of the normalised word sets', () => {
  assert.equal(similarity('The cat sat', 'the CAT sat.'), 1);
  assert.equal(similarity('red apple', 'green apple'), 1 / 3);
  assert.equal(similarity('yes', 'no'), 0);
  assert.equal(similarity('', '  '), 1);
  assert.equal(similarity('words', ''), 0);
});

test('the matrix is symmetric with ones on the diagonal', () => {
  const matrix = similarityMatrix(['a b', 'b c', 'x']);
  assert.deepEqual(matrix.map((row) => row.map((value) => Math.round(value * 1000) / 1000)), [
    [1, 0.333, 0],
    [0.333, 1, 0],
    [0, 0, 1],
  ]);
  assert.equal(meanSimilarityToOthers(matrix, 2), 0);
  assert.equal(meanSimilarityToOthers([[1]], 0), 1);
});

test('mean pairwise agreement: identical answers score 1, disjoint ones 0, one answer alone 1', () => {
  assert.equal(meanPairwiseAgreement(['Echo: hi', 'echo: hi', 'ECHO hi!']), 1);
  assert.equal(meanPairwiseAgreement(['one', 'two', 'three']), 0);
  assert.equal(meanPairwiseAgreement(['red apple', 'green apple']), 0.3333);
  assert.equal(meanPairwiseAgreement(['alone']), 1);
  assert.equal(meanPairwiseAgreement([]), 1);
});

test('the most agreeing answer is the one closest to all the others; the first wins a tie', () => {
  assert.equal(mostAgreeingAnswer(['Paris is the capital', 'the capital is Paris', 'Lyon']), 0);
  assert.equal(mostAgreeingAnswer(['Lyon', 'Paris, the capital of France', 'the capital is Paris']), 1);
  assert.equal(mostAgreeingAnswer(['a', 'b']), 0);
  assert.equal(mostAgreeingAnswer([]), -1);
});
