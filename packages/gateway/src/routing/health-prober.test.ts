import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GatewayError } from '../core/index.js';
import type { Deployment, ModelGroup } from '../core/index.js';
import { DEFAULT_TIMEOUTS } from '../config/defaults.js';
import { HealthProber } from './health-prober.js';
import type { DeploymentProbe, ProbeEvent } from './health-prober.js';
import { Router } from './router.js';

function deployment(id: string, healthCheck?: Deployment['healthCheck']): Deployment {
  const provider = { id, timeouts: { ...DEFAULT_TIMEOUTS } } as Deployment['provider'];
  return { id, weight: 1, model: id, defaultMaxTokens: 1, provider, ...(healthCheck ? { healthCheck } : {}) };
}

function setup(probe: DeploymentProbe, options: { timeoutMs?: number; intervalMs?: number } = {}) {
  let clock = 0;
  const probed = deployment('probed', { intervalMs: options.intervalMs ?? 60_000, timeoutMs: options.timeoutMs ?? 1_000 });
  const groups: ModelGroup[] = [
    { name: 'main', deployments: [probed, deployment('passive')], source: 'config' },
    { name: 'other', deployments: [probed], source: 'config' },
  ];
  const router = new Router({ groups, strategy: 'round-robin', fallbacks: { fallbacks: {} }, breaker: { failureThreshold: 2, cooldownMs: 1_000 }, now: () => clock });
  const events: ProbeEvent[] = [];
  const prober = new HealthProber({ router, groups, probe, onProbe: (event) => events.push(event) });
  return { router, prober, events, advance: (ms: number) => (clock += ms) };
}

test('only deployments with a healthCheck are probed, once per id', () => {
  const { prober } = setup(async () => {});
  assert.deepEqual(prober.deploymentIds, ['probed']);
});

test('failed probes open the breaker with no traffic; after the cool-down a good probe closes it', async () => {
  let healthy = false;
  let calls = 0;
  const { router, prober, events, advance } = setup(async () => {
    calls += 1;
    if (!healthy) throw new GatewayError('SY_ERR_UPSTREAM_UNREACHABLE', 'connection refused');
  });
  await prober.probeNow('probed');
  assert.equal(router.breakers.state('probed'), 'closed');
  await prober.probeNow('probed');
  assert.equal(router.breakers.state('probed'), 'open');
  assert.equal(router.stats.snapshot('probed').failures, 2);
  assert.equal(router.stats.snapshot('probed').totalStarted, 0, 'probes are not traffic');

  await prober.probeNow('probed');
  assert.equal(calls, 2, 'no probe while the breaker cools down');
  assert.equal(events.at(-1)?.skipped, true);

  healthy = true;
  advance(1_000);
  await prober.probeNow('probed');
  assert.equal(calls, 3);
  assert.equal(router.breakers.state('probed'), 'closed', "the probe was the half-open trial, and it succeeded");
});

test("a probe that outlasts its timeout is an upstream timeout, and counts against the deployment", async () => {
  // A hung upstream: only the probe's deadline ends it (the open socket of a real call keeps the process alive meanwhile).
  const hung: DeploymentProbe = (_deployment, signal) =>
    new Promise((_resolve, reject) => {
      const socket = setTimeout(() => {}, 10_000);
      signal.addEventListener('abort', () => {
        clearTimeout(socket);
        reject(new Error('aborted'));
      }, { once: true });
    });
  const { router, prober, events } = setup(hung, { timeoutMs: 20 });
  await prober.probeNow('probed');
  assert.equal(events[0].error?.code, 'SY_ERR_UPSTREAM_TIMEOUT');
  assert.equal(router.stats.snapshot('probed').lastFailureCode, 'SY_ERR_UPSTREAM_TIMEOUT');
});

test('the probe gets the deployment with its timeouts capped at the probe timeout', async () => {
  let seen: Deployment | undefined;
  const { prober } = setup(async (target) => {
    seen = target;
  }, { timeoutMs: 700 });
  await prober.probeNow('probed');
  assert.deepEqual(seen?.provider.timeouts, { connectMs: 700, firstByteMs: 700, totalMs: 700, streamIdleMs: 700 });
});

test('probes of one deployment never overlap', async () => {
  let running = 0;
  let most = 0;
  let finish: () => void = () => {};
  const { prober } = setup(async () => {
    running += 1;
    most = Math.max(most, running);
    await new Promise<void>((resolve) => (finish = resolve));
    running -= 1;
  });
  const first = prober.probeNow('probed');
  const second = prober.probeNow('probed');
  assert.equal(first, second);
  finish();
  await first;
  assert.equal(most, 1);
});

test('start probes on a timer; stop aborts the probe in flight without counting it, and nothing runs after', async () => {
  let calls = 0;
  let inFlight: Promise<void> | null = null;
  const { router, prober } = setup(
    (_deployment, signal) => {
      calls += 1;
      if (calls < 3) return Promise.resolve();
      inFlight = new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(new GatewayError('SY_ERR_CLIENT_DISCONNECTED', 'stopped')), { once: true }));
      return inFlight;
    },
    { intervalMs: 5 },
  );
  prober.start();
  prober.start();
  while (calls < 3) await new Promise((resolve) => setTimeout(resolve, 5));
  await prober.stop();
  const callsAtStop = calls;
  assert.equal(router.stats.snapshot('probed').failures, 0, 'the aborted probe says nothing about the deployment');
  await new Promise((resolve) => setTimeout(resolve, 30));
  assert.equal(calls, callsAtStop);
});
