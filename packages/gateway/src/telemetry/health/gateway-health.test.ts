import assert from 'node:assert/strict';
import test from 'node:test';
import type { Deployment } from '../../core/index.js';
import type { BreakerSnapshot } from '../../routing/circuit-breaker.js';
import { createHealthReporter } from './gateway-health.js';
import type { HealthSources } from './gateway-health.js';

const deployment = (id: string, provider: string): Deployment => ({ id, model: id, provider: { id: provider } }) as unknown as Deployment;
const breaker = (deploymentId: string, state: BreakerSnapshot['state']): BreakerSnapshot => ({ deploymentId, state, consecutiveFailures: 3 }) as BreakerSnapshot;

function sources(overrides: Partial<HealthSources> = {}): HealthSources {
  return {
    version: '1.2.3',
    startedAtMs: Date.now() - 5_000,
    database: { dialect: 'sqlite', ping: async () => {} },
    deployments: () => [deployment('a1', 'a'), deployment('a2', 'a'), deployment('b1', 'b'), deployment('b1', 'b')],
    breakers: () => [],
    queues: () => [{ name: 'usage-writer', length: 1, limit: 100, what: 'usage rows' }],
    workers: () => [{ name: 'sync', running: true, lastError: null, does: 'syncs' }],
    ...overrides,
  };
}

test('all ok: every component listed once, overall ok', async () => {
  const report = await createHealthReporter(sources())();
  assert.equal(report.status, 'ok');
  assert.equal(report.version, '1.2.3');
  assert.ok(report.uptimeSeconds >= 4);
  assert.deepEqual(Object.keys(report.components).sort(), ['database', 'provider:a', 'provider:b', 'queue:usage-writer', 'worker:sync']);
  assert.equal((report.components['provider:b']?.deployments as unknown[]).length, 1, 'a deployment in two groups is listed once');
});

test('a provider with every breaker open is down, with some open degraded; the report is degraded, not down', async () => {
  const report = await createHealthReporter(sources({ breakers: () => [breaker('a1', 'open'), breaker('b1', 'open')] }))();
  assert.equal(report.components['provider:a']?.status, 'degraded');
  assert.equal(report.components['provider:b']?.status, 'down');
  assert.equal(report.status, 'degraded');
  const trial = await createHealthReporter(sources({ breakers: () => [breaker('a1', 'half-open')] }))();
  assert.match(trial.components['provider:a']?.detail ?? '', /half-open/);
});

test('the database failing or not answering in time makes the report down', async () => {
  const failing = await createHealthReporter(sources({ database: { dialect: 'postgres', ping: async () => Promise.reject(new Error('connect ECONNREFUSED')) } }))();
  assert.equal(failing.status, 'down');
  assert.match(failing.components.database?.detail ?? '', /ECONNREFUSED/);
  const hanging = await createHealthReporter(sources({ database: { dialect: 'postgres', ping: () => new Promise(() => {}) }, pingTimeoutMs: 20 }))();
  assert.equal(hanging.components.database?.status, 'down');
  assert.match(hanging.components.database?.detail ?? '', /no answer within 20 ms/);
});

test('queues that dropped work, workers that failed or stopped, and Redis down are degraded', async () => {
  const report = await createHealthReporter(
    sources({
      queues: () => [{ name: 'usage-writer', length: 0, limit: 100, what: 'usage rows', dropped: 7 }],
      workers: () => [
        { name: 'failing', running: true, lastError: { message: 'database is locked', atMs: 0 }, does: 'writes' },
        { name: 'stopped', running: false, lastError: null, does: 'probes' },
      ],
      redis: { status: () => 'degraded', lastError: () => ({ message: 'ECONNREFUSED', atMs: 0 }) },
    }),
  )();
  assert.equal(report.components['queue:usage-writer']?.status, 'degraded');
  assert.match(report.components['queue:usage-writer']?.detail ?? '', /7 dropped/);
  assert.equal(report.components['worker:failing']?.status, 'degraded');
  assert.match(report.components['worker:failing']?.detail ?? '', /database is locked/);
  assert.equal(report.components['worker:stopped']?.status, 'down');
  assert.equal(report.components.redis?.status, 'degraded');
  assert.equal(report.status, 'degraded', 'none of these is required');
});
