import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GatewayError } from '../core/index.js';
import type { Deployment, ModelGroup } from '../core/index.js';
import { Router } from './router.js';
import { tableFromGroups } from './routing-table.js';
import type { RoutingTable } from './routing-table.js';

function group(name: string, ids: string[], strategy?: string): ModelGroup {
  const deployments = ids.map((id) => ({ id, weight: 1, model: id, defaultMaxTokens: 4096, provider: {} as Deployment['provider'] }));
  return { name, deployments, source: 'config', ...(strategy === undefined ? {} : { strategy }) };
}

const route = { hints: {}, needs: null, request: null };
const base = [group('main', ['a', 'b']), group('other', ['c'])];

function router(): Router {
  return new Router({ groups: base, strategy: 'round-robin', fallbacks: { fallbacks: { main: ['other'] } }, breaker: { failureThreshold: 1, cooldownMs: 60_000 } });
}

/** The configuration's table with `edit` applied. */
function table(edit: (table: RoutingTable) => void): RoutingTable {
  const result = tableFromGroups(base, 'round-robin');
  edit(result);
  return result;
}

test('a disabled deployment is never in the plan; the live stats of the ones that remain are kept', () => {
  const subject = router();
  const [a] = subject.group('main')?.deployments ?? [];
  subject.begin(a);
  subject.succeeded('main', a, { latencyMs: 42 });
  subject.reconfigure(table((next) => {
    next.groups[0].deployments[1].enabled = false;
  }));
  for (let index = 0; index < 4; index += 1) assert.deepEqual(subject.order('main', route).map((item) => item.id), ['a']);
  assert.equal(subject.stats.snapshot('a').latencyMs, 42);
  assert.equal(subject.stats.snapshot('a').totalStarted, 1);
  assert.equal(subject.routingTable().groups[0].deployments[1].enabled, false, 'the table still shows it');
});

test('a disabled group is a clear 404, is not listed and is not a fallback', () => {
  const subject = router();
  subject.reconfigure(table((next) => {
    next.groups[1].enabled = false;
  }));
  assert.throws(() => subject.group('other'), (error: unknown) => error instanceof GatewayError && error.status === 404 && /disabled/.test(error.message));
  assert.equal(subject.group('unknown'), undefined);
  assert.deepEqual(subject.listGroups().map((item) => item.name), ['main']);
  assert.deepEqual(subject.fallbacksFor('main', new GatewayError('SY_ERR_UPSTREAM_SERVER', 'x')), []);
});

test('`default` resolves to the default model when one is set', () => {
  const subject = router();
  assert.equal(subject.group('default'), undefined);
  subject.reconfigure(table((next) => {
    next.defaultModel = 'other';
  }));
  assert.equal(subject.group('default')?.name, 'other');
  subject.reconfigure(table((next) => {
    next.defaultModel = 'other';
    next.groups[1].enabled = false;
  }));
  assert.throws(() => subject.group('default'), /'other' is disabled/);
});

test('strategies switch at once, per group and globally; weights follow the table', () => {
  const subject = router();
  subject.reconfigure(table((next) => {
    next.groups[0].strategy = 'weighted';
    next.groups[0].deployments[0].deployment = { ...next.groups[0].deployments[0].deployment, weight: 3 };
  }));
  assert.equal(subject.strategyIdOf('main'), 'weighted');
  const picks = Array.from({ length: 8 }, () => subject.order('main', route)[0].id);
  assert.deepEqual(picks.filter((id) => id === 'a').length, 6);
  subject.reconfigure(table((next) => {
    next.strategy = 'least-connections';
  }));
  assert.equal(subject.strategyIdOf('main'), 'least-connections');
  assert.equal(subject.strategyIdOf('other'), 'least-connections');
});

test('an open breaker survives a reconfiguration, and closes when its deployment is enabled again', () => {
  const subject = router();
  const [, b] = subject.group('main')?.deployments ?? [];
  subject.begin(b);
  subject.failed('main', b, new GatewayError('SY_ERR_UPSTREAM_SERVER', 'down'), { latencyMs: 1 });
  assert.equal(subject.breakers.state('b'), 'open');
  subject.reconfigure(table((next) => {
    next.strategy = 'weighted';
  }));
  assert.equal(subject.breakers.state('b'), 'open', 'kept while it stays enabled');
  subject.reconfigure(table((next) => {
    next.groups[0].deployments[1].enabled = false;
  }));
  assert.equal(subject.breakers.state('b'), 'open');
  subject.reconfigure(table(() => {}));
  assert.equal(subject.breakers.state('b'), 'closed', 're-enabled by an operator: tried again');
});

test('a group added to the table is served', () => {
  const subject = router();
  subject.reconfigure(table((next) => {
    next.groups.push({ name: 'added', origin: 'runtime', enabled: true, deployments: [{ deployment: base[1].deployments[0], enabled: true, origin: 'runtime' }] });
  }));
  assert.equal(subject.group('added')?.source, 'config');
  assert.deepEqual(subject.order('added', route).map((item) => item.id), ['c']);
});
