import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ranksLoaded } from './o200k-ranks.js';
import { approximatePromptTokens, estimatePromptTokens, estimateTextTokens } from './token-estimator.js';
import type { ChatRequest } from '../core/index.js';

const chat = (text: string): ChatRequest => ({ model: 'm', messages: [{ role: 'user', content: [{ type: 'text', text }] }], stream: false } as unknown as ChatRequest);

// One test, in order: the first part only holds before anything has asked for an exact count.
test('the rank table is read on the first exact estimate, not at import, and counts exactly', () => {
  assert.equal(estimateTextTokens(''), 0);
  assert.ok(approximatePromptTokens(chat('hello there, how are you today?')) > 0);
  assert.equal(ranksLoaded(), false, 'importing the estimator or approximating must not read the rank table');

  assert.equal(estimateTextTokens('hello world'), 2);
  assert.equal(ranksLoaded(), true);
  // 3 for the reply priming + 3 framing for the one message + the text's own tokens.
  assert.equal(estimatePromptTokens(chat('hello world')), 3 + 3 + 2);
});

test('special-token markup in user text is counted as ordinary text, not refused', () => {
  // "<|endoftext|>" is <, |, end, of, text, |, > in o200k_base.
  assert.equal(estimateTextTokens('<|endoftext|>'), 7);
  assert.equal(estimatePromptTokens(chat('a <|im_start|> b')), 3 + 3 + estimateTextTokens('a <|im_start|> b'));
});
