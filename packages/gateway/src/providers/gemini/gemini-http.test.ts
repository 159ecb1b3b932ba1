import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { geminiUrl } from './gemini-http.js';

describe('geminiUrl', () => {
  it('appends /v1beta/models/{model}:{method} to the API root, with alt=sse for streams', () => {
    const base = 'https://generativelanguage.googleapis.com';
    assert.equal(
      geminiUrl({ baseUrl: base, model: 'gemini-2.5-flash', method: 'generateContent', query: {} }),
      'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent',
    );
    assert.equal(
      geminiUrl({ baseUrl: `${base}/`, model: 'models/gemini-2.5-flash', method: 'streamGenerateContent', query: { tag: 'x' } }),
      'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse&tag=x',
    );
  });

  it('keeps a base URL that already names an API version', () => {
    assert.equal(
      geminiUrl({ baseUrl: 'http://127.0.0.1:9/v1', model: 'text-embedding-004', method: 'embedContent', query: {} }),
      'http://127.0.0.1:9/v1/models/text-embedding-004:embedContent',
    );
  });
});
