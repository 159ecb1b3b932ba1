/**
 * GET /api/ai/metrics and /api/ai/metrics/manager through the real gateway and the fake
 * upstreams: the totals follow the requests sent (count, tokens, errors, latency), today's cost
 * is seeded from the usage table at start, the manager shows each group's deployments with their
 * load, breaker, weight and share; both need `analytics.read`, and their answers match the
 * OpenAPI document.
 */

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { OpenApiDocument } from '../../src/server/openapi/openapi-types.js';
import { startFakes, startGateway, standardConfig, usageRows } from '../support/gateway-harness.js';
import type { Fakes, RunningGateway } from '../support/gateway-harness.js';
import { managementClient } from '../support/management-client.js';
import { startAnswerValidator } from '../support/openapi-answers.js';

interface Metrics {
  totalRequests: number;
  activeRequests: number;
  avgResponseTime: number | null;
  errorRate: number;
  modelsActive: number;
  tokensProcessed: number;
  costToday: number;
  cacheHitRate: number;
  requestsPerSecond: number;
  latencyP50Ms: number | null;
  latencyP95Ms: number | null;
  uptimeSeconds: number;
}

interface Manager {
  algorithm: string;
  totalDistributed: number;
  queueLength: number;
  modelLoads: Array<{ model: string; strategy: string; deployments: Array<{ id: string; inFlight: number; share: number; breaker: string; weight: number; totalRequests: number }> }>;
}

let fakes: Fakes;
let dataDir: string;
let databaseUrl: string;
let running: RunningGateway;

function yaml(): string {
  return standardConfig(fakes)
    .replace('routing: { retries: { maxPerDeployment: 0 } }', 'routing: { strategy: least-connections, retries: { maxPerDeployment: 0 } }')
    .concat(`  - name: pair
    strategy: round-robin
    deployments:
      - { provider: openai, model: gpt-4o, id: pair-openai, weight: 2, price: { inputPerMTok: 1000, outputPerMTok: 1000 } }
      - { provider: anthropic, model: claude-sonnet-4-5, id: pair-anthropic }
`);
}

before(async () => {
  fakes = await startFakes();
  dataDir = mkdtempSync(join(tmpdir(), 'switchyard-metrics-'));
  databaseUrl = `sqlite:${join(dataDir, 'switchyard.db')}`;
  running = await startGateway({ yaml: yaml(), databaseUrl });
});

after(async () => {
  await running.close();
  await fakes.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('GET /api/ai/metrics follows the requests sent', async () => {
  const api = managementClient(running);
  const empty = await api.expect<Metrics>(200, 'GET', '/api/ai/metrics');
  assert.equal(empty.totalRequests, 0);
  assert.equal(empty.avgResponseTime, null);
  assert.equal(empty.latencyP50Ms, null);
  for (let index = 0; index < 4; index += 1) assert.equal((await api.chat(running.masterKey, 'pair')).status, 200);
  assert.notEqual((await api.chat(running.masterKey, 'badkey')).status, 200);
  const metrics = await api.expect<Metrics>(200, 'GET', '/api/ai/metrics');
  const rows = await usageRows(running);
  assert.equal(metrics.totalRequests, rows.length);
  assert.equal(metrics.tokensProcessed, rows.reduce((sum, row) => sum + row.promptTokens + row.completionTokens, 0));
  assert.equal(metrics.errorRate, 0.2);
  assert.equal(metrics.modelsActive, 2);
  assert.equal(metrics.activeRequests, 0);
  assert.equal(metrics.cacheHitRate, 0);
  assert.ok(metrics.requestsPerSecond > 0);
  const mean = rows.reduce((sum, row) => sum + row.latencyMs, 0) / rows.length;
  // The usage table stores whole milliseconds.
  assert.ok(metrics.avgResponseTime !== null && Math.abs(metrics.avgResponseTime - mean) <= 1, `${metrics.avgResponseTime} vs ${mean}`);
  assert.ok(metrics.latencyP50Ms !== null && metrics.latencyP95Ms !== null && metrics.latencyP95Ms >= metrics.latencyP50Ms);
  const spent = rows.reduce((sum, row) => sum + row.costUsd, 0);
  assert.ok(spent > 0, 'the priced deployment cost something');
  assert.ok(Math.abs(metrics.costToday - spent) < 1e-6);
});

test('GET /api/ai/metrics/manager shows the strategy, what was distributed, and each deployment', async () => {
  const api = managementClient(running);
  const manager = await api.expect<Manager>(200, 'GET', '/api/ai/metrics/manager');
  assert.equal(manager.algorithm, 'least-connections');
  assert.equal(manager.queueLength, 0);
  const pair = manager.modelLoads.find((load) => load.model === 'pair');
  assert.ok(pair);
  assert.equal(pair.strategy, 'round-robin');
  assert.deepEqual(pair.deployments.map((deployment) => [deployment.id, deployment.weight, deployment.breaker, deployment.share, deployment.totalRequests, deployment.inFlight]), [
    ['pair-openai', 2, 'closed', 0.5, 2, 0],
    ['pair-anthropic', 1, 'closed', 0.5, 2, 0],
  ]);
  assert.ok(manager.totalDistributed >= 5, 'every attempt counts');
});

test('both need analytics.read: a viewer reads them, a developer and a data key may not', async () => {
  const api = managementClient(running);
  const viewer = await api.user({ email: 'metrics-viewer@example.com', role: 'viewer' });
  const developer = await api.user({ email: 'metrics-dev@example.com', role: 'developer' });
  const dataKey = await api.expect<{ secret: string }>(201, 'POST', '/api/keys', { body: { name: 'data' } });
  for (const path of ['/api/ai/metrics', '/api/ai/metrics/manager']) {
    assert.equal((await api.api('GET', path, { credential: viewer.token })).status, 200, path);
    assert.equal((await api.api('GET', path, { credential: developer.token })).status, 403, path);
    assert.equal((await api.api('GET', path, { credential: dataKey.secret })).status, 403, path);
    assert.equal((await api.api('GET', path, { credential: null })).status, 401, path);
  }
});

test('the answers match the OpenAPI document', async () => {
  const document = (await (await fetch(`${running.url}/api/openapi.json`)).json()) as OpenApiDocument;
  const validator = await startAnswerValidator(document);
  try {
    const api = managementClient(running);
    for (const [path, credential, status] of [
      ['/api/ai/metrics', running.masterKey, 200],
      ['/api/ai/metrics/manager', running.masterKey, 200],
      ['/api/ai/metrics', null, 401],
    ] as const) {
      const answer = await api.api('GET', path, { credential });
      assert.equal(answer.status, status);
      assert.equal(await validator.check({ method: 'get', path, status, body: answer.body }), null);
    }
  } finally {
    await validator.close();
  }
});

test("after a restart today's cost starts from what the usage table holds", async () => {
  const before = (await managementClient(running).expect<Metrics>(200, 'GET', '/api/ai/metrics')).costToday;
  await running.close();
  running = await startGateway({ yaml: yaml(), databaseUrl });
  const after = await managementClient(running).expect<Metrics>(200, 'GET', '/api/ai/metrics');
  assert.equal(after.totalRequests, 0, 'totals count since this start');
  assert.ok(before > 0 && Math.abs(after.costToday - before) < 1e-6, `${after.costToday} vs ${before}`);
});
