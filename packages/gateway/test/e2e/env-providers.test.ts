/**
 * Providers from the environment alone: with provider keys (and base URLs pointing at the fakes)
 * set and no providers in the config file, each provider is available with its default models,
 * Azure OpenAI included (deployment in the path, api-version, api-key header).
 */

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { startFakeOpenAI } from '../support/fake-openai.js';
import type { FakeUpstream } from '../support/fake-types.js';
import { startFakes, startGateway } from '../support/gateway-harness.js';
import type { Fakes, RunningGateway } from '../support/gateway-harness.js';

const API_VERSION = '2024-10-21';
let fakes: Fakes;
let azure: FakeUpstream;
let running: RunningGateway;

before(async () => {
  fakes = await startFakes();
  azure = await startFakeOpenAI({ azure: { apiVersion: API_VERSION } });
  running = await startGateway({
    yaml: 'server: { host: 127.0.0.1 }\nlogging: { level: silent }\n',
    env: {
      OPENAI_API_KEY: fakes.openai.apiKey,
      OPENAI_BASE_URL: fakes.openai.baseUrl,
      ANTHROPIC_API_KEY: fakes.anthropic.apiKey,
      ANTHROPIC_BASE_URL: fakes.anthropic.baseUrl,
      GEMINI_API_KEY: fakes.gemini.apiKey,
      GEMINI_BASE_URL: fakes.gemini.baseUrl,
      AZURE_OPENAI_API_KEY: azure.apiKey,
      AZURE_OPENAI_ENDPOINT: azure.baseUrl,
      AZURE_OPENAI_API_VERSION: API_VERSION,
      AZURE_OPENAI_DEPLOYMENTS: 'prod-gpt4o',
    },
  });
});

after(async () => {
  await running.close();
  await fakes.close();
  await azure.close();
});

test('env-detected providers serve their default models through both client protocols', async () => {
  const openai = new OpenAI({ apiKey: running.masterKey, baseURL: `${running.url}/v1`, maxRetries: 0 });
  const ids: string[] = [];
  for await (const model of openai.models.list()) ids.push(model.id);
  for (const expected of ['gpt-4o', 'claude-sonnet-4-5', 'gemini-2.5-flash', 'prod-gpt4o']) assert.ok(ids.includes(expected), `${expected} in ${ids.join(', ')}`);
  assert.equal(running.gateway.config.usingSimulatorFallback, false);

  for (const model of ['gpt-4o', 'claude-sonnet-4-5', 'gemini-2.5-flash']) {
    const completion = await openai.chat.completions.create({ model, messages: [{ role: 'user', content: 'from env' }] });
    assert.equal(completion.choices[0].message.content, 'Echo: from env', model);
  }
  const anthropic = new Anthropic({ apiKey: running.masterKey, baseURL: running.url, maxRetries: 0 });
  const message = await anthropic.messages.create({ model: 'gemini-2.5-flash', max_tokens: 20, messages: [{ role: 'user', content: 'hi' }] });
  assert.equal(message.content[0].type === 'text' ? message.content[0].text : '', 'Echo: hi');
});

test('Azure OpenAI from the environment: deployment name in the path, api-version and api-key header', async () => {
  const openai = new OpenAI({ apiKey: running.masterKey, baseURL: `${running.url}/v1`, maxRetries: 0 });
  const completion = await openai.chat.completions.create({ model: 'prod-gpt4o', messages: [{ role: 'user', content: 'azure' }] });
  assert.equal(completion.choices[0].message.content, 'Echo: azure');
  const request = azure.requests.at(-1);
  assert.ok(request);
  assert.match(request.url, new RegExp(`^/openai/deployments/prod-gpt4o/chat/completions\\?api-version=${API_VERSION}$`));
  assert.equal(request.headers['api-key'], azure.apiKey);
  assert.equal(request.headers.authorization, undefined);
  const stream = await openai.chat.completions.create({ model: 'prod-gpt4o', stream: true, messages: [{ role: 'user', content: 'azure stream' }] });
  let text = '';
  for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
  assert.equal(text, 'Echo: azure stream');
});
