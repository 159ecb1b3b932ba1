import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { approximatePromptTokens, estimatePromptTokens, estimateTextTokens } from './token-estimator.js';
import type { ChatRequest } from '../core/index.js';

const require = createRequire(import.meta.url);
const tokenizerLoaded = (): boolean => Object.keys(require.cache).some((file) => file.includes(`${'gpt-tokenizer'}/cjs/main.js`));

const chat = (text: string): ChatRequest => ({ model: 'm', messages: [{ role: 'user', content: [{ type: 'text', text }] }], stream: false } as unknown as ChatRequest);

// One test, in order: the first part only holds before anything has asked for an exact count.
test('the tokenizer is loaded on the first exact estimate, not at import, and counts exactly', () => {
  assert.equal(estimateTextTokens(''), 0);
  assert.ok(approximatePromptTokens(chat('hello there, how are you today?')) > 0);
  assert.equal(tokenizerLoaded(), false, 'importing the estimator or approximating must not load the encoding');

  assert.equal(estimateTextTokens('hello world'), 2);
  assert.equal(tokenizerLoaded(), true);
  // 3 for the reply priming + 3 framing for the one message + the text's own tokens.
  assert.equal(estimatePromptTokens(chat('hello world')), 3 + 3 + 2);
});
