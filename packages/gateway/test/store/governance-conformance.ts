/**
 * Conformance suite for the governance repositories (migration 0002): teams, users, sessions,
 * audit log, budgets, rate limits, provider credentials, and key rotation and updates. Every
 * dialect runs exactly these cases; `open` must return a fresh, empty database each call.
 */

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { GatewayError } from '../../src/core/index.js';
import {
  AuditRepository,
  BudgetsRepository,
  hashKey,
  KeysRepository,
  migrateToLatest,
  ProviderCredentialsRepository,
  RateLimitsRepository,
  SessionsRepository,
  SettingsRepository,
  TeamsRepository,
  UsersRepository,
  type Database,
} from '../../src/store/index.js';

export interface GovernanceConformanceOptions {
  name: string;
  open: () => Promise<Database>;
}

/** A stand-in argon2id PHC string: the repositories store hashes as given and never compute them. */
const PASSWORD_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g';

function isCode(code: string, pattern?: RegExp): (error: unknown) => boolean {
  return (error) => error instanceof GatewayError && error.code === code && (pattern === undefined || pattern.test(error.message));
}

export function runGovernanceConformance(options: GovernanceConformanceOptions): void {
  async function withDatabase(body: (database: Database) => Promise<void>): Promise<void> {
    const database = await options.open();
    try {
      await migrateToLatest(database);
      await body(database);
    } finally {
      await database.close();
    }
  }

  describe(`governance store conformance: ${options.name}`, () => {
    test('teams: create, unique names, find by id or name, rename, delete detaches users and keys', () =>
      withDatabase(async (database) => {
        const teams = new TeamsRepository(database.db);
        const users = new UsersRepository(database.db);
        const keys = new KeysRepository(database.db);
        const research = await teams.create({ name: ' research ' });
        assert.match(research.id, /^team_[0-9A-Za-z]{16}$/);
        assert.equal(research.name, 'research');
        await assert.rejects(teams.create({ name: 'research' }), isCode('SY_ERR_CONFLICT', /already exists/));
        await assert.rejects(teams.create({ name: '  ' }), isCode('SY_ERR_INVALID_REQUEST'));
        const ops = await teams.create({ name: 'ops' });
        assert.deepEqual((await teams.list()).map((team) => team.name), ['ops', 'research']);
        assert.deepEqual(await teams.findByIdOrName('research'), research);
        assert.deepEqual(await teams.findByIdOrName(research.id), research);
        assert.equal(await teams.findByIdOrName('nope'), null);
        await assert.rejects(teams.rename(ops.id, 'research'), isCode('SY_ERR_CONFLICT'));
        assert.equal((await teams.rename(ops.id, 'operations'))?.name, 'operations');

        const member = await users.create({ email: 'member@example.com', passwordHash: PASSWORD_HASH, role: 'developer', teamId: research.id });
        const { record: teamKey } = await keys.create({ name: 'team key', teamId: research.id });
        assert.equal(await teams.delete(research.id), true);
        assert.equal(await teams.delete(research.id), false);
        assert.equal((await users.findById(member.id))?.teamId, null);
        assert.equal((await keys.findById(teamKey.id))?.teamId, null);
      }));

    test('users: emails stored lower-cased and unique; the hash only through findLoginByEmail', () =>
      withDatabase(async (database) => {
        const users = new UsersRepository(database.db);
        const alice = await users.create({ email: '  Alice@Example.COM ', passwordHash: PASSWORD_HASH, role: 'admin', name: ' Alice ' });
        assert.match(alice.id, /^usr_[0-9A-Za-z]{16}$/);
        assert.deepEqual(
          { email: alice.email, name: alice.name, role: alice.role, teamId: alice.teamId, disabledAt: alice.disabledAt, lastLoginAt: alice.lastLoginAt },
          { email: 'alice@example.com', name: 'Alice', role: 'admin', teamId: null, disabledAt: null, lastLoginAt: null },
        );
        assert.ok(!('passwordHash' in alice));
        await assert.rejects(users.create({ email: 'ALICE@example.com', passwordHash: PASSWORD_HASH, role: 'viewer' }), isCode('SY_ERR_CONFLICT', /alice@example\.com/));
        await assert.rejects(users.create({ email: 'not an email', passwordHash: PASSWORD_HASH, role: 'viewer' }), isCode('SY_ERR_INVALID_REQUEST'));
        await assert.rejects(users.create({ email: 'x@example.com', passwordHash: PASSWORD_HASH, role: 'root' as 'admin' }), isCode('SY_ERR_INVALID_REQUEST', /role/));
        await assert.rejects(users.create({ email: 'x@example.com', passwordHash: 'plain password', role: 'viewer' }), /password hash/);

        assert.deepEqual(await users.findByEmail('ALICE@EXAMPLE.COM'), alice);
        assert.deepEqual(await users.findById(alice.id), alice);
        assert.deepEqual(await users.findLoginByEmail('alice@example.com'), { user: alice, passwordHash: PASSWORD_HASH });
        assert.equal(await users.findLoginByEmail('bob@example.com'), null);
      }));

    test('users: update, disable keeps the first time, list filters, count admins, delete revokes keys', () =>
      withDatabase(async (database) => {
        const users = new UsersRepository(database.db);
        const keys = new KeysRepository(database.db);
        const bob = await users.create({ email: 'bob@example.com', passwordHash: PASSWORD_HASH, role: 'viewer' });
        const carol = await users.create({ email: 'carol@example.com', passwordHash: PASSWORD_HASH, role: 'admin', teamId: 'team_a' });
        const updated = await users.update(bob.id, { role: 'supervisor', teamId: 'team_a', name: 'Bob', passwordHash: `${PASSWORD_HASH}x` });
        assert.deepEqual([updated?.role, updated?.teamId, updated?.name], ['supervisor', 'team_a', 'Bob']);
        assert.equal((await users.findLoginByEmail(bob.email))?.passwordHash, `${PASSWORD_HASH}x`);
        await assert.rejects(users.update(bob.id, { email: 'Carol@example.com' }), isCode('SY_ERR_CONFLICT'));
        assert.equal(await users.update('usr_missing', { name: 'x' }), null);

        const disabled = await users.update(bob.id, { disabled: true });
        assert.ok(disabled?.disabledAt instanceof Date);
        const again = await users.update(bob.id, { disabled: true });
        assert.equal(again?.disabledAt?.getTime(), disabled.disabledAt.getTime());
        assert.deepEqual((await users.list()).map((user) => user.email), ['bob@example.com', 'carol@example.com']);
        assert.deepEqual((await users.list({ includeDisabled: false })).map((user) => user.email), ['carol@example.com']);
        assert.deepEqual((await users.list({ teamId: 'team_a', role: 'admin' })).map((user) => user.email), ['carol@example.com']);
        assert.equal(await users.countActiveWithRole('admin'), 1);
        assert.equal((await users.update(bob.id, { disabled: false }))?.disabledAt, null);

        const at = new Date('2025-03-04T05:06:07.089Z');
        await users.recordLogin(carol.id, at);
        assert.equal((await users.findById(carol.id))?.lastLoginAt?.getTime(), at.getTime());

        const { record: carolKey } = await keys.create({ name: 'carol', userId: carol.id });
        assert.equal(await users.delete(carol.id), true);
        assert.equal(await users.delete(carol.id), false);
        assert.equal(await users.findById(carol.id), null);
        const revoked = await keys.findById(carolKey.id);
        assert.ok(revoked?.revokedAt instanceof Date, "a deleted user's keys stop working");
        assert.equal(revoked.userId, carol.id);
      }));

    test('sessions: rotate is a compare-and-swap that remembers retired tokens; revoke; activity; cascade', () =>
      withDatabase(async (database) => {
        const users = new UsersRepository(database.db);
        const sessions = new SessionsRepository(database.db);
        const user = await users.create({ email: 'dave@example.com', passwordHash: PASSWORD_HASH, role: 'developer', teamId: 'team_d' });
        const at = new Date('2025-01-01T00:00:00.000Z');
        const expiresAt = new Date(at.getTime() + 7 * 86_400_000);
        const session = await sessions.create({ userId: user.id, refreshHash: 'h1', expiresAt, ip: '10.0.0.1', userAgent: 'ua', at });
        assert.match(session.id, /^ses_[0-9A-Za-z]{16}$/);
        assert.deepEqual(await sessions.findById(session.id), session);
        assert.deepEqual(await sessions.findByRefreshHash('h1'), session);

        const later = new Date(at.getTime() + 60_000);
        assert.equal(await sessions.rotate({ id: session.id, fromHash: 'h1', toHash: 'h2', expiresAt: new Date(later.getTime() + 1000), at: later }), true);
        assert.equal(await sessions.rotate({ id: session.id, fromHash: 'h1', toHash: 'h3', expiresAt, at: later }), false, 'h1 is no longer current');
        assert.equal(await sessions.findByRefreshHash('h1'), null);
        assert.equal((await sessions.findByRetiredRefreshHash('h1'))?.id, session.id);
        assert.equal(await sessions.findByRetiredRefreshHash('h2'), null);
        const rotated = await sessions.findByRefreshHash('h2');
        assert.deepEqual([rotated?.lastUsedAt.getTime(), rotated?.expiresAt.getTime()], [later.getTime(), later.getTime() + 1000]);

        assert.equal(await sessions.isActive(session.id, later), true);
        assert.equal(await sessions.isActive(session.id, new Date(later.getTime() + 1000)), false, 'expired');
        assert.deepEqual(await sessions.findActivePrincipal(session.id, later), { sessionId: session.id, userId: user.id, role: 'developer', teamId: 'team_d' });
        await users.update(user.id, { disabled: true });
        assert.equal(await sessions.findActivePrincipal(session.id, later), null, 'a disabled user has no active session');
        await users.update(user.id, { disabled: false });

        assert.equal(await sessions.revoke(session.id, later), true);
        assert.equal(await sessions.revoke(session.id, later), false);
        assert.equal(await sessions.isActive(session.id, later), false);
        assert.equal(await sessions.rotate({ id: session.id, fromHash: 'h2', toHash: 'h4', expiresAt, at: later }), false, 'a revoked session does not rotate');

        const second = await sessions.create({ userId: user.id, refreshHash: 'k1', expiresAt, at });
        const third = await sessions.create({ userId: user.id, refreshHash: 'k2', expiresAt, at: later });
        assert.equal(await sessions.revokeAllForUser(user.id, later), 2);
        assert.deepEqual((await sessions.listForUser(user.id)).map((item) => item.id).sort(), [session.id, second.id, third.id].sort());
        assert.equal(await sessions.deleteEnded(new Date(later.getTime() + 1)), 3);
        assert.equal(await sessions.findByRetiredRefreshHash('h1'), null, 'retired tokens go with their session');

        const last = await sessions.create({ userId: user.id, refreshHash: 'z1', expiresAt, at });
        await sessions.rotate({ id: last.id, fromHash: 'z1', toHash: 'z2', expiresAt, at });
        assert.equal(await users.delete(user.id), true);
        assert.equal(await sessions.findById(last.id), null, 'sessions are deleted with their user');
        assert.equal(await sessions.findByRetiredRefreshHash('z1'), null);
      }));

    test('audit: append only, filters, action prefix, time range, cursor and offset pages, secrets redacted', () =>
      withDatabase(async (database) => {
        const audit = new AuditRepository(database.db);
        assert.deepEqual(
          Object.getOwnPropertyNames(AuditRepository.prototype).filter((name) => name !== 'constructor').sort(),
          ['append', 'query'],
          'nothing updates or deletes audit entries',
        );
        const base = Date.UTC(2025, 0, 1);
        const actions = ['keys.create', 'keys.revoke', 'users.create', 'budgets.reset', 'keys_x.create'];
        for (let index = 0; index < 25; index += 1) {
          await audit.append({
            createdAt: new Date(base + Math.floor(index / 2) * 1000),
            actorType: index % 3 === 0 ? 'master' : 'user',
            actorId: index % 3 === 0 ? null : `usr_${index % 2}`,
            actorLabel: index % 3 === 0 ? 'master key' : 'someone@example.com',
            action: actions[index % actions.length],
            targetType: 'key',
            targetId: `key_${index % 4}`,
            ip: '127.0.0.1',
            before: index === 0 ? null : { name: `before ${index}` },
            after: { name: `after ${index}`, index },
          });
        }
        const all = await audit.query({ limit: 1000 });
        assert.equal(all.entries.length, 25);
        assert.equal(all.nextCursor, null);
        const times = all.entries.map((entry) => entry.createdAt.getTime());
        assert.deepEqual(times, [...times].sort((left, right) => right - left), 'newest first');

        const prefixed = await audit.query({ actionPrefix: 'keys.' });
        assert.equal(prefixed.entries.length, 10);
        assert.ok(prefixed.entries.every((entry) => entry.action.startsWith('keys.')));
        assert.equal((await audit.query({ actionPrefix: 'keys_' })).entries.length, 5, '_ is not a wildcard');
        assert.equal((await audit.query({ actorType: 'master' })).entries.length, 9);
        assert.equal((await audit.query({ actorId: 'usr_1', targetId: 'key_1' })).entries.length, all.entries.filter((entry) => entry.actorId === 'usr_1' && entry.targetId === 'key_1').length);
        const ranged = await audit.query({ since: new Date(base + 2000), until: new Date(base + 5000) });
        assert.equal(ranged.entries.length, 6);

        // Cursor pages walk the whole log exactly once, including entries that share a timestamp.
        const seen: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await audit.query({ limit: 4, ...(cursor === undefined ? {} : { cursor }) });
          seen.push(...page.entries.map((entry) => entry.id));
          cursor = page.nextCursor ?? undefined;
        } while (cursor !== undefined);
        assert.deepEqual(seen, all.entries.map((entry) => entry.id));
        assert.deepEqual((await audit.query({ limit: 5, offset: 5 })).entries.map((entry) => entry.id), seen.slice(5, 10));
        await assert.rejects(audit.query({ cursor: 'bogus' }), isCode('SY_ERR_INVALID_REQUEST'));

        const first = all.entries.find((entry) => (entry.after as { index?: number }).index === 0);
        assert.deepEqual([first?.before, first?.after], [null, { name: 'after 0', index: 0 }]);
        const redacted = await audit.append({
          actorType: 'key',
          actorId: 'key_1',
          actorLabel: 'sy-abc…',
          action: 'credentials.create',
          targetType: 'credential',
          after: { provider: 'openai', apiKey: 'sk-secret-value', nested: [{ password: 'hunter2hunter2', keep: 1 }], when: new Date(base) },
        });
        assert.deepEqual(redacted.after, { provider: 'openai', apiKey: '[redacted]', nested: [{ password: '[redacted]', keep: 1 }], when: new Date(base).toISOString() });
        const stored = JSON.stringify(await database.db.selectFrom('audit_log').selectAll().execute());
        assert.ok(!stored.includes('sk-secret-value') && !stored.includes('hunter2'));
      }));

    test('budgets: create with defaults, validate, list by scope and applicable, update, reset, delete', () =>
      withDatabase(async (database) => {
        const budgets = new BudgetsRepository(database.db);
        const global = await budgets.create({ name: 'all traffic', scopeType: 'global', limitUsd: 1000, period: 'monthly' });
        assert.match(global.id, /^bud_/);
        assert.deepEqual([global.scopeId, global.thresholds, global.resetAt], [null, [50, 80, 100], null]);
        const team = await budgets.create({ name: 'research', scopeType: 'team', scopeId: 'team_r', limitUsd: 12.5, period: 'daily', thresholds: [100, 75, 75] });
        assert.deepEqual(team.thresholds, [75, 100]);
        const user = await budgets.create({ name: 'bob', scopeType: 'user', scopeId: 'usr_b', limitUsd: 5, period: 'weekly' });
        await budgets.create({ name: 'other key', scopeType: 'key', scopeId: 'key_other', limitUsd: 1, period: 'daily' });
        await assert.rejects(budgets.create({ name: 'x', scopeType: 'team', limitUsd: 1, period: 'daily' }), isCode('SY_ERR_INVALID_REQUEST', /scopeId/));
        await assert.rejects(budgets.create({ name: 'x', scopeType: 'global', scopeId: 'team_r', limitUsd: 1, period: 'daily' }), isCode('SY_ERR_INVALID_REQUEST'));
        await assert.rejects(budgets.create({ name: 'x', scopeType: 'global', limitUsd: -1, period: 'daily' }), isCode('SY_ERR_INVALID_REQUEST', /limitUsd/));
        await assert.rejects(budgets.create({ name: 'x', scopeType: 'global', limitUsd: 1, period: 'yearly' as 'daily' }), isCode('SY_ERR_INVALID_REQUEST', /period/));
        await assert.rejects(budgets.create({ name: 'x', scopeType: 'planet' as 'global', limitUsd: 1, period: 'daily' }), isCode('SY_ERR_INVALID_REQUEST'));

        assert.deepEqual(await budgets.findById(team.id), team);
        assert.deepEqual((await budgets.list({ scopeType: 'team' })).map((budget) => budget.id), [team.id]);
        assert.deepEqual((await budgets.list({ scopeId: null })).map((budget) => budget.id), [global.id]);
        assert.equal((await budgets.list()).length, 4);
        const applicable = await budgets.listApplicable({ keyId: 'key_mine', userId: 'usr_b', teamId: 'team_r' });
        assert.deepEqual(applicable.map((budget) => budget.id).sort(), [global.id, team.id, user.id].sort());
        assert.deepEqual((await budgets.listApplicable({})).map((budget) => budget.id), [global.id]);

        const changed = await budgets.update(team.id, { limitUsd: 20, period: 'monthly', name: 'research+', thresholds: [90] });
        assert.deepEqual([changed?.limitUsd, changed?.period, changed?.name, changed?.thresholds], [20, 'monthly', 'research+', [90]]);
        const resetAt = new Date('2025-02-03T04:05:06.007Z');
        assert.equal((await budgets.reset(team.id, resetAt))?.resetAt?.getTime(), resetAt.getTime());
        assert.equal(await budgets.reset('bud_missing'), null);
        assert.equal(await budgets.delete(team.id), true);
        assert.equal(await budgets.delete(team.id), false);
        assert.equal(await budgets.findById(team.id), null);
      }));

    test('rate limits: create, validate, list by scope, update, delete', () =>
      withDatabase(async (database) => {
        const limits = new RateLimitsRepository(database.db);
        const perKey = await limits.create({ scopeType: 'key', scopeId: 'key_a', metric: 'requests', limit: 100, windowMs: 900_000 });
        assert.match(perKey.id, /^rl_/);
        assert.deepEqual([perKey.model, perKey.provider], [null, null]);
        const cap = await limits.create({ scopeType: 'user', scopeId: 'usr_a', metric: 'requests', limit: 1000, windowMs: 86_400_000, provider: 'openai' });
        const tokens = await limits.create({ scopeType: 'team', scopeId: 'team_a', metric: 'tokens', limit: 3_000_000_000, windowMs: 60_000, model: 'gpt-4o' });
        assert.equal(tokens.limit, 3_000_000_000, 'limits beyond 32 bits survive');
        const global = await limits.create({ scopeType: 'global', metric: 'requests', limit: 10, windowMs: 1000 });
        await assert.rejects(limits.create({ scopeType: 'ip', metric: 'requests', limit: 1, windowMs: 1000 }), isCode('SY_ERR_INVALID_REQUEST', /scopeId/));
        await assert.rejects(limits.create({ scopeType: 'key', scopeId: 'k', metric: 'requests', limit: 0, windowMs: 1000 }), isCode('SY_ERR_INVALID_REQUEST', /limit/));
        await assert.rejects(limits.create({ scopeType: 'key', scopeId: 'k', metric: 'bytes' as 'tokens', limit: 1, windowMs: 1000 }), isCode('SY_ERR_INVALID_REQUEST', /metric/));
        await assert.rejects(limits.create({ scopeType: 'key', scopeId: 'k', metric: 'tokens', limit: 1, windowMs: 1.5 }), isCode('SY_ERR_INVALID_REQUEST', /windowMs/));

        assert.deepEqual(await limits.findById(cap.id), cap);
        // Oldest first; rows created in the same millisecond may come in any order, so compare as sets.
        assert.deepEqual(new Set((await limits.list()).map((limit) => limit.id)), new Set([perKey.id, cap.id, tokens.id, global.id]));
        assert.deepEqual((await limits.listByScope('user', 'usr_a')).map((limit) => limit.id), [cap.id]);
        assert.deepEqual((await limits.listByScope('user', 'usr_b')).map((limit) => limit.id), []);
        assert.deepEqual((await limits.listByScope('global', null)).map((limit) => limit.id), [global.id]);
        assert.deepEqual((await limits.listByScope('key')).map((limit) => limit.id), [perKey.id]);
        const updated = await limits.update(perKey.id, { limit: 50, windowMs: 60_000, model: 'claude' });
        assert.deepEqual([updated?.limit, updated?.windowMs, updated?.model, updated?.metric], [50, 60_000, 'claude', 'requests']);
        assert.equal(await limits.update('rl_missing', { limit: 1 }), null);
        assert.equal(await limits.delete(perKey.id), true);
        assert.equal(await limits.delete(perKey.id), false);
      }));

    test('provider credentials: ciphertext in, hints out; unique per provider and name', () =>
      withDatabase(async (database) => {
        const credentials = new ProviderCredentialsRepository(database.db);
        const created = await credentials.create({ provider: 'openai', name: 'main', ciphertext: 'v1.Q0lQSEVSVEVYVA==', hint: 'wxyz' });
        assert.match(created.id, /^cred_/);
        assert.ok(!('ciphertext' in created));
        await assert.rejects(credentials.create({ provider: 'openai', name: 'main', ciphertext: 'v1.x', hint: '' }), isCode('SY_ERR_CONFLICT'));
        await assert.rejects(credentials.create({ provider: 'openai', name: 'long', ciphertext: 'v1.x', hint: 'abcde' }), isCode('SY_ERR_INVALID_REQUEST', /hint/));
        const other = await credentials.create({ provider: 'anthropic', name: 'main', ciphertext: 'v1.T1RIRVI=', hint: '' });

        const listed = await credentials.list();
        assert.deepEqual(listed.map((item) => [item.provider, item.hint]), [['anthropic', ''], ['openai', 'wxyz']]);
        assert.ok(listed.every((item) => !('ciphertext' in item)));
        assert.deepEqual((await credentials.list({ provider: 'openai' })).map((item) => item.id), [created.id]);
        assert.deepEqual(await credentials.findById(created.id), created);
        assert.deepEqual(await credentials.findCiphertext(created.id), { record: created, ciphertext: 'v1.Q0lQSEVSVEVYVA==' });
        assert.equal((await credentials.listCiphertexts()).length, 2);

        await assert.rejects(credentials.update(created.id, { ciphertext: 'v1.new' }), isCode('SY_ERR_INVALID_REQUEST'));
        const replaced = await credentials.update(created.id, { ciphertext: 'v1.TkVX', hint: '1234', name: 'primary' });
        assert.deepEqual([replaced?.hint, replaced?.name], ['1234', 'primary']);
        assert.equal((await credentials.findCiphertext(created.id))?.ciphertext, 'v1.TkVX');
        assert.equal(await credentials.delete(other.id), true);
        assert.equal(await credentials.findCiphertext(other.id), null);
      }));

    test('keys: role and description, update, list by user and team, rotation with a grace period', () =>
      withDatabase(async (database) => {
        const keys = new KeysRepository(database.db);
        const expiresAt = new Date('2031-01-01T00:00:00.000Z');
        const original = await keys.create({
          name: 'ops key',
          models: ['gpt-4o'],
          scopes: ['data', 'management'],
          tier: 'premium',
          teamId: 'team_o',
          userId: 'usr_o',
          role: 'operations',
          description: 'for the on-call robot',
          expiresAt,
        });
        assert.deepEqual(
          [original.record.role, original.record.description, original.record.rotatedFrom, original.record.rotatedTo],
          ['operations', 'for the on-call robot', null, null],
        );
        assert.equal((await keys.create({ name: 'plain' })).record.role, null);
        await assert.rejects(keys.create({ name: 'bad', role: 'root' as 'admin' }), isCode('SY_ERR_INVALID_REQUEST', /role/));
        await assert.rejects(keys.create({ name: 'bad', scopes: [] }), isCode('SY_ERR_INVALID_REQUEST', /scope/));
        await keys.create({ name: 'other team', teamId: 'team_x', userId: 'usr_x' });

        assert.deepEqual((await keys.list({ userId: 'usr_o' })).map((key) => key.id), [original.record.id]);
        assert.deepEqual((await keys.list({ teamId: 'team_o' })).map((key) => key.id), [original.record.id]);
        const updated = await keys.update(original.record.id, { name: 'ops key 2', models: null, tier: 'enterprise', role: 'supervisor', description: null });
        assert.deepEqual(
          [updated?.name, updated?.models, updated?.tier, updated?.role, updated?.description, updated?.scopes],
          ['ops key 2', null, 'enterprise', 'supervisor', null, ['data', 'management']],
        );
        assert.equal(await keys.update('key_missing', { name: 'x' }), null);

        const at = new Date('2030-06-01T00:00:00.000Z');
        const graceMs = 3_600_000;
        const rotated = await keys.rotate(original.record.id, { graceMs, at });
        assert.ok(rotated !== null);
        assert.notEqual(rotated.secret, original.secret);
        assert.match(rotated.secret, /^sy-[0-9A-Za-z]{40}$/);
        const fresh = await keys.findByHash(hashKey(rotated.secret));
        assert.deepEqual(fresh, rotated.record);
        assert.deepEqual(
          [fresh?.name, fresh?.models, fresh?.scopes, fresh?.tier, fresh?.teamId, fresh?.userId, fresh?.role, fresh?.rotatedFrom, fresh?.expiresAt?.getTime()],
          ['ops key 2', null, ['data', 'management'], 'enterprise', 'team_o', 'usr_o', 'supervisor', original.record.id, expiresAt.getTime()],
        );
        const old = await keys.findByHash(hashKey(original.secret));
        assert.deepEqual(old, rotated.previous);
        assert.deepEqual([old?.rotatedTo, old?.expiresAt?.getTime(), old?.revokedAt], [rotated.record.id, at.getTime() + graceMs, null]);
        await assert.rejects(keys.rotate(original.record.id, { graceMs, at }), isCode('SY_ERR_CONFLICT', /already rotated/));

        // The grace period never extends an earlier expiry.
        const soon = new Date(at.getTime() + 60_000);
        const short = await keys.create({ name: 'short', expiresAt: soon });
        const shortRotated = await keys.rotate(short.record.id, { graceMs, at, expiresAt: null });
        assert.equal(shortRotated?.previous.expiresAt?.getTime(), soon.getTime());
        assert.equal(shortRotated?.record.expiresAt, null);
        const immediate = await keys.rotate(shortRotated?.record.id ?? '', { graceMs: 0, at });
        assert.equal(immediate?.previous.expiresAt?.getTime(), at.getTime());

        const revoked = await keys.create({ name: 'revoked' });
        await keys.revoke(revoked.record.id);
        await assert.rejects(keys.rotate(revoked.record.id, { graceMs }), isCode('SY_ERR_CONFLICT', /revoked/));
        const expired = await keys.create({ name: 'expired', expiresAt: new Date(at.getTime() - 1) });
        await assert.rejects(keys.rotate(expired.record.id, { graceMs, at }), isCode('SY_ERR_CONFLICT', /expired/));
        assert.equal(await keys.rotate('key_missing', { graceMs }), null);
      }));

    test('keys: concurrent rotations of one key create exactly one successor', () =>
      withDatabase(async (database) => {
        const keys = new KeysRepository(database.db);
        const { record } = await keys.create({ name: 'contended' });
        const results = await Promise.allSettled(Array.from({ length: 5 }, () => keys.rotate(record.id, { graceMs: 1000 })));
        assert.equal(results.filter((result) => result.status === 'fulfilled').length, 1);
        const successors = (await keys.list()).filter((key) => key.rotatedFrom === record.id);
        assert.equal(successors.length, 1);
        assert.equal((await keys.findById(record.id))?.rotatedTo, successors[0].id);
      }));

    test('settings: setIfAbsent keeps the first value', () =>
      withDatabase(async (database) => {
        const settings = new SettingsRepository(database.db);
        assert.equal(await settings.setIfAbsent('generated', 'first'), 'first');
        assert.equal(await settings.setIfAbsent('generated', 'second'), 'first');
        const raced = await Promise.all(['a', 'b', 'c'].map((value) => settings.setIfAbsent('raced', value)));
        assert.equal(new Set(raced).size, 1);
      }));
  });
}
