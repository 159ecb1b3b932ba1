/**
 * Active health probes through the real gateway and the fake upstreams, with no client traffic:
 * an OpenAI-protocol deployment (probed with GET /models) whose upstream goes down has its breaker
 * opened by the probes alone, and closed again by a probe once the upstream is back; an Anthropic
 * deployment is probed with a one-token chat. Probes are not traffic and write no usage rows.
 */

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startFakes, startGateway, usageRows } from '../support/gateway-harness.js';
import type { Fakes, RunningGateway } from '../support/gateway-harness.js';
import { startToggleProxy } from '../support/toggle-proxy.js';
import type { ToggleProxy } from '../support/toggle-proxy.js';

let fakes: Fakes;
let proxy: ToggleProxy;
let running: RunningGateway;

before(async () => {
  fakes = await startFakes();
  proxy = await startToggleProxy(fakes.openai.baseUrl);
  running = await startGateway({
    yaml: `
server: { host: 127.0.0.1 }
logging: { level: silent }
usage: { flushIntervalMs: 20 }
providers:
  flaky: { type: openai, baseUrl: ${proxy.baseUrl}, apiKey: ${fakes.openai.apiKey} }
  anthropic: { type: anthropic, baseUrl: ${fakes.anthropic.baseUrl}, apiKey: ${fakes.anthropic.apiKey} }
models:
  - name: probed
    strategy: weighted
    deployments:
      - { provider: flaky, model: gpt-4o, id: flaky-dep, weight: 1000, healthCheck: { intervalMs: 40, timeoutMs: 1000 } }
      - { provider: anthropic, model: claude-sonnet-4-5, id: claude-dep, weight: 1, healthCheck: { intervalMs: 40, timeoutMs: 1000 } }
routing:
  breaker: { failureThreshold: 2, cooldownMs: 200 }
`,
  });
});

after(async () => {
  await running.close();
  await proxy.close();
  await fakes.close();
});

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let round = 0; round < 500 && !condition(); round += 1) await new Promise((resolve) => setTimeout(resolve, 20));
  assert.ok(condition(), what);
}

const breaker = (id: string) => running.gateway.router.breakers.state(id);

test("probes alone open a down deployment's breaker, and close it once the upstream is back", async () => {
  await until(() => fakes.openai.requests.some((request) => request.method === 'GET' && request.url === '/v1/models'), 'the OpenAI deployment is probed with GET /models');
  assert.equal(breaker('flaky-dep'), 'closed');

  proxy.down();
  await until(() => breaker('flaky-dep') === 'open', 'failed probes open the breaker');
  assert.equal(running.gateway.router.stats.snapshot('flaky-dep').lastFailureCode, 'SY_ERR_UPSTREAM_UNREACHABLE');
  // While it is open, client traffic goes to the other deployment although the weights favour this one.
  const during = await fetch(`${running.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${running.masterKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'probed', messages: [{ role: 'user', content: 'hi' }] }),
  });
  assert.equal(during.status, 200);
  assert.equal(during.headers.get('x-switchyard-provider'), 'anthropic');

  proxy.up();
  await until(() => breaker('flaky-dep') === 'closed', 'a probe after the cool-down closes the breaker');
  assert.equal(running.gateway.router.stats.snapshot('flaky-dep').totalStarted, 0, 'probes are not counted as traffic');
  assert.equal(fakes.openai.requests.filter((request) => request.method === 'POST').length, 0, 'no client request reached the OpenAI upstream');
});

test('an Anthropic deployment is probed with a one-token chat; probes leave no usage rows', async () => {
  await until(() => fakes.anthropic.requests.some((request) => request.url.startsWith('/v1/messages')), 'the Anthropic deployment is probed');
  const probe = fakes.anthropic.requests.find((request) => request.url.startsWith('/v1/messages'));
  assert.equal((probe?.body as { max_tokens?: number }).max_tokens, 1);
  assert.equal(breaker('claude-dep'), 'closed');
  const rows = await usageRows(running);
  assert.equal(rows.length, 1, 'only the client request of the first test has a row');
});
