/**
 * Strategies through the real gateway: `intelligent` follows the request's hints (a strict budget
 * goes to the cheap deployment), and `response-time` moves traffic off a deployment that turns
 * slow. Distributions in detail are proven by the strategies' own simulation tests.
 */

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import OpenAI from 'openai';
import { startFakeOpenAI } from '../support/fake-openai.js';
import type { FakeUpstream } from '../support/fake-types.js';
import { startGateway } from '../support/gateway-harness.js';
import type { RunningGateway } from '../support/gateway-harness.js';

let cheap: FakeUpstream;
let pricey: FakeUpstream;
let running: RunningGateway;
let client: OpenAI;

before(async () => {
  [cheap, pricey] = await Promise.all([startFakeOpenAI(), startFakeOpenAI()]);
  running = await startGateway({
    yaml: `
server: { host: 127.0.0.1 }
logging: { level: silent }
providers:
  cheap: { type: openai, baseUrl: ${cheap.baseUrl}, apiKey: ${cheap.apiKey} }
  pricey: { type: openai, baseUrl: ${pricey.baseUrl}, apiKey: ${pricey.apiKey} }
models:
  - name: smart
    strategy: intelligent
    deployments:
      - { provider: pricey, model: gpt-4o, price: { inputPerMTok: 30, outputPerMTok: 60 } }
      - { provider: cheap, model: gpt-4o, price: { inputPerMTok: 0.1, outputPerMTok: 0.4 } }
  - name: fast
    strategy: response-time
    deployments:
      - { provider: cheap, model: gpt-4o }
      - { provider: pricey, model: gpt-4o }
`,
  });
  client = new OpenAI({ apiKey: running.masterKey, baseURL: `${running.url}/v1`, maxRetries: 0 });
});

after(async () => {
  await running.close();
  await Promise.all([cheap.close(), pricey.close()]);
});

async function providerOf(model: string, headers: Record<string, string> = {}): Promise<string | null> {
  const { response } = await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'hi' }] }, { headers }).withResponse();
  return response.headers.get('x-switchyard-provider');
}

test('intelligent: x-switchyard-budget: strict sends the request to the cheap deployment', async () => {
  // Exploration sends 5 % of requests elsewhere at random (unseeded here), so the bound leaves room
  // for it: with 40 requests, more than 10 explorations has a chance of about 3 in a million.
  const picks: Array<string | null> = [];
  for (let index = 0; index < 40; index += 1) picks.push(await providerOf('smart', { 'x-switchyard-budget': 'strict' }));
  assert.ok(picks.filter((pick) => pick === 'cheap').length >= 30, `mostly cheap: ${picks.join(',')}`);
});

test('response-time: a deployment that turns slow loses its traffic', async () => {
  for (let index = 0; index < 6; index += 1) await providerOf('fast');
  // Every call to `cheap` is slow from now on (more delays queued than calls can reach it).
  for (let index = 0; index < 30; index += 1) cheap.failNext({ kind: 'delay', ms: 120 });
  const picks: Array<string | null> = [];
  for (let index = 0; index < 20; index += 1) picks.push(await providerOf('fast'));
  const tail = picks.slice(8);
  // A little exploration still probes the slow one now and then.
  assert.ok(tail.filter((pick) => pick === 'pricey').length >= 9, `traffic moved to the fast deployment: ${picks.join(',')}`);
});
