/**
 * Circuit breakers through the real gateway: a deployment that keeps failing is taken out of
 * rotation (no more calls reach it), gets one trial after the cool-down, and is back on success.
 */

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import OpenAI from 'openai';
import { startFakeOpenAI } from '../support/fake-openai.js';
import type { FakeUpstream } from '../support/fake-types.js';
import { startGateway } from '../support/gateway-harness.js';
import type { RunningGateway } from '../support/gateway-harness.js';

let flaky: FakeUpstream;
let steady: FakeUpstream;
let running: RunningGateway;
let client: OpenAI;

before(async () => {
  [flaky, steady] = await Promise.all([startFakeOpenAI(), startFakeOpenAI()]);
  running = await startGateway({
    yaml: `
server: { host: 127.0.0.1 }
logging: { level: silent }
providers:
  flaky: { type: openai, baseUrl: ${flaky.baseUrl}, apiKey: ${flaky.apiKey} }
  steady: { type: openai, baseUrl: ${steady.baseUrl}, apiKey: ${steady.apiKey} }
models:
  - name: pair
    strategy: weighted
    deployments: [{ provider: flaky, model: gpt-4o, weight: 1000 }, { provider: steady, model: gpt-4o, weight: 1 }]
routing:
  retries: { maxPerDeployment: 0 }
  breaker: { failureThreshold: 3, cooldownMs: 400, minimumRequests: 100 }
`,
  });
  client = new OpenAI({ apiKey: running.masterKey, baseURL: `${running.url}/v1`, maxRetries: 0 });
});

after(async () => {
  await running.close();
  await Promise.all([flaky.close(), steady.close()]);
});

async function providerOf(): Promise<string | null> {
  const { response } = await client.chat.completions.create({ model: 'pair', messages: [{ role: 'user', content: 'hi' }] }).withResponse();
  return response.headers.get('x-switchyard-provider');
}

test('three failures open the breaker; traffic skips the deployment; a trial after the cool-down closes it', async () => {
  for (let index = 0; index < 3; index += 1) {
    flaky.failNext({ kind: 'http', status: 500 });
    assert.equal(await providerOf(), 'steady', 'failed over while the breaker counts');
  }
  const callsWhenOpen = flaky.requests.length;
  for (let index = 0; index < 5; index += 1) assert.equal(await providerOf(), 'steady');
  assert.equal(flaky.requests.length, callsWhenOpen, 'no call reaches a deployment whose breaker is open');

  await new Promise((resolve) => setTimeout(resolve, 450));
  assert.equal(await providerOf(), 'flaky', 'the half-open trial goes to the recovered deployment');
  assert.equal(await providerOf(), 'flaky', 'closed again after the trial succeeded');
});
