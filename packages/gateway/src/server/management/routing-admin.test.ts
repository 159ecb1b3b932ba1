import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Deployment, ModelGroup, ProviderSettings } from '../../core/index.js';
import { RuleSet } from '../../routing/conditional-rules.js';
import { Router } from '../../routing/router.js';
import { RoutingOverridesRepository, SettingsRepository, migrateToLatest, openDatabase } from '../../store/index.js';
import type { Database } from '../../store/index.js';
import { RoutingAdmin } from './routing-admin.js';

const openai = { id: 'openai' } as ProviderSettings;
const deployment = (id: string): Deployment => ({ id, provider: openai, model: id, weight: 1, defaultMaxTokens: 4096 });
const groups: ModelGroup[] = [
  { name: 'main', source: 'config', deployments: [deployment('a'), deployment('b')] },
  { name: 'long', source: 'config', deployments: [deployment('c')] },
];
const base = { groups, strategy: 'round-robin', rules: [{ when: { promptTokensAbove: 1000 }, route: 'long' }] };

let database: Database;
const logged: string[] = [];
const logger = { warn: (_details: object, message: string) => void logged.push(message), error: (_details: object, message: string) => void logged.push(message) };

/** Counts the writes that lost the compare-and-set. */
class CountingRepository extends RoutingOverridesRepository {
  lost = 0;

  override async write(input: Parameters<RoutingOverridesRepository['write']>[0]): ReturnType<RoutingOverridesRepository['write']> {
    const written = await super.write(input);
    if (written === null) this.lost += 1;
    return written;
  }
}

function replica(repository = new RoutingOverridesRepository(database.db)): { admin: RoutingAdmin; router: Router; rules: RuleSet } {
  const router = new Router({ groups, strategy: base.strategy, fallbacks: { fallbacks: {} } });
  const rules = new RuleSet(base.rules);
  const admin = new RoutingAdmin({ router, rules, base, providers: [openai], repository, logger });
  return { admin, router, rules };
}

before(async () => {
  database = await openDatabase('sqlite::memory:');
  await migrateToLatest(database);
});
after(() => database.close());

test('a change is stored and in force at once; another replica loads it, and re-reads later ones', async () => {
  const first = replica();
  await first.admin.load();
  assert.equal(first.admin.state().revision, 0);
  const second = replica();
  await second.admin.load();

  const { before: previous, after: next } = await first.admin.update((current) => ({ ...current, strategy: 'weighted', groups: { main: { deployments: { b: { enabled: false } } } } }), { by: 'tester' });
  assert.equal(previous.strategy, undefined);
  assert.equal(next.strategy, 'weighted');
  assert.deepEqual(first.router.group('main')?.deployments.map((item) => item.id), ['a']);
  assert.equal(first.router.routingTable().strategy, 'weighted');
  assert.deepEqual([first.admin.state().revision, first.admin.state().updatedBy], [1, 'tester']);

  assert.equal(second.router.routingTable().strategy, 'round-robin', 'not yet re-read');
  assert.equal(await second.admin.refresh(), true);
  assert.equal(second.router.routingTable().strategy, 'weighted');
  assert.deepEqual(second.router.group('main')?.deployments.map((item) => item.id), ['a']);
  assert.equal(await second.admin.refresh(), false);

  const third = replica();
  await third.admin.load();
  assert.equal(third.router.routingTable().strategy, 'weighted', 'loaded at start');
});

test('two replicas changing at once both get their change in (compare-and-set, then retry)', async () => {
  const repository = new CountingRepository(database.db);
  const one = replica(repository);
  const two = replica(repository);
  await Promise.all([one.admin.load(), two.admin.load()]);
  await Promise.all([
    one.admin.update((current) => ({ ...current, defaultModel: 'long' }), { by: 'one' }),
    two.admin.update((current) => ({ ...current, groups: { ...current.groups, long: { strategy: 'adaptive' } } }), { by: 'two' }),
  ]);
  assert.ok(repository.lost >= 1, 'one writer lost the race and retried');
  const check = replica();
  await check.admin.load();
  const { overrides } = check.admin.state();
  assert.equal(overrides.defaultModel, 'long');
  assert.equal(overrides.groups.long?.strategy, 'adaptive');
  assert.equal(overrides.strategy, 'weighted', 'the earlier change is kept too');
});

test('a rule routing to a disabled group is left out rather than failing requests', async () => {
  const subject = replica();
  await subject.admin.load();
  assert.equal(subject.rules.rules.length, 1);
  await subject.admin.update((current) => ({ ...current, defaultModel: undefined, groups: { ...current.groups, long: { enabled: false } } }), { by: 'tester' });
  assert.deepEqual(subject.rules.rules, []);
  await subject.admin.update((current) => ({ ...current, groups: {} }), { by: 'tester' });
  assert.equal(subject.rules.rules.length, 1);
});

test('a stored document that is not valid is reported and ignored: routing by the configuration alone', async () => {
  await new SettingsRepository(database.db).set('routing_overrides', JSON.stringify({ revision: 99, updatedAt: 1, updatedBy: 'x', document: { strategy: 42 } }));
  logged.length = 0;
  const subject = replica();
  await subject.admin.load();
  assert.equal(subject.router.routingTable().strategy, 'round-robin');
  assert.match(logged.join('\n'), /not valid/);
  await subject.admin.update((current) => ({ ...current, strategy: 'adaptive' }), { by: 'tester' });
  assert.equal(subject.admin.state().revision, 100);
});
