import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildJudgeMessages, conversationText, parseJudgeVerdict } from './judge.js';

test('the judge sees the instructions, the question and the candidates numbered from 1', () => {
  const messages = buildJudgeMessages({ question: 'Capital of France?', candidates: ['Paris', ' Lyon \n'] });
  assert.equal(messages.length, 2);
  assert.equal(messages[0].role, 'system');
  assert.match(JSON.stringify(messages[0].content), /BEST: <number>/);
  assert.deepEqual(messages[1].content, [{ type: 'text', text: 'Question:\nCapital of France?\n\nAnswers:\n\n[1]\nParis\n\n[2]\nLyon' }]);
});

test('the question is the prompt alone, or the conversation one message a line', () => {
  assert.equal(conversationText([{ role: 'user', content: [{ type: 'text', text: 'hi' }] }]), 'hi');
  const conversation = conversationText([
    { role: 'system', content: [{ type: 'text', text: 'Be brief.' }] },
    { role: 'user', content: [{ type: 'text', text: 'What is this?' }, { type: 'image', source: { kind: 'url', url: 'https://example.com/a.png' } }] },
  ]);
  assert.equal(conversation, 'system: Be brief.\nuser: What is this?\n[image]');
});

test('a verdict picks a candidate: BEST: n, a bare number, or a short sentence with one number', () => {
  for (const reply of ['BEST: 2', '**BEST**: 2', 'BEST: [2]', '2', ' 2. ', '**2**', '[2]', 'The best answer is 2.', 'Answer 2']) {
    assert.deepEqual(parseJudgeVerdict(reply, 3), { kind: 'pick', index: 1 }, reply);
  }
  assert.deepEqual(parseJudgeVerdict('Both are fine, but BEST: 1', 2), { kind: 'pick', index: 0 });
});

test('any other reply is the judge’s own answer, even one with numbers in it', () => {
  assert.deepEqual(parseJudgeVerdict('Neither: the answer is Paris.', 2), { kind: 'synthesis', answer: 'Neither: the answer is Paris.' });
  const long = 'The Eiffel Tower is 330 metres tall and was finished in 1889 for the fair.';
  assert.deepEqual(parseJudgeVerdict(long, 3), { kind: 'synthesis', answer: long });
  // A judge that only echoes its prompt (as the test fakes do) synthesises rather than picking "[1]".
  const echo = 'Echo: Question:\nhi\n\nAnswers:\n\n[1]\nEcho: hi\n\n[2]\nEcho: hi';
  assert.equal(parseJudgeVerdict(echo, 2).kind, 'synthesis');
});

test('an empty reply or a candidate that does not exist is unusable', () => {
  assert.equal(parseJudgeVerdict('  ', 2).kind, 'unusable');
  assert.deepEqual(parseJudgeVerdict('BEST: 5', 2), { kind: 'unusable', reason: 'the judge named answer 5, but there are 2' });
  assert.equal(parseJudgeVerdict('0', 2).kind, 'unusable');
});
