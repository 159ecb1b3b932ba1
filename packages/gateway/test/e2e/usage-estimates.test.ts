/**
 * Usage rows when the provider reports no usage: an OpenAI-compatible server that does not
 * support stream_options gets no usage request, so the row's tokens are estimated from what was
 * sent and relayed, and marked as estimated, rather than recorded as 0.
 */

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import OpenAI from 'openai';
import { startFakes, startGateway, usageRows } from '../support/gateway-harness.js';
import type { Fakes, RunningGateway } from '../support/gateway-harness.js';

let fakes: Fakes;
let running: RunningGateway;

before(async () => {
  fakes = await startFakes();
  running = await startGateway({
    yaml: `
server: { host: 127.0.0.1 }
logging: { level: silent }
providers:
  old-server: { type: openai, baseUrl: ${fakes.openai.baseUrl}, apiKey: ${fakes.openai.apiKey}, supportsStreamUsage: false }
models:
  - name: old
    deployments: [{ provider: old-server, model: gpt-4o }]
`,
  });
});

after(async () => {
  await running.close();
  await fakes.close();
});

test('a pass-through stream without upstream usage records estimated tokens', async () => {
  const client = new OpenAI({ apiKey: running.masterKey, baseURL: `${running.url}/v1`, maxRetries: 0 });
  const stream = await client.chat.completions.create({ model: 'old', stream: true, messages: [{ role: 'user', content: 'count my words please' }] });
  let text = '';
  for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
  assert.equal(text, 'Echo: count my words please');
  const upstreamBody = fakes.openai.requests.at(-1)?.body as Record<string, unknown>;
  assert.equal(upstreamBody.stream_options, undefined, 'no stream_options sent to a server that does not support them');
  const [row] = (await usageRows(running)).filter((candidate) => candidate.stream);
  assert.equal(row.tokensEstimated, true);
  assert.ok(row.promptTokens > 0);
  assert.ok(row.completionTokens >= 5, `completion tokens estimated from the relayed text (${row.completionTokens})`);
});
