import assert from 'node:assert/strict';
import { test } from 'node:test';
import { majorityVote } from './majority-vote.js';

test('the most common normalised answer wins, reported by its first occurrence', () => {
  assert.deepEqual(majorityVote(['Lyon', 'Paris.', 'paris', ' PARIS ']), { index: 1, votes: 3 });
  assert.deepEqual(majorityVote(['42', 'forty-two', '42!']), { index: 0, votes: 2 });
});

test('a tie goes to the group whose answer agrees most with the others', () => {
  // Each answer is alone; "the capital is paris" shares words with both others.
  assert.deepEqual(majorityVote(['paris', 'the capital is paris', 'the capital']), { index: 1, votes: 1 });
  // Two groups of two: "black cat" also shares a word with the lone "cat"; "dog" shares none.
  assert.deepEqual(majorityVote(['dog', 'dog', 'black cat', 'black cat', 'cat']), { index: 2, votes: 2 });
});

test('a full tie goes to the earliest answer; no answers, no vote', () => {
  assert.deepEqual(majorityVote(['yes', 'no']), { index: 0, votes: 1 });
  assert.equal(majorityVote([]), null);
});
