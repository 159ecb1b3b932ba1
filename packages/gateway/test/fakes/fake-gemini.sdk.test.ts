/**
 * Proves the fake Gemini upstream speaks the real wire format: the official @google/genai SDK,
 * pointed at it, gets well-formed answers, streams, function calls, embeddings and ApiErrors.
 */

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApiError, GoogleGenAI, Type } from '@google/genai';
import type { Content } from '@google/genai';
import { startFakeGemini } from '../support/fake-gemini.js';
import type { FakeUpstream } from '../support/fake-types.js';

const MODEL = 'gemini-2.5-flash';
const weatherTool = {
  functionDeclarations: [
    {
      name: 'get_weather',
      description: 'Weather in a city',
      parameters: { type: Type.OBJECT, properties: { city: { type: Type.STRING } }, required: ['city'] },
    },
  ],
};

describe('fake Gemini upstream, driven by @google/genai', () => {
  let fake: FakeUpstream;
  let ai: GoogleGenAI;

  before(async () => {
    fake = await startFakeGemini();
    ai = new GoogleGenAI({ apiKey: fake.apiKey, httpOptions: { baseUrl: fake.baseUrl } });
  });
  after(() => fake.close());

  it('answers generateContent with a system instruction', async () => {
    const response = await ai.models.generateContent({
      model: MODEL,
      contents: 'hello there',
      config: { systemInstruction: 'Be brief.', maxOutputTokens: 50 },
    });
    assert.equal(response.text, 'Echo: hello there');
    assert.equal(response.candidates?.[0]?.finishReason, 'STOP');
    assert.equal(response.candidates?.[0]?.content?.role, 'model');
    assert.equal(response.modelVersion, MODEL);
    assert.ok(response.responseId);
    assert.deepEqual(response.usageMetadata?.promptTokenCount, 4);
    assert.equal(response.usageMetadata?.candidatesTokenCount, 3);
    assert.equal(response.usageMetadata?.totalTokenCount, 7);
    const recorded = fake.requests.at(-1);
    assert.equal(recorded?.url, `/v1beta/models/${MODEL}:generateContent`);
    assert.equal(recorded?.headers['x-goog-api-key'], fake.apiKey);
    assert.deepEqual((recorded?.body as { systemInstruction: unknown }).systemInstruction, { parts: [{ text: 'Be brief.' }], role: 'user' });
  });

  it('streams generateContentStream in several chunks, usage and finish on the last', async () => {
    const stream = await ai.models.generateContentStream({ model: MODEL, contents: 'stream me please' });
    const texts: string[] = [];
    let finishReason: string | undefined;
    let usage: { totalTokenCount?: number } | undefined;
    for await (const chunk of stream) {
      texts.push(chunk.text ?? '');
      finishReason = chunk.candidates?.[0]?.finishReason ?? finishReason;
      usage = chunk.usageMetadata;
    }
    assert.ok(texts.length > 2);
    assert.equal(texts.join(''), 'Echo: stream me please');
    assert.equal(finishReason, 'STOP');
    assert.equal(usage?.totalTokenCount, 3 + 4);
    assert.equal(fake.requests.at(-1)?.url, `/v1beta/models/${MODEL}:streamGenerateContent?alt=sse`);
  });

  it('round-trips a function call and its response', async () => {
    const contents: Content[] = [{ role: 'user', parts: [{ text: 'What is the weather in Paris?' }] }];
    const first = await ai.models.generateContent({ model: MODEL, contents, config: { tools: [weatherTool] } });
    assert.deepEqual(first.functionCalls, [{ name: 'get_weather', args: { city: 'Paris' } }]);
    assert.equal(first.candidates?.[0]?.finishReason, 'STOP');
    const modelTurn = first.candidates?.[0]?.content;
    assert.ok(modelTurn);
    contents.push(modelTurn, { role: 'user', parts: [{ functionResponse: { name: 'get_weather', response: { result: 'sunny, 21C' } } }] });
    const second = await ai.models.generateContent({ model: MODEL, contents, config: { tools: [weatherTool] } });
    assert.equal(second.text, 'Tool said: sunny, 21C');
  });

  it('signs Gemini 3 function calls and rejects a replay that lost the signature', async () => {
    const model = 'gemini-3-flash-preview';
    const contents: Content[] = [{ role: 'user', parts: [{ text: 'weather in Paris?' }] }];
    const first = await ai.models.generateContent({ model, contents, config: { tools: [weatherTool] } });
    const modelTurn = first.candidates?.[0]?.content;
    assert.match(modelTurn?.parts?.[0]?.thoughtSignature ?? '', /^[A-Za-z0-9+/]+=*$/);
    const answer: Content = { role: 'user', parts: [{ functionResponse: { name: 'get_weather', response: { result: 'sunny' } } }] };
    const second = await ai.models.generateContent({ model, contents: [...contents, modelTurn!, answer], config: { tools: [weatherTool] } });
    assert.equal(second.text, 'Tool said: sunny');
    const unsigned: Content = { role: 'model', parts: [{ functionCall: { name: 'get_weather', args: { city: 'Paris' } } }] };
    await assert.rejects(
      ai.models.generateContent({ model, contents: [...contents, unsigned, answer], config: { tools: [weatherTool] } }),
      (error: unknown) => error instanceof ApiError && error.status === 400 && /missing a thought_signature/.test(error.message),
    );
  });

  it('makes parallel function calls when asked', async () => {
    const response = await ai.models.generateContent({
      model: MODEL,
      contents: 'weather in two cities, parallel please',
      config: { tools: [weatherTool] },
    });
    assert.deepEqual(response.functionCalls?.map((call) => call.args), [{ city: 'Paris' }, { city: 'Tokyo' }]);
  });

  it('answers JSON in JSON mode', async () => {
    const response = await ai.models.generateContent({
      model: MODEL,
      contents: 'give json',
      config: { responseMimeType: 'application/json', responseJsonSchema: { type: 'object', properties: { echo: { type: 'string' } } } },
    });
    assert.deepEqual(JSON.parse(response.text ?? ''), { echo: 'give json' });
  });

  it('reports MAX_TOKENS for a long answer', async () => {
    const response = await ai.models.generateContent({ model: MODEL, contents: 'a long answer', config: { maxOutputTokens: 5 } });
    assert.equal(response.candidates?.[0]?.finishReason, 'MAX_TOKENS');
    assert.equal(response.usageMetadata?.candidatesTokenCount, 5);
  });

  it('embeds one text and several texts with the requested dimensionality', async () => {
    const one = await ai.models.embedContent({ model: 'gemini-embedding-001', contents: 'hello', config: { outputDimensionality: 8 } });
    assert.equal(one.embeddings?.length, 1);
    assert.equal(one.embeddings?.[0]?.values?.length, 8);
    const several = await ai.models.embedContent({ model: 'gemini-embedding-001', contents: ['a', 'b', 'a'] });
    assert.equal(several.embeddings?.length, 3);
    assert.equal(several.embeddings?.[0]?.values?.length, 3072);
    assert.deepEqual(several.embeddings?.[0]?.values, several.embeddings?.[2]?.values);
    assert.notDeepEqual(several.embeddings?.[0]?.values, several.embeddings?.[1]?.values);
    assert.equal(fake.requests.at(-1)?.url, '/v1beta/models/gemini-embedding-001:batchEmbedContents');
  });

  it('rejects a wrong key with the SDK ApiError (400 API_KEY_INVALID)', async () => {
    const wrong = new GoogleGenAI({ apiKey: 'wrong-key', httpOptions: { baseUrl: fake.baseUrl } });
    await assert.rejects(wrong.models.generateContent({ model: MODEL, contents: 'hi' }), (error: unknown) => {
      assert.ok(error instanceof ApiError);
      assert.equal(error.status, 400);
      assert.match(error.message, /API key not valid/);
      assert.match(error.message, /API_KEY_INVALID/);
      return true;
    });
  });

  it('surfaces a scripted 429 as ApiError with status 429', async () => {
    fake.failNext({ kind: 'http', status: 429 });
    await assert.rejects(ai.models.generateContent({ model: MODEL, contents: 'hi' }), (error: unknown) => {
      assert.ok(error instanceof ApiError);
      assert.equal(error.status, 429);
      assert.match(error.message, /RESOURCE_EXHAUSTED/);
      return true;
    });
  });

  it('surfaces an in-band stream error as ApiError', async () => {
    fake.failNext({ kind: 'mid-stream', afterEvents: 1, message: 'boom' });
    const stream = await ai.models.generateContentStream({ model: MODEL, contents: 'stream me please' });
    await assert.rejects(
      (async () => {
        for await (const chunk of stream) void chunk;
      })(),
      (error: unknown) => error instanceof ApiError && error.status === 500 && /boom/.test(error.message),
    );
  });

  it('rejects what the real API rejects', async () => {
    const post = (body: unknown) =>
      fetch(`${fake.baseUrl}/v1beta/models/${MODEL}:generateContent`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-goog-api-key': fake.apiKey },
        body: JSON.stringify(body),
      }).then(async (response) => ({ status: response.status, body: (await response.json()) as { error: { message: string; status: string } } }));
    const unknown = await post({ contents: [{ role: 'user', parts: [{ text: 'hi' }] }], generationConfig: { foo: 1 } });
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.error.status, 'INVALID_ARGUMENT');
    assert.equal(unknown.body.error.message, `Invalid JSON payload received. Unknown name "foo" at 'generation_config': Cannot find field.`);
    const role = await post({ contents: [{ role: 'assistant', parts: [{ text: 'hi' }] }] });
    assert.equal(role.body.error.message, 'Please use a valid role: user, model.');
    const orphan = await post({
      contents: [
        { role: 'user', parts: [{ text: 'hi' }] },
        { role: 'model', parts: [{ functionCall: { name: 'a', args: {} } }] },
        { role: 'user', parts: [{ functionResponse: { name: 'b', response: {} } }] },
      ],
    });
    assert.equal(orphan.status, 400);
    const empty = await post({ contents: [] });
    assert.equal(empty.status, 400);
    const snakeCase = await post({ contents: [{ role: 'user', parts: [{ text: 'snake' }] }], generation_config: { max_output_tokens: 5 } });
    assert.equal(snakeCase.status, 200);
  });
});
