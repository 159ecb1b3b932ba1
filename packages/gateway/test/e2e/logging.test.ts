/**
 * Structured logs: bodies are logged only when `logging.bodies` is on, keys never appear, and a
 * model without a known price is called out at start.
 */

import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { after, test } from 'node:test';
import { startFakes, startGateway, MASTER_KEY } from '../support/gateway-harness.js';
import type { Fakes } from '../support/gateway-harness.js';

let fakes: Fakes | undefined;
after(async () => fakes?.close());

async function runWith(bodies: boolean): Promise<string> {
  fakes ??= await startFakes();
  const destination = new PassThrough();
  let log = '';
  destination.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  const running = await startGateway({
    yaml: `
server: { host: 127.0.0.1 }
logging: { level: info, bodies: ${bodies} }
providers:
  openai: { type: openai, baseUrl: ${fakes.openai.baseUrl}, apiKey: ${fakes.openai.apiKey} }
models:
  - name: gpt-4o
    deployments: [{ provider: openai, model: gpt-4o }]
  - name: house-model
    deployments: [{ provider: openai, model: house-model-unpriced }]
`,
    log: { level: 'info', destination },
  });
  await fetch(`${running.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${MASTER_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'a secret prompt' }] }),
  });
  await running.close();
  return log;
}

test('bodies are not logged by default; keys never are', async () => {
  const log = await runWith(false);
  assert.doesNotMatch(log, /a secret prompt/);
  assert.ok(!log.includes(MASTER_KEY));
  assert.ok(!log.includes(fakes?.openai.apiKey ?? 'x'));
  assert.match(log, /house-model-unpriced/, 'an unpriced model is called out');
  for (const line of log.trim().split('\n')) JSON.parse(line);
});

test('logging.bodies: true logs the request and response bodies', async () => {
  const log = await runWith(true);
  assert.match(log, /"requestBody":".*a secret prompt/);
  assert.match(log, /"responseBody":".*Echo: a secret prompt/);
  assert.ok(!log.includes(MASTER_KEY));
});
