import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decideByAgreement, decideByJudge, decideByMajority, singleAnswer } from './decide-consensus.js';

const candidates = [
  { model: 'a', answer: 'Lyon' },
  { model: 'b', answer: 'Paris.' },
  { model: 'c', answer: 'paris' },
];

test('majority: the most common normalised answer, in its first wording, with its votes', () => {
  assert.deepEqual(decideByMajority(candidates), { answer: 'Paris.', model: 'b', method: 'majority', votes: 2, note: null });
});

test('agreement: the answer closest to the others', () => {
  const decision = decideByAgreement([{ model: 'a', answer: 'x y' }, { model: 'b', answer: 'y z' }, { model: 'c', answer: 'q' }]);
  assert.deepEqual([decision.model, decision.method, decision.votes], ['a', 'agreement', null]);
});

test('judge: a pick names the model, a synthesis names none, an unusable reply falls back to agreement', () => {
  assert.deepEqual(decideByJudge({ candidates, verdict: { kind: 'pick', index: 2 } }), { answer: 'paris', model: 'c', method: 'judge-pick', votes: null, note: null });
  assert.deepEqual(decideByJudge({ candidates, verdict: { kind: 'synthesis', answer: 'Paris, France' } }), {
    answer: 'Paris, France',
    model: null,
    method: 'judge-synthesis',
    votes: null,
    note: null,
  });
  const fallback = decideByJudge({ candidates, verdict: { kind: 'unusable', reason: 'the judge failed' } });
  assert.equal(fallback.method, 'judge-fallback');
  assert.equal(fallback.model, 'b');
  assert.match(fallback.note ?? '', /^the judge failed; the answer that agrees most/);
});

test('a single answer is taken as it is; no answers is a programming error', () => {
  assert.deepEqual(singleAnswer({ model: 'a', answer: 'x' }), { answer: 'x', model: 'a', method: 'single-answer', votes: null, note: null });
  assert.throws(() => decideByMajority([]), RangeError);
});
