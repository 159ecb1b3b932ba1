/**
 * The per-deployment resilience settings of the config file: concurrency limit and queue, own
 * timeouts (over the provider's, on this deployment only), health checks; and routing.tierPriority
 * merged over the built-in tiers.
 */

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { checkConfig, loadConfig } from './loader.js';

const directory = mkdtempSync(join(tmpdir(), 'switchyard-deployment-settings-'));
after(() => rmSync(directory, { recursive: true, force: true }));

function load(yaml: string) {
  const file = join(directory, `config-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, yaml);
  return { file, config: () => loadConfig({ file, env: {} }) };
}

const BASE = `
providers:
  local: { type: openai, baseUrl: http://127.0.0.1:8000/v1, apiKey: none, timeouts: { connectMs: 2000, firstByteMs: 9000 } }
`;

test('deployment limits, queue, timeouts and health check are carried onto the deployment', () => {
  const { config } = load(`${BASE}
models:
  - name: chat
    deployments:
      - { provider: local, model: a, maxConcurrentRequests: 2, maxQueue: 5, maxQueueWaitMs: "1500", timeouts: { firstByteMs: 300 }, healthCheck: { intervalMs: 1000 } }
      - { provider: local, model: b }
routing:
  tierPriority: { gold: high, standard: normal }
`);
  const resolved = config();
  const [limited, plain] = resolved.models[0].deployments;
  assert.equal(limited.maxConcurrentRequests, 2);
  assert.equal(limited.maxQueue, 5);
  assert.equal(limited.maxQueueWaitMs, 1500);
  assert.deepEqual(limited.healthCheck, { intervalMs: 1000, timeoutMs: 5000 });
  assert.deepEqual(limited.provider.timeouts, { connectMs: 2000, firstByteMs: 300, totalMs: 600_000, streamIdleMs: 120_000 });
  assert.equal(limited.provider.id, 'local');
  // The other deployment of the same provider keeps the provider's own timeouts.
  assert.deepEqual(plain.provider.timeouts, { connectMs: 2000, firstByteMs: 9000, totalMs: 600_000, streamIdleMs: 120_000 });
  for (const field of ['maxConcurrentRequests', 'maxQueue', 'maxQueueWaitMs', 'healthCheck'] as const) assert.equal(field in plain, false, field);
  assert.deepEqual(resolved.routing.tierPriority, { enterprise: 'high', premium: 'normal', standard: 'normal', gold: 'high' });
});

test('bad values are reported by their path', () => {
  const { file } = load(`${BASE}
models:
  - name: chat
    deployments:
      - { provider: local, model: a, maxConcurrentRequests: -1, timeouts: { totalMs: 0 }, healthCheck: { intervalMs: 10, every: 5 } }
routing:
  tierPriority: { gold: urgent }
`);
  const { ok, problems } = checkConfig({ file, env: {} });
  assert.equal(ok, false);
  const text = problems.join('\n');
  assert.match(text, /models\[0\]\.deployments\[0\]\.maxConcurrentRequests/);
  assert.match(text, /models\[0\]\.deployments\[0\]\.timeouts\.totalMs/);
  assert.match(text, /models\[0\]\.deployments\[0\]\.healthCheck/);
  assert.match(text, /routing\.tierPriority\.gold/);
});
