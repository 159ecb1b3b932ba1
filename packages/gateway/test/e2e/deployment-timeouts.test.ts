/**
 * Per-deployment timeouts through the real gateway: two deployments of the same provider (the fake
 * OpenAI upstream), one with its own `timeouts.firstByteMs`. The same slow upstream answer times
 * out on that deployment only; the other keeps the provider's timeouts and answers.
 */

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import OpenAI from 'openai';
import { startFakes, startGateway, usageRows } from '../support/gateway-harness.js';
import type { Fakes, RunningGateway } from '../support/gateway-harness.js';

let fakes: Fakes;
let running: RunningGateway;
let client: OpenAI;

before(async () => {
  fakes = await startFakes();
  running = await startGateway({
    yaml: `
server: { host: 127.0.0.1 }
logging: { level: silent }
usage: { flushIntervalMs: 20 }
routing: { retries: { maxPerDeployment: 0 } }
providers:
  shared: { type: openai, baseUrl: ${fakes.openai.baseUrl}, apiKey: ${fakes.openai.apiKey}, timeouts: { firstByteMs: 5000 } }
models:
  - name: quick
    deployments: [{ provider: shared, model: gpt-4o, id: quick-dep, timeouts: { firstByteMs: 150 } }]
  - name: patient
    deployments: [{ provider: shared, model: gpt-4o, id: patient-dep }]
`,
  });
  client = new OpenAI({ apiKey: running.masterKey, baseURL: `${running.url}/v1`, maxRetries: 0 });
});

after(async () => {
  await running.close();
  await fakes.close();
});

const ask = (model: string) => client.chat.completions.create({ model, messages: [{ role: 'user', content: 'hi' }] });

test("a slow first byte times out on the deployment with its own short timeout, not on its provider's other deployment", async () => {
  fakes.openai.failNext({ kind: 'delay', ms: 600 });
  const error = await ask('quick').catch((caught: unknown) => caught);
  assert.ok(error instanceof OpenAI.APIError);
  assert.equal(error.status, 504);

  fakes.openai.failNext({ kind: 'delay', ms: 600 });
  const { data, response } = await ask('patient').withResponse();
  assert.equal(data.choices[0].message.content, 'Echo: hi');
  assert.equal(response.headers.get('x-switchyard-provider'), 'shared', 'both deployments still name their provider');

  const rows = await usageRows(running);
  const quick = rows.find((row) => row.deploymentId === 'quick-dep');
  assert.equal(quick?.errorCode, 'SY_ERR_UPSTREAM_TIMEOUT');
  assert.equal(rows.find((row) => row.deploymentId === 'patient-dep')?.outcome, 'success');
});
